// The API token lives in sessionStorage: it is gone when the tab closes and
// is never written into a URL, a cookie or the page.
const key = 'custody.token';

export const readToken = () => {
  try {
    return sessionStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
};

export const saveToken = (token) => {
  sessionStorage.setItem(key, token.trim());
};

export const forgetToken = () => {
  sessionStorage.removeItem(key);
};
