// Where the dashboard is: the part of the URL after `#`, for example
// `#/clients?search=acme&offset=25`. Only view state lives there, never the token.

export const currentRoute = () => {
  const raw = window.location.hash.replace(/^#/, '') || '/clients';
  const [path = '/clients', search = ''] = raw.split('?');
  return { path, query: new URLSearchParams(search) };
};

/** A route string with its query; empty values are left out. */
export const routeOf = (path, query = {}) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '')
      params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
};

export const go = (path, query) => {
  window.location.hash = `#${routeOf(path, query)}`;
};
