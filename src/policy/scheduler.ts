import { type Logger, silentLogger } from '../log';

export interface PolicySchedule {
  /** Milliseconds between runs; the first run starts at once. */
  readonly intervalMs: number;
}

/** Runs the policy every 15 minutes unless configured otherwise. */
export const defaultPolicySchedule: PolicySchedule = { intervalMs: 15 * 60_000 };

export interface PolicyScheduler {
  /** Stops the timer and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Runs `run` now and then every `intervalMs`. A tick that finds the previous
 * run still going is skipped rather than queued, so runs never overlap in one
 * process (two processes may overlap: the policy's command ids make that
 * harmless). A failed run is logged; the next tick tries again.
 */
export const startPolicyScheduler = (
  run: () => Promise<unknown>,
  schedule: PolicySchedule,
  logger: Logger = silentLogger,
): PolicyScheduler => {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = run()
      .then(
        () => undefined,
        (error: unknown) => logger.error({ err: error }, 'pool policy run failed'),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, schedule.intervalMs);
  // The schedule alone does not keep the process alive.
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
};
