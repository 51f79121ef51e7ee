import { Shutdown } from '../../src/http/shutdown';

describe('a shutdown of long requests', () => {
  it('signals them, then waits for each to answer', async () => {
    const shutdown = new Shutdown();
    const answered: string[] = [];
    void shutdown.track(
      new Promise<void>((resolve) =>
        shutdown.signal.addEventListener('abort', () =>
          setTimeout(() => {
            answered.push('import');
            resolve();
          }, 20),
        ),
      ),
    );
    expect(shutdown.signal.aborted).toBe(false);
    await shutdown.begin(5_000);
    expect(shutdown.signal.aborted).toBe(true);
    expect(answered).toEqual(['import']);
  });

  it('waits no longer than its grace for a request that does not answer', async () => {
    const shutdown = new Shutdown();
    void shutdown.track(new Promise(() => undefined));
    const started = Date.now();
    await shutdown.begin(50);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
