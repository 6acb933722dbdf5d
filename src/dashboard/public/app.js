import { unauthorizedEvent } from './api.js';
import { fill, h, loading } from './dom.js';
import { currentRoute } from './route.js';
import { match } from './routes.js';
import { forgetToken, readToken, saveToken } from './token.js';
import { forgetPeople } from './widgets/people.js';
import { problemBox } from './widgets/problem.js';

const tokenPanel = document.querySelector('.token-panel');
const tokenForm = document.querySelector('.token-form');
const tokenInput = document.querySelector('#token-input');
const tokenMessage = document.querySelector('.token-message');
const nav = document.querySelector('.sections');
const signOut = document.querySelector('.sign-out');
const viewRoot = document.querySelector('.view');

const askForToken = (message = '') => {
  forgetPeople();
  tokenPanel.hidden = false;
  nav.hidden = true;
  signOut.hidden = true;
  viewRoot.hidden = true;
  fill(viewRoot);
  tokenMessage.textContent = message;
  tokenInput.focus();
};

const showApp = () => {
  tokenPanel.hidden = true;
  nav.hidden = false;
  signOut.hidden = false;
  viewRoot.hidden = false;
};

const markSection = (section) => {
  for (const anchor of nav.querySelectorAll('a')) {
    if (anchor.dataset.section === section) anchor.setAttribute('aria-current', 'page');
    else anchor.removeAttribute('aria-current');
  }
};

// Each render gets a fresh container: an answer arriving after the user
// moved on fills a detached element and is never seen.
const render = async () => {
  if (!readToken()) {
    askForToken();
    return;
  }
  showApp();
  const { path, query } = currentRoute();
  const found = match(path);
  if (!found) {
    window.location.replace('#/clients');
    return;
  }
  markSection(found.route.section);
  document.title = `${found.route.title} · Custody`;
  const container = h('div', { class: 'page' }, loading());
  fill(viewRoot, container);
  try {
    await found.route.view(container, { params: found.params, query });
  } catch (error) {
    // A refused token already sent the user back to the token field.
    if (error?.status !== 401) fill(container, problemBox(error));
  }
};

tokenForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const token = tokenInput.value.trim();
  if (!token) return;
  saveToken(token);
  tokenInput.value = '';
  render();
});

signOut.addEventListener('click', () => {
  forgetToken();
  askForToken('Token forgotten. Paste a token to continue.');
});

window.addEventListener(unauthorizedEvent, (event) => {
  forgetToken();
  const problem = event.detail?.problem ?? {};
  const reason = [problem.title, problem.detail].filter(Boolean).join(': ');
  askForToken(
    `The API refused the token${reason ? ` (${reason})` : ''}. Paste a valid one.`,
  );
});

// Following the link of the page already shown reads it again: a refresh.
nav.addEventListener('click', (event) => {
  const anchor = event.target.closest('a');
  if (anchor && anchor.getAttribute('href') === window.location.hash) render();
});

window.addEventListener('hashchange', render);
render();
