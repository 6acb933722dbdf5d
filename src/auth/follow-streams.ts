import type {
  EventStore,
  Position,
  RecordedEvent,
  Subscription,
} from '../eventstore/port';
import type { Logger } from '../log';

export interface Follower {
  /** Resolves once every event stored when following began has been applied. */
  readonly caughtUp: Promise<void>;
  close(): Promise<void>;
}

const retryDelayMs = 1_000;

/**
 * Applies every event of some stream categories, from the start of the log
 * and then live, so that this process sees what other processes (the CLI)
 * write. Should the subscription fail, it logs and resubscribes from the
 * last event it applied.
 */
export const followStreams = (
  store: EventStore,
  streamPrefixes: readonly string[],
  apply: (event: RecordedEvent) => void,
  logger: Logger,
): Follower => {
  let closed = false;
  let current: Subscription | undefined;
  let last: Position | undefined;
  let markCaughtUp!: () => void;
  let failFirst!: (error: unknown) => void;
  let first = true;
  const caughtUp = new Promise<void>((resolve, reject) => {
    markCaughtUp = resolve;
    failFirst = reject;
  });

  const run = async (): Promise<void> => {
    while (!closed) {
      try {
        current = store.subscribeToAll({
          from: last ?? 'start',
          filter: { streamPrefixes },
        });
        for await (const message of current) {
          if (message.kind === 'caught-up') {
            markCaughtUp();
            first = false;
            continue;
          }
          apply(message.event);
          last = message.event.position;
        }
        // The port's subscriptions end only when closed.
        return;
      } catch (error) {
        if (closed) return;
        // At start-up a failure is the caller's to report; later it is retried.
        if (first) return failFirst(error);
        logger.warn(
          { err: error, streamPrefixes },
          'token subscription failed; resubscribing',
        );
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
      }
    }
  };
  const running = run();

  return {
    caughtUp,
    async close() {
      closed = true;
      await current?.close();
      await running;
    },
  };
};
