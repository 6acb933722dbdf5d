/**
 * Runs tasks with many in flight, so that the embedded store can group their
 * appends into one commit, while tasks sharing a key (one client's stream)
 * run one after the other in the order given and never race each other.
 */
export interface KeyedTask {
  readonly key: string;
  run(): Promise<void>;
}

export interface KeyedPoolOptions {
  /** Keys worked on at once. */
  readonly concurrency: number;
  /** Asked before each task; returning true stops starting new ones. */
  readonly shouldStop?: () => boolean;
}

export const runKeyed = async (
  tasks: readonly KeyedTask[],
  options: KeyedPoolOptions,
): Promise<void> => {
  const lanes = new Map<string, KeyedTask[]>();
  for (const task of tasks) {
    const lane = lanes.get(task.key);
    if (lane === undefined) lanes.set(task.key, [task]);
    else lane.push(task);
  }
  const queue = [...lanes.values()];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < queue.length) {
      const lane = queue[next]!;
      next += 1;
      for (const task of lane) {
        if (options.shouldStop?.()) return;
        await task.run();
      }
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, queue.length));
  await Promise.all(Array.from({ length: workers }, worker));
};
