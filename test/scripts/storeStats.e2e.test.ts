import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runScript } from '../support/cli';

/**
 * The operator's commands on one data directory: `seed:demo` fills an empty store (and refuses a
 * full one), `store:stats` describes it, `rebuild` writes the snapshot `store:stats` then reports.
 */
describe('npm run seed:demo, store:stats and rebuild', () => {
  let dataDir: string;
  const run = (file: string, ...args: string[]) => runScript(file, args, { DATA_DIR: dataDir });

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-stats-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('describes an empty store', async () => {
    const stats = await run('scripts/storeStats.ts', '--json');
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ events: 0, streams: 0, headPosition: null, eventsByType: {}, readModelSnapshot: { state: 'absent' } });
  }, 30_000);

  it('seeds the demo whole into the empty store, and refuses to seed it again', async () => {
    const seeded = await run('scripts/seedDemo.ts', '--agreements', '40', '--to', '2024-06-01');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/^Loaded the demo registry into the embedded store in .*: 40 agreements, [\d,]+ events in [\d,]+ streams/);
    expect(fs.readdirSync(dataDir).filter((name) => name.includes('seeding'))).toEqual([]);

    const again = await run('scripts/seedDemo.ts', '--agreements', '40');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds events');
  }, 60_000);

  it('reports events, streams, types, the recorded span, sizes and the head', async () => {
    const stats = await run('scripts/storeStats.ts', '--json');
    expect(stats.code).toBe(0);
    const report = JSON.parse(stats.stdout);
    const byType = report.eventsByType as Record<string, number>;
    expect(byType['AgreementOpened']).toBe(40);
    expect(byType['PolicyVersionPublished']).toBe(2);
    expect(Object.values(byType).reduce((sum, n) => sum + n, 0)).toBe(report.events);
    expect(report.headPosition).toBe(String(report.events));
    expect(report.streams).toBeGreaterThan(40);
    // The history begins with the policy, at midnight in Mexico City, and ends before --to.
    expect(report.firstRecordedAt).toBe('2000-01-01T06:00:00.000Z');
    expect(report.lastRecordedAt < '2024-06-01T06:00:00.000Z').toBe(true);
    expect(report.storeFileBytes).toBeGreaterThan(0);
    expect(report.readModelSnapshot).toMatchObject({ state: 'absent', bytes: null, historySnapshots: 0 });
  }, 30_000);

  it('shows the snapshot a rebuild writes, with its position and projection versions', async () => {
    const rebuilt = await run('scripts/rebuildProjections.ts');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/^Rebuilt 6 read models from [\d,]+ events/);

    const text = await run('scripts/storeStats.ts');
    expect(text.code).toBe(0);
    const { events } = JSON.parse((await run('scripts/storeStats.ts', '--json')).stdout);
    expect(text.stdout).toContain(`  events:         ${events.toLocaleString('en')}`);
    expect(text.stdout).toMatch(/^ {4}AgreementOpened +40$/m);
    expect(text.stdout).toContain(`  position ${events.toLocaleString('en')} (lag 0)`);
    expect(text.stdout).toMatch(/versions: +policy \d+, agreements \d+, entities \d+, counterparts \d+, timeline \d+, auditFindings \d+/);
    expect(text.stdout).toMatch(/Read-model snapshot: .*latest\.v8 [\d.]+ (KiB|MiB)/);
  }, 60_000);
});
