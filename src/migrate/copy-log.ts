import type { AppendResult, EventStore, RecordedEvent } from '../eventstore/port';
import { MAX_APPEND_BYTES } from '../eventstore/validate-append';

export interface CopyOptions {
  /**
   * Appends in flight at once. The embedded store commits appends in the
   * order it receives them, so a window keeps the global order there; for
   * EventStoreDB use 1 to keep it.
   */
  readonly window?: number;
  readonly onProgress?: (copied: number, skipped: number) => void;
}

export interface CopyResult {
  /** Events appended to the target by this run. */
  readonly copied: number;
  /** Events the target held already (from an earlier, interrupted run). */
  readonly skipped: number;
}

/** Events per append, and bytes, kept under the store's batch limit. */
const maxRun = 500;
const maxRunBytes = MAX_APPEND_BYTES / 2;

/**
 * Copies the whole log, in global order, keeping event ids, types, data and
 * metadata. Each append names the source revision before it as the expected
 * revision, so the target's streams end exactly like the source's. Resumable:
 * events whose stream revision the target already has are skipped, and an
 * append repeated with the same ids is acknowledged without writing twice.
 */
export const copyLog = async (
  source: EventStore,
  target: EventStore,
  options: CopyOptions = {},
): Promise<CopyResult> => {
  const window = Math.max(1, options.window ?? 1);
  const targetRevisions = new Map<string, number>();
  const lastAppend = new Map<string, Promise<AppendResult>>();
  const inFlight = new Set<Promise<unknown>>();
  let failure: unknown;
  let copied = 0;
  let skipped = 0;
  let run: RecordedEvent[] = [];
  let runBytes = 0;

  const revisionInTarget = async (stream: string): Promise<number> => {
    const known = targetRevisions.get(stream);
    if (known !== undefined) return known;
    const revision = (await target.streamRevision(stream)) ?? -1;
    targetRevisions.set(stream, revision);
    return revision;
  };

  const flush = async (): Promise<void> => {
    const events = run;
    run = [];
    runBytes = 0;
    const first = events[0];
    if (first === undefined) return;
    const have = await revisionInTarget(first.stream);
    const missing = events.filter((event) => event.revision > have);
    skipped += events.length - missing.length;
    const start = missing[0];
    if (start === undefined) return;
    targetRevisions.set(first.stream, missing.at(-1)!.revision);

    // The previous append to this stream must land first in any store.
    await lastAppend.get(first.stream)?.catch(() => undefined);
    while (inFlight.size >= window) await Promise.race(inFlight);
    if (failure !== undefined) throw failure;
    const append = target.append(
      start.stream,
      missing.map((event) => ({
        id: event.id,
        type: event.type,
        data: event.data,
        metadata: event.metadata,
      })),
      { expectedRevision: start.revision === 0 ? 'no_stream' : start.revision - 1 },
    );
    lastAppend.set(start.stream, append);
    const tracked = append.then(
      () => {
        copied += missing.length;
        options.onProgress?.(copied, skipped);
      },
      (error: unknown) => {
        failure ??= error;
      },
    );
    inFlight.add(tracked);
    void tracked.finally(() => inFlight.delete(tracked));
  };

  for await (const event of source.readAll()) {
    if (failure !== undefined) break;
    const bytes =
      JSON.stringify(event.data).length + JSON.stringify(event.metadata).length;
    const sameRun = run.length > 0 && run[0]!.stream === event.stream;
    if (
      run.length > 0 &&
      (!sameRun || run.length >= maxRun || runBytes + bytes > maxRunBytes)
    ) {
      await flush();
    }
    run.push(event);
    runBytes += bytes;
  }
  if (failure === undefined) await flush();
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure;
  return { copied, skipped };
};
