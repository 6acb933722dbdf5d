import {
  CancelledError,
  convertToCommandError,
  DeadlineExceededError,
  AccessDeniedError as EsdbAccessDeniedError,
  StreamDeletedError as EsdbStreamDeletedError,
  StreamNotFoundError as EsdbStreamNotFoundError,
  MaxAppendSizeExceededError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { Metadata, status } from '@grpc/grpc-js';
import { CustodyError } from '../../src/errors';
import {
  AccessDeniedError,
  BatchTooLargeError,
  ConcurrencyError,
  StoreUnavailableError,
  StreamDeletedError,
  StreamNotFoundError,
} from '../../src/eventstore/errors';
import { translateEsdbError } from '../../src/eventstore/esdb/translate-error';

/** A gRPC failure as the server sends it, for the client's own converter. */
const serviceError = (code: status, entries: Record<string, string>) => {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(entries)) metadata.set(key, value);
  return Object.assign(new Error(`${code} from server`), { code, details: '', metadata });
};

describe('translating client errors', () => {
  it('turns a wrong expected version into a conflict with the actual revision', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'client-1',
      expected: 3n,
      current: 5n,
    });
    const translated = translateEsdbError(error, { stream: 'client-1', expected: 3 });
    expect(translated).toBeInstanceOf(ConcurrencyError);
    expect(translated).toMatchObject({ stream: 'client-1', expected: 3, actual: 5 });
    expect(translated).toMatchObject({
      kind: 'conflict',
      code: 'store.wrong-expected-revision',
    });
  });

  it('reports a missing stream as an undefined actual revision', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'client-2',
      expected: 'stream_exists',
      current: 'no_stream',
    });
    const translated = translateEsdbError(error, {
      stream: 'client-2',
      expected: 'stream_exists',
    });
    expect(translated).toMatchObject({ expected: 'stream_exists', actual: undefined });
  });

  it('reads the conflict from the server metadata when the client converts it', () => {
    const error = convertToCommandError(
      serviceError(status.UNKNOWN, {
        exception: 'wrong-expected-version',
        'stream-name': 'client-3',
        'expected-version': '1',
        'actual-version': '2',
      }),
    );
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    const translated = translateEsdbError(error);
    expect(translated).toBeInstanceOf(ConcurrencyError);
    expect(translated).toMatchObject({ stream: 'client-3', expected: 1, actual: 2 });
  });

  it('maps missing and deleted streams', () => {
    const missing = translateEsdbError(
      new EsdbStreamNotFoundError(undefined, 'client-4'),
    );
    expect(missing).toBeInstanceOf(StreamNotFoundError);
    expect(missing).toMatchObject({ stream: 'client-4', kind: 'not-found' });

    const deleted = translateEsdbError(EsdbStreamDeletedError.fromStreamName('client-5'));
    expect(deleted).toBeInstanceOf(StreamDeletedError);
    expect(deleted).toMatchObject({ stream: 'client-5', code: 'store.stream-deleted' });
  });

  it('maps a refused batch size to BatchTooLargeError with the server limit', () => {
    const error = MaxAppendSizeExceededError.fromMaxAppendSize(1_048_576);
    const translated = translateEsdbError(error, { stream: 'client-6', size: 2_000_000 });
    expect(translated).toBeInstanceOf(BatchTooLargeError);
    expect(translated).toMatchObject({ size: 2_000_000, limit: 1_048_576 });
  });

  it('maps access denied', () => {
    const translated = translateEsdbError(new EsdbAccessDeniedError());
    expect(translated).toBeInstanceOf(AccessDeniedError);
    expect(translated).toMatchObject({ code: 'store.access-denied' });
  });

  it('maps a follower refusing a write to unavailability naming the leader', () => {
    const error = convertToCommandError(
      serviceError(status.NOT_FOUND, {
        exception: 'not-leader',
        'leader-endpoint-host': 'esdb-node2',
        'leader-endpoint-port': '2113',
      }),
    );
    const translated = translateEsdbError(error);
    expect(translated).toBeInstanceOf(StoreUnavailableError);
    expect((translated as Error).message).toContain('esdb-node2:2113');
  });

  it.each([
    ['unavailable', new UnavailableError()],
    ['deadline exceeded', new DeadlineExceededError()],
    ['cancelled', new CancelledError()],
    [
      'unavailable from gRPC',
      convertToCommandError(serviceError(status.UNAVAILABLE, {})),
    ],
    ['failed discovery', new Error('Failed to discover after 10 attempts.')],
  ])('maps %s to StoreUnavailableError', (_name, error) => {
    const translated = translateEsdbError(error);
    expect(translated).toBeInstanceOf(StoreUnavailableError);
    expect(translated).toMatchObject({ kind: 'unavailable', code: 'store.unavailable' });
    expect((translated as Error).cause).toBe(error);
  });

  it('returns our own errors and unknown errors unchanged', () => {
    const ours = new CustodyError('validation', 'x.y', 'bad');
    expect(translateEsdbError(ours)).toBe(ours);
    const bug = new TypeError('undefined is not a function');
    expect(translateEsdbError(bug)).toBe(bug);
  });
});
