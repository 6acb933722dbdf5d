/**
 * Errors as data. Every failure Custody reports carries a stable `code` that
 * callers may branch on, a `kind` that says what sort of failure it is (the
 * HTTP layer alone maps kinds to status codes), an optional `path` naming the
 * offending field, and a human message. Codes are part of the public contract:
 * never rename one.
 */

export type ErrorKind =
  /** The input is malformed or fails a schema. */
  | 'validation'
  /** The thing named does not exist. */
  | 'not-found'
  /** A business rule refuses the command (for example the holding cap). */
  | 'rule'
  /** Another writer got there first (expected revision did not match). */
  | 'conflict'
  /** A precondition the caller pinned (If-Match) no longer holds. */
  | 'precondition'
  | 'unauthenticated'
  | 'forbidden'
  | 'too-large'
  | 'unsupported-media-type'
  | 'rate-limited'
  /** A dependency (the store) cannot be reached or answered too late. */
  | 'unavailable'
  /** A bounded wait ran out (for example read-your-writes). */
  | 'timeout';

export interface ErrorIssue {
  readonly path: string;
  readonly message: string;
}

export interface CustodyErrorOptions {
  /** Dotted path of the offending field, for example `body.occurredAt`. */
  readonly path?: string;
  /** Per-field problems, for validation failures that have several. */
  readonly issues?: readonly ErrorIssue[];
  /** Extra machine-readable facts, safe to show to the caller. */
  readonly details?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

export class CustodyError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly path: string | undefined;
  readonly issues: readonly ErrorIssue[];
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    kind: ErrorKind,
    code: string,
    message: string,
    options: CustodyErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CustodyError';
    this.kind = kind;
    this.code = code;
    this.path = options.path;
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
  }
}

export const isCustodyError = (error: unknown): error is CustodyError =>
  error instanceof CustodyError;
