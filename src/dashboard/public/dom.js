// Every piece of data reaches the page as a text node or an attribute value,
// never as HTML: names and notes typed by people cannot inject markup.

const setProperty = (element, name, value) => {
  if (value === undefined || value === null || value === false) return;
  if (name === 'class') element.className = value;
  else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
  else if (value === true) element.setAttribute(name, '');
  else element.setAttribute(name, String(value));
};

/** Builds an element: `h('a', { href, class }, 'text', child, [more])`. */
export const h = (tag, props = {}, ...children) => {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) setProperty(element, name, value);
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false || child === '')
      continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
};

/** Replaces an element's children. */
export const fill = (element, ...children) => {
  element.replaceChildren();
  for (const child of children.flat(Infinity)) {
    if (child !== undefined && child !== null && child !== false) element.append(child);
  }
  return element;
};

/** A hash link inside the dashboard. */
export const link = (route, text, props = {}) =>
  h('a', { ...props, href: `#${route}` }, text);

export const heading = (title, subtitle) =>
  h('div', { class: 'page-head' }, h('h1', {}, title), subtitle && h('p', {}, subtitle));

export const placeholder = (text) => h('p', { class: 'empty' }, text);

export const loading = () => h('p', { class: 'loading' }, 'Loading…');

/** A small coloured label: `badge('locked', 'warn')`. */
export const badge = (text, tone = 'neutral') =>
  h('span', { class: `badge ${tone}` }, text);
