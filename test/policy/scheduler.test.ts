import { startPolicyScheduler } from '../../src/policy';

describe('the policy scheduler', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs at once, then every interval', async () => {
    let runs = 0;
    const scheduler = startPolicyScheduler(
      async () => {
        runs += 1;
      },
      { intervalMs: 1_000 },
    );
    expect(runs).toBe(1);
    await jest.advanceTimersByTimeAsync(999);
    expect(runs).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(runs).toBe(2);
    await jest.advanceTimersByTimeAsync(3_000);
    expect(runs).toBe(5);
    await scheduler.stop();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(5);
  });

  it('skips ticks while a run is still going, and stop waits for it', async () => {
    let runs = 0;
    let finish = () => {};
    const scheduler = startPolicyScheduler(
      () => {
        runs += 1;
        return new Promise<void>((resolve) => {
          finish = resolve;
        });
      },
      { intervalMs: 1_000 },
    );
    await jest.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(1);

    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });

  it('keeps its schedule after a failed run', async () => {
    let runs = 0;
    const scheduler = startPolicyScheduler(
      async () => {
        runs += 1;
        if (runs === 1) throw new Error('store unavailable');
      },
      { intervalMs: 1_000 },
    );
    await jest.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(2);
    await scheduler.stop();
  });
});
