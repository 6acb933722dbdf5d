import { apiGet } from '../api.js';
import { h } from '../dom.js';
import { problemBox } from './problem.js';

/**
 * A button that fetches a file from the API with the token and saves it: a
 * plain link cannot carry the Authorization header, and the token must not
 * go into a URL. A refusal shows beside the button.
 */
export const downloadButton = (label, { path, query = {}, filename, type }) => {
  const status = h('span', { class: 'download-status' });
  const button = h('button', { type: 'button', class: 'button' }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.replaceChildren();
    try {
      const text = await apiGet(path, query, 'text');
      const url = URL.createObjectURL(new Blob([text], { type }));
      const anchor = h('a', { href: url, download: filename });
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      // The click has handed the file over; the object URL is not needed after.
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      if (error?.status !== 401) status.append(problemBox(error));
    } finally {
      button.disabled = false;
    }
  });
  return h('span', { class: 'download' }, button, status);
};
