/**
 * Counts authentication failures per client address in a sliding window, so
 * that guessing tokens from one address is cut off. In memory: each API
 * process counts on its own, which bounds guessing per process; a shared
 * limit across processes would need a shared store.
 */
export interface FailureLimiterOptions {
  /** Failures allowed per window; the next attempt is refused. */
  readonly maxFailures: number;
  readonly windowMs: number;
  /** Addresses tracked at most; the oldest is forgotten first. */
  readonly maxAddresses?: number;
  readonly now?: () => number;
}

export interface FailureLimiter {
  /** Milliseconds until the address may try again, or 0 when it may try now. */
  retryAfterMs(address: string): number;
  recordFailure(address: string): void;
}

export const createFailureLimiter = (options: FailureLimiterOptions): FailureLimiter => {
  const now = options.now ?? Date.now;
  const maxAddresses = options.maxAddresses ?? 10_000;
  const failures = new Map<string, number[]>();

  const recent = (address: string): number[] => {
    const since = now() - options.windowMs;
    const times = (failures.get(address) ?? []).filter((time) => time > since);
    if (times.length === 0) failures.delete(address);
    else failures.set(address, times);
    return times;
  };

  return {
    retryAfterMs(address) {
      const times = recent(address);
      if (times.length < options.maxFailures) return 0;
      // The window frees a slot when the oldest counted failure leaves it.
      const oldest = times[times.length - options.maxFailures] ?? now();
      return Math.max(1, oldest + options.windowMs - now());
    },
    recordFailure(address) {
      const times = recent(address);
      times.push(now());
      // Re-inserting keeps the map ordered by last failure, oldest first.
      failures.delete(address);
      failures.set(address, times.slice(-options.maxFailures));
      if (failures.size > maxAddresses) {
        const [first] = failures.keys();
        if (first !== undefined) failures.delete(first);
      }
    },
  };
};
