import {
  CancelledError,
  convertToCommandError,
  DeadlineExceededError,
  AccessDeniedError as EsdbAccessDeniedError,
  StreamDeletedError as EsdbStreamDeletedError,
  StreamNotFoundError as EsdbStreamNotFoundError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { isCustodyError } from '../../errors';
import {
  AccessDeniedError,
  BatchTooLargeError,
  ConcurrencyError,
  StoreUnavailableError,
  StreamDeletedError,
  StreamNotFoundError,
} from '../errors';
import type { ExpectedRevision } from '../port';
import { fromEsdbRevision } from './mapping';

/** What the adapter was doing when the client failed, to name it in our error. */
export interface EsdbErrorContext {
  readonly stream?: string;
  readonly expected?: ExpectedRevision;
  /** Serialised size of the batch, for a refused append. */
  readonly size?: number;
}

/**
 * The one place where the client's errors become the port's. Anything not
 * recognised is returned unchanged, so a programming error keeps its stack.
 */
export const translateEsdbError = (
  failure: unknown,
  context: EsdbErrorContext = {},
): unknown => {
  if (isCustodyError(failure)) return failure;
  // Some client paths (the server-features probe, for one) reject with the
  // raw gRPC error; the client's own converter classifies those.
  const error = failure instanceof Error ? convertToCommandError(failure) : failure;

  if (error instanceof WrongExpectedVersionError) {
    const stream = context.stream ?? error.streamName;
    return new ConcurrencyError(
      stream,
      context.expected ?? expectedFromClient(error.expectedVersion),
      fromEsdbRevision(error.actualVersion),
    );
  }
  if (error instanceof EsdbStreamNotFoundError) {
    return new StreamNotFoundError(context.stream ?? error.streamName);
  }
  if (error instanceof EsdbStreamDeletedError) {
    return new StreamDeletedError(context.stream ?? error.streamName);
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return new BatchTooLargeError(
      context.size ?? error.maxAppendSize + 1,
      error.maxAppendSize,
    );
  }
  if (error instanceof EsdbAccessDeniedError) {
    return new AccessDeniedError(`The event store denied access: ${error.message}`);
  }
  if (error instanceof NotLeaderError) {
    // The client reconnects to the leader it was told about on its next call,
    // so this is a transient failure for the caller to retry.
    const { address, port } = error.leader;
    return new StoreUnavailableError(
      `The event store node is not the leader (leader at ${address}:${port}); retry`,
      error,
    );
  }
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof CancelledError ||
    error instanceof TimeoutError ||
    error instanceof UnknownError
  ) {
    const detail = error.message === '' ? error.type : error.message;
    return new StoreUnavailableError(
      `The event store cannot be reached: ${detail}`,
      error,
    );
  }
  if (error instanceof Error && /^Failed to discover after/.test(error.message)) {
    // Cluster discovery gives up with a plain Error rather than a command error.
    return new StoreUnavailableError(
      `The event store cannot be reached: ${error.message}`,
      error,
    );
  }
  return failure;
};

const expectedFromClient = (expected: WrongExpectedVersionError['expectedVersion']) =>
  typeof expected === 'bigint' ? Number(expected) : expected;
