/**
 * Tells subscriptions that new events may be in the log. Commits made by this
 * process notify at once. Commits made by another process on the same file are
 * noticed by polling SQLite's `data_version`, which changes only when another
 * connection commits, so idle polls cost one tiny query and wake nobody.
 */
export class CommitSignal {
  /** Bumped on every notification; a subscription compares it to what it read. */
  generation = 0;
  private readonly listeners = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private lastVersion: number | undefined;
  private stopped = false;

  /**
   * `readVersion` is undefined for an in-memory database, which no other
   * process can reach, so nothing polls.
   */
  constructor(
    private readonly readVersion: (() => number) | undefined,
    private readonly pollIntervalMs: number,
  ) {}

  notify(): void {
    this.generation += 1;
    for (const listener of this.listeners) listener();
  }

  /** Registers a listener for the life of a subscription; returns its removal. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    if (this.readVersion && this.timer === undefined && !this.stopped) {
      this.startPolling(this.readVersion);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopPolling();
    };
  }

  /** For good, when the store closes: the file must not be read any more. */
  stop(): void {
    this.stopped = true;
    this.stopPolling();
  }

  private stopPolling(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private startPolling(readVersion: () => number): void {
    this.lastVersion = readVersion();
    this.timer = setInterval(() => {
      const version = readVersion();
      if (version === this.lastVersion) return;
      this.lastVersion = version;
      this.notify();
    }, this.pollIntervalMs);
    // Polling must never keep a process alive on its own.
    this.timer.unref();
  }
}
