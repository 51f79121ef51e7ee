import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registryProjections } from '../../src/app/projections';
import { registryUpcasters } from '../../src/app/upcasters';
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';
import { generateHistory } from '../../src/generator/generateHistory';
import { writeHistory } from '../../src/generator/writeHistory';
import { HistorySnapshots } from '../../src/projectionRunner/historySnapshots';
import { ProjectionRunner } from '../../src/projectionRunner/projectionRunner';
import { registryAsOf } from '../../src/projectionRunner/registryAsOf';
import { DateTime } from 'luxon';
import type { LegalDate } from '../../src/shared/time';
import type { AuditModel } from '../../src/audit/auditModel';
import { evaluateFindings } from '../../src/audit/evaluateFindings';
import { checkpointsOf, judgedFindingsOf, lentJudgedFindingsOf } from '../../src/audit/judgedFindings';
import { findingsOn } from '../../src/queries/findingQueries';
import type { PolicyModel } from '../../projections/policy';
import { plainModel } from '../support/plainModel';

describe('read models built live equal read models rebuilt from the store', () => {
  let dataDir: string;
  let store: SqliteEventStore;
  const runners: ProjectionRunner[] = [];
  const runner = (extra: { snapshotFile?: string } = {}) => {
    const created = new ProjectionRunner({ store, projections: registryProjections, upcasters: registryUpcasters, ...extra });
    runners.push(created);
    return created;
  };

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-rebuild-'));
    store = SqliteEventStore.open({ dataDir });
  });
  afterAll(async () => {
    for (const started of runners) await started.stop();
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives exactly the same models for a generated history, and after a snapshot round trip', async () => {
    const live = runner();
    await live.start();
    // Written while the live runner follows: catch-up, live delivery and group commits interleave.
    await writeHistory(store, generateHistory({ seed: 11, agreements: 300, to: '2026-11-24' as LegalDate }), { concurrency: 64 });
    let head = 0n;
    for await (const event of store.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 })) head = event.position;
    await expect(live.waitFor(head, 10_000)).resolves.toBe(true);
    expect(live.health().failures).toEqual([]);

    const rebuilt = runner();
    await rebuilt.start();
    const snapshotFile = path.join(dataDir, 'snapshot.v8');
    const snapshotting = runner({ snapshotFile });
    await snapshotting.start();
    await snapshotting.stop();
    const restored = runner({ snapshotFile });
    await restored.start();

    expect(restored.health().snapshot).toBe('loaded');
    for (const projection of registryProjections) {
      expect(plainModel(rebuilt.model(projection))).toEqual(plainModel(live.model(projection)));
      expect(plainModel(restored.model(projection))).toEqual(plainModel(live.model(projection)));
    }
    expect(rebuilt.position).toBe(live.position);
  }, 60_000);
});

describe('past read models from a history snapshot equal past read models folded from the start', () => {
  let dataDir: string;
  let store: SqliteEventStore;
  let snapshots: HistorySnapshots;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-past-'));
    store = SqliteEventStore.open({ dataDir });
    await writeHistory(store, generateHistory({ seed: 11, agreements: 300, to: '2026-11-24' as LegalDate }), { concurrency: 64 });
    // A history snapshot every 700 events: each instant below is replayed on top of one, its
    // views restored cold and changed by the events that follow (some of them deferred changes).
    // The audit's judgements checkpointed every 70 events, for the instants to borrow.
    snapshots = new HistorySnapshots(path.join(dataDir, 'history'), 100);
    const historian = new ProjectionRunner({
      store,
      projections: registryProjections,
      upcasters: registryUpcasters,
      history: { snapshots, everyEvents: 700, checkpointEveryEvents: 70 },
    });
    await historian.start();
    await historian.stop();
  }, 60_000);
  afterAll(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets other work run while it replays, rather than holding the event loop to the end', async () => {
    let finished = false;
    let ranDuringReplay = false;
    setImmediate(() => (ranDuringReplay = !finished));
    const past = await registryAsOf({ store, projections: registryProjections, upcasters: registryUpcasters }, DateTime.utc(2026, 11, 24)).finally(() => (finished = true));
    expect(past.replayed).toBeGreaterThan(4_000);
    expect(ranDuringReplay).toBe(true);
  });

  it.each(['2008-06-30T00:00:00Z', '2019-02-11T00:00:00Z', '2026-07-01T00:00:00Z'])('as of %s', async (iso) => {
    const instant = DateTime.fromISO(iso, { zone: 'utc' });
    const deps = { store, projections: registryProjections, upcasters: registryUpcasters };
    const fromHistory = await registryAsOf({ ...deps, history: snapshots }, instant);
    const fromStart = await registryAsOf(deps, instant);
    expect(fromStart.replayed).toBeGreaterThan(700);
    expect(fromHistory.replayed).toBeGreaterThan(0);
    expect(fromHistory.replayed).toBeLessThan(700);
    expect(fromHistory.position).toBe(fromStart.position);
    for (const projection of registryProjections) {
      expect(plainModel(fromHistory.models.get(projection.name))).toEqual(plainModel(fromStart.models.get(projection.name)));
    }
    // Findings judged at the history snapshot are read back for the agreements the replay left
    // alone, those judged at the next one or its checkpoints for the agreements as one of them saw
    // them, and the rest judged again: on the instant's day and on a later one, the same findings as
    // judging every agreement of the models folded from the start.
    const models = (past: typeof fromStart) => [past.models.get('auditFindings') as AuditModel, past.models.get('policy') as PolicyModel] as const;
    const [audit, policy] = models(fromHistory);
    expect(judgedFindingsOf(audit).length).toBeGreaterThan(0);
    // The next snapshot's judgements and its nine checkpoints'; its own checkpoints were not loaded.
    expect(lentJudgedFindingsOf(audit)).toHaveLength(10);
    expect(checkpointsOf(audit)).toEqual([]);
    for (const day of [iso.slice(0, 10), '2026-11-24'] as LegalDate[]) {
      const expected = evaluateFindings(...models(fromStart), day);
      expect(expected.length).toBeGreaterThan(0);
      expect(findingsOn(audit, policy, day).all()).toEqual(expected);
    }
  }, 30_000);
});
