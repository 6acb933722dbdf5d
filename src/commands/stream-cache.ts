import type { Folder } from './loaded-stream';

/**
 * A stream folded up to a revision, and the ids of every event in it (lower
 * case), so that a command can tell whether it is already recorded there.
 */
export interface FoldedStream<S> {
  readonly folder: Folder<S>;
  readonly revision: number;
  readonly state: S;
  /**
   * Grows as the stream does and may be shared by entries at older
   * revisions: an id in it is always one the stream really holds.
   */
  readonly ids: Set<string>;
}

export interface StreamCacheLimits {
  /** Streams kept at most. */
  readonly streams: number;
  /** Event ids kept at most, over all streams: a rough bound on memory. */
  readonly events: number;
}

export const defaultStreamCacheLimits: StreamCacheLimits = {
  streams: 10_000,
  events: 200_000,
};

/**
 * Streams the command bus folded lately, least recently used evicted first.
 * Only an optimisation: a command still reads every event after the cached
 * revision, and appends expecting the revision it read, so a stale entry
 * (another process wrote) costs a longer read, never a wrong decision.
 */
export class StreamCache {
  /** Each entry with the number of ids counted for it when it was kept. */
  private readonly entries = new Map<string, [FoldedStream<unknown>, number]>();
  private events = 0;

  constructor(private readonly limits: StreamCacheLimits = defaultStreamCacheLimits) {}

  /** The entry for the stream, when it was folded by this same folder. */
  get<S>(stream: string, folder: Folder<S>): FoldedStream<S> | undefined {
    const kept = this.entries.get(stream);
    if (kept === undefined || kept[0].folder !== folder) return undefined;
    // Map order is insertion order: moving the entry to the end marks it recent.
    this.entries.delete(stream);
    this.entries.set(stream, kept);
    return kept[0] as FoldedStream<S>;
  }

  /** Keeps the entry unless the one kept is as recent, or it is too big to keep. */
  set<S>(stream: string, entry: FoldedStream<S>): void {
    const kept = this.entries.get(stream)?.[0];
    if (kept && kept.folder === entry.folder && kept.revision >= entry.revision) return;
    this.delete(stream);
    const size = entry.ids.size;
    if (size > this.limits.events) return;
    this.entries.set(stream, [entry as FoldedStream<unknown>, size]);
    this.events += size;
    for (const [oldest, [, counted]] of this.entries) {
      if (this.entries.size <= this.limits.streams && this.events <= this.limits.events)
        break;
      this.entries.delete(oldest);
      this.events -= counted;
    }
  }

  delete(stream: string): void {
    const kept = this.entries.get(stream);
    if (kept === undefined) return;
    this.entries.delete(stream);
    this.events -= kept[1];
  }

  get size(): number {
    return this.entries.size;
  }
}
