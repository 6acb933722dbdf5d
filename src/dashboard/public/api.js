import { readToken } from './token.js';

/** A refused or failed API call, with the problem+json body the API sent. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** Fired on `window` when the API refuses the token: the app asks for another. */
export const unauthorizedEvent = 'custody:unauthorized';

const problemOf = async (response) => {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return await response.json();
    } catch {
      // Fall through to the status line.
    }
  }
  return {
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
  };
};

/** `/v1` path plus query parameters; empty and absent values are left out. */
export const apiUrl = (path, query = {}) => {
  const url = new URL(`/v1${path}`, window.location.origin);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      url.searchParams.set(name, String(value));
    }
  }
  return url;
};

/** GETs a query route with the bearer token; JSON unless `as` is 'text'. */
export const apiGet = async (path, query = {}, as = 'json') => {
  let response;
  try {
    response = await fetch(apiUrl(path, query), {
      headers: {
        Authorization: `Bearer ${readToken()}`,
        Accept: as === 'json' ? 'application/json' : 'text/plain',
      },
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    throw new ApiError(0, {
      title: 'The API cannot be reached',
      detail: 'Check that the Custody server is running, then try again.',
    });
  }
  if (!response.ok) {
    const error = new ApiError(response.status, await problemOf(response));
    if (response.status === 401) {
      window.dispatchEvent(new CustomEvent(unauthorizedEvent, { detail: error }));
    }
    throw error;
  }
  return as === 'json' ? response.json() : response.text();
};

/**
 * Every row of a paged list, following `nextCursor` page by page, for views
 * that show a list whole (a client's audit trail, the people pickers).
 */
export const apiGetAll = async (path, query, field) => {
  const first = await apiGet(path, { ...query, limit: 500 });
  const rows = [...first[field]];
  let cursor = first.nextCursor;
  while (cursor) {
    const next = await apiGet(path, { ...query, limit: 500, cursor });
    rows.push(...next[field]);
    cursor = next.nextCursor;
  }
  return { ...first, [field]: rows, nextCursor: null };
};
