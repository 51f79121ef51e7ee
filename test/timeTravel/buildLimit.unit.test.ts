import { UnavailableError } from '../../src/shared/errors';
import { BuildLimit } from '../../src/timeTravel/buildLimit';

/** A build that ends when told to, and says when it started. */
const controlled = () => {
  let finish!: (value: string) => void;
  let fail!: (error: Error) => void;
  let started = false;
  const done = new Promise<string>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return {
    build: () => {
      started = true;
      return done;
    },
    finish: (value: string) => finish(value),
    fail: (error: Error) => fail(error),
    get started() {
      return started;
    },
  };
};

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('past registries built at once', () => {
  it('runs as many as allowed, starts the next in line when one ends, whether it succeeds or fails', async () => {
    const limit = new BuildLimit({ running: 2, waiting: 5, retryAfterSeconds: 5 });
    const [a, b, c, d] = [controlled(), controlled(), controlled(), controlled()];
    const results = [a, b, c, d].map((build) => limit.run(build.build).catch((error: Error) => error.message));
    await turn();
    expect([a.started, b.started, c.started, d.started]).toEqual([true, true, false, false]);
    expect(limit.load).toEqual({ running: 2, waiting: 2 });

    a.fail(new Error('store unreachable'));
    await turn();
    expect([c.started, d.started]).toEqual([true, false]);
    b.finish('b');
    await turn();
    expect(d.started).toBe(true);
    c.finish('c');
    d.finish('d');

    expect(await Promise.all(results)).toEqual(['store unreachable', 'b', 'c', 'd']);
    expect(limit.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses at once, as UNAVAILABLE with when to retry, a build past the waiting line, and never starts it', async () => {
    const limit = new BuildLimit({ running: 1, waiting: 1, retryAfterSeconds: 7 });
    const [first, second, third] = [controlled(), controlled(), controlled()];
    const running = limit.run(first.build);
    const waiting = limit.run(second.build);
    const refused = limit.run(third.build);

    await expect(refused).rejects.toThrow(UnavailableError);
    await expect(refused).rejects.toMatchObject({ kind: 'UNAVAILABLE', retryAfterSeconds: 7, message: expect.stringContaining('ask again in 7 seconds') });
    expect(third.started).toBe(false);
    first.finish('first');
    second.finish('second');
    expect([await running, await waiting]).toEqual(['first', 'second']);
  });
});
