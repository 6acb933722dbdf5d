import { CustodyError } from '../errors';
import type { ExpectedRevision } from './port';

/**
 * The store's failures, shared by every adapter. Each adapter translates its
 * driver's errors into these, so nothing above the port knows which store runs.
 */

const describeExpected = (expected: ExpectedRevision): string =>
  typeof expected === 'number' ? `revision ${expected}` : expected;

/** The stream was not at the expected revision; EventStoreDB's WrongExpectedVersion. */
export class ConcurrencyError extends CustodyError {
  readonly stream: string;
  readonly expected: ExpectedRevision;
  /** The stream's actual last revision, `undefined` when it does not exist. */
  readonly actual: number | undefined;

  constructor(stream: string, expected: ExpectedRevision, actual: number | undefined) {
    super(
      'conflict',
      'store.wrong-expected-revision',
      `Stream ${stream} was expected at ${describeExpected(expected)} but is at ${
        actual === undefined ? 'no stream' : `revision ${actual}`
      }`,
      { details: { stream, expected, actual: actual ?? null } },
    );
    this.name = 'ConcurrencyError';
    this.stream = stream;
    this.expected = expected;
    this.actual = actual;
  }
}

export class StreamNotFoundError extends CustodyError {
  constructor(readonly stream: string) {
    super('not-found', 'store.stream-not-found', `Stream ${stream} does not exist`, {
      details: { stream },
    });
    this.name = 'StreamNotFoundError';
  }
}

export class StreamDeletedError extends CustodyError {
  constructor(readonly stream: string) {
    super('conflict', 'store.stream-deleted', `Stream ${stream} has been deleted`, {
      details: { stream },
    });
    this.name = 'StreamDeletedError';
  }
}

export class AccessDeniedError extends CustodyError {
  constructor(message = 'The event store denied access') {
    super('unavailable', 'store.access-denied', message);
    this.name = 'AccessDeniedError';
  }
}

export class StoreUnavailableError extends CustodyError {
  constructor(message = 'The event store cannot be reached', cause?: unknown) {
    super(
      'unavailable',
      'store.unavailable',
      message,
      cause === undefined ? {} : { cause },
    );
    this.name = 'StoreUnavailableError';
  }
}

/** Bad input to the port itself: nothing is written. */
export class InvalidAppendError extends CustodyError {
  constructor(
    code:
      | 'store.invalid-stream-name'
      | 'store.empty-batch'
      | 'store.invalid-event'
      | 'store.invalid-expected-revision',
    message: string,
    path: string,
  ) {
    super('validation', code, message, { path });
    this.name = 'InvalidAppendError';
  }
}

export class BatchTooLargeError extends CustodyError {
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(
      'too-large',
      'store.batch-too-large',
      `The batch is ${size} bytes; the store accepts at most ${limit} bytes per append`,
      { details: { size, limit } },
    );
    this.name = 'BatchTooLargeError';
  }
}
