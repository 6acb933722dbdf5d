import { CustodyError } from '../errors';
import type { Position } from '../eventstore/port';
import { comparePositions, formatPosition } from '../eventstore/position';

interface Waiter {
  readonly wanted: Position;
  readonly resolve: () => void;
  readonly timer: NodeJS.Timeout;
}

/** Callers waiting for the read models to reach a position (read-your-writes). */
export class PositionWaiters {
  private waiters: Waiter[] = [];

  get size(): number {
    return this.waiters.length;
  }

  wait(
    wanted: Position,
    timeoutMs: number,
    current: () => Position | undefined,
  ): Promise<void> {
    const now = current();
    if (now && comparePositions(now, wanted) >= 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter.timer !== timer);
        const reached = current();
        reject(
          new CustodyError(
            'timeout',
            'query.not-caught-up',
            `The read models did not reach position ${formatPosition(wanted)} within ${timeoutMs} ms`,
            {
              details: {
                wantedPosition: formatPosition(wanted),
                currentPosition: reached ? formatPosition(reached) : null,
                timeoutMs,
              },
            },
          ),
        );
      }, timeoutMs);
      this.waiters.push({ wanted, resolve, timer });
    });
  }

  /** Releases every waiter whose position has been reached. */
  reached(position: Position): void {
    if (this.waiters.length === 0) return;
    const still: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (comparePositions(position, waiter.wanted) >= 0) {
        clearTimeout(waiter.timer);
        waiter.resolve();
      } else {
        still.push(waiter);
      }
    }
    this.waiters = still;
  }
}
