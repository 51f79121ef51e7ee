import type { PastModel, PastModelKey } from '../../src/projectionRunner/registryAsOf';
import { PastModelCache, type LoadPastModels } from '../../src/timeTravel/pastModelCache';

const MINUTE = 60_000;
const NOW = Date.parse('2026-11-24T12:00:00Z');

describe('past read models shared by requests', () => {
  let now: number;
  let built: PastModelKey[][];
  /** Builds a model naming its key, or fails for models named "broken". */
  const build: LoadPastModels = async (keys) => {
    built.push([...keys]);
    return keys.map((key) => (key.projection === 'broken' ? new Error('no such model') : { model: `${key.projection}@${key.instant}`, position: 7n }));
  };
  const cache = (maxModels = 6) => new PastModelCache({ maxModels, idleMs: 10 * MINUTE, settledAfterMs: MINUTE, now: () => now });
  const key = (instant: string, projection: string): PastModelKey => ({ instant, projection });
  const load = (into: PastModelCache, keys: PastModelKey[]) => into.load(keys, build, (instant) => Date.parse(instant));
  const modelOf = (result: PastModel | Error | undefined) => (result instanceof Error ? result.message : result?.model);

  beforeEach(() => {
    now = NOW;
    built = [];
  });

  it('builds the models of a settled instant once, however the instant is spelled', async () => {
    const shared = cache();
    const first = await load(shared, [key('2024-01-31T00:00:00Z', 'agreements'), key('2024-01-31T00:00:00Z', 'policy')]);
    const again = await load(shared, [key('2024-01-31T00:00:00.000+00:00', 'agreements'), key('2024-01-31T00:00:00Z', 'auditFindings')]);

    expect(first.map(modelOf)).toEqual(['agreements@2024-01-31T00:00:00Z', 'policy@2024-01-31T00:00:00Z']);
    expect(again.map(modelOf)).toEqual(['agreements@2024-01-31T00:00:00Z', 'auditFindings@2024-01-31T00:00:00Z']);
    // Only the model not built before is built, alone.
    expect(built).toEqual([[key('2024-01-31T00:00:00Z', 'agreements'), key('2024-01-31T00:00:00Z', 'policy')], [key('2024-01-31T00:00:00Z', 'auditFindings')]]);
  });

  it('builds again an instant not yet settled: an event being written may still be recorded before it', async () => {
    const shared = cache();
    const recent = new Date(NOW - 30_000).toISOString();
    await load(shared, [key(recent, 'agreements')]);
    await load(shared, [key(recent, 'agreements')]);
    expect(built).toHaveLength(2);
    expect(shared.size).toBe(0);
  });

  it('shares one build between requests asking at once, and keeps no error', async () => {
    const shared = cache();
    const instant = '2020-06-30T00:00:00Z';
    const [one, two] = await Promise.all([load(shared, [key(instant, 'agreements')]), load(shared, [key(instant, 'agreements')])]);
    expect(built).toHaveLength(1);
    expect(modelOf(two[0])).toBe(modelOf(one[0]));

    const failed = await load(shared, [key(instant, 'broken')]);
    expect(modelOf(failed[0])).toBe('no such model');
    await load(shared, [key(instant, 'broken')]);
    expect(built).toHaveLength(3);
  });

  it('keeps at most so many models, dropping the least recently used, and drops those left idle', async () => {
    const shared = cache(2);
    await load(shared, [key('2020-01-01T00:00:00Z', 'a'), key('2020-01-01T00:00:00Z', 'b')]);
    await load(shared, [key('2020-01-01T00:00:00Z', 'a')]);
    await load(shared, [key('2020-01-01T00:00:00Z', 'c')]);
    expect(shared.size).toBe(2);
    built = [];
    // b was used least recently: it went, a stayed.
    await load(shared, [key('2020-01-01T00:00:00Z', 'a'), key('2020-01-01T00:00:00Z', 'b')]);
    expect(built).toEqual([[key('2020-01-01T00:00:00Z', 'b')]]);

    now += 10 * MINUTE;
    shared.dropIdle();
    expect(shared.size).toBe(0);
  });

  it('answers every key with an error when the build itself fails', async () => {
    const shared = new PastModelCache({ maxModels: 6, idleMs: MINUTE, settledAfterMs: MINUTE, now: () => now });
    const results = await shared.load([key('2020-01-01T00:00:00Z', 'a'), key('2020-01-01T00:00:00Z', 'b')], async () => Promise.reject(new Error('store closed')), Date.parse);
    expect(results.map(modelOf)).toEqual(['store closed', 'store closed']);
    expect(shared.size).toBe(0);
  });
});
