import { CustodyError, type ErrorIssue } from '../errors';

/**
 * A failure the person at the keyboard can fix (a missing file, a bad row, an
 * unknown person): the CLI prints its message on one line and exits with 1.
 */
export const userError = (
  code: string,
  message: string,
  options: { readonly path?: string; readonly issues?: readonly ErrorIssue[] } = {},
): CustodyError => new CustodyError('validation', code, message, options);
