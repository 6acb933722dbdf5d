import type { Response } from 'supertest';
import type { Harness } from './runtime-harness';

/**
 * Sends a request that must be refused, and checks the answer is a problem
 * with this status and code and that nothing was appended to the log.
 */
export const expectRefused = async (
  harness: Harness,
  send: () => PromiseLike<Response>,
  status: number,
  code: string,
): Promise<Response> => {
  const before = await harness.head();
  const response = await send();
  expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(await harness.head()).toBe(before);
  return response;
};
