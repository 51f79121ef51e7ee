/**
 * One measurement of the read models on an existing data directory, printed as JSON. Run by
 * scripts/bench/projections.ts in a fresh process each time, so memory figures are its own.
 *   rebuild <dataDir> [threads]   fold every event from the start as `npm run rebuild` does (on
 *                       2 threads unless told); then again writing the snapshot and history snapshots
 *   startup <dataDir>   start from the snapshot the rebuild wrote
 *   asof <dataDir>      registry as of several recorded instants
 */
import { DateTime } from 'luxon';
import type { Viewer } from '../../src/access/permissions';
import type { AgreementId } from '../../src/agreements/agreementTypes';
import { DEFAULT_HISTORY } from '../../src/config/config';
import { registryProjections } from '../../src/app/projections';
import { readModelFiles } from '../../src/app/readModelFiles';
import { defaultRebuildThreads, ReadModelRebuild } from '../../src/app/readModelRebuild';
import { registryUpcasters } from '../../src/app/upcasters';
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';
import { HistorySnapshots } from '../../src/projectionRunner/historySnapshots';
import { ProjectionRunner } from '../../src/projectionRunner/projectionRunner';
import { pastReadView } from '../../src/graphql/readModels';
import { readableFindings } from '../../src/graphql/resolvers/audit';
import { loadPastModels, type PastModel, type PastModelKey } from '../../src/projectionRunner/registryAsOf';
import type { Instant } from '../../src/shared/time';

const SRE_LEGAL: Viewer = { kind: 'actor', actor: { id: 'bench', role: 'sre-legal', entityScope: [] } };

const [mode, dataDir, threadsArgument] = process.argv.slice(2);
if (!mode || !dataDir) throw new Error('usage: projectionsMeasure <rebuild|startup|asof> <dataDir> [threads]');

/** Peak resident memory of this process so far (the kernel's own high-water mark). */
const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;
/** CPU seconds of this process (all its threads, GC helpers included) since `since`. */
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

const main = async () => {
  const files = readModelFiles(dataDir, DEFAULT_HISTORY);
  const store = SqliteEventStore.open({ dataDir });
  const history = new HistorySnapshots(files.historyDirectory, files.historyKeep);
  const runner = (withSnapshots: boolean) =>
    new ProjectionRunner({
      store,
      projections: registryProjections,
      upcasters: registryUpcasters,
      ...(withSnapshots ? { snapshotFile: files.snapshotFile, history: { snapshots: history, everyEvents: files.historyEveryEvents, checkpointEveryEvents: files.checkpointEveryEvents } } : {}),
    });
  const result: Record<string, unknown> = { mode };
  if (mode === 'rebuild') {
    // What `npm run rebuild` runs. Fold alone first (what the target is about), then once more
    // writing snapshots for the next steps (each run starts from the start of the store).
    const threads = threadsArgument === undefined ? defaultRebuildThreads() : Number(threadsArgument);
    const rebuild = (writeSnapshots: boolean) => new ReadModelRebuild({ store: { kind: 'sqlite', dataDir }, files, writeSnapshots, threads });
    let started = process.hrtime.bigint();
    const plain = await rebuild(false).run();
    result['seconds'] = seconds(started);
    result['threads'] = threads;
    result['events'] = plain.eventsApplied;
    result['failures'] = plain.failures;
    // The whole process's high-water mark: every thread's heap is in it.
    result['peakRssMiB'] = peakRssMiB();
    started = process.hrtime.bigint();
    await rebuild(true).run();
    result['secondsWithSnapshots'] = seconds(started);
  } else if (mode === 'startup') {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const restored = runner(true);
    await restored.start();
    result['seconds'] = seconds(started);
    result['cpuSeconds'] = cpuSeconds(cpu);
    result['snapshot'] = restored.health().snapshot;
    result['eventsAfterSnapshot'] = restored.eventsApplied;
    result['peakRssMiB'] = peakRssMiB();
  } else if (mode === 'asof') {
    let first: string | undefined;
    let last: string | undefined;
    for await (const event of store.readAll({ maxCount: 1 })) first = event.metadata['recordedAt'] as string;
    for await (const event of store.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 })) last = event.metadata['recordedAt'] as string;
    if (!first || !last) throw new Error('empty store');
    const from = DateTime.fromISO(first).toMillis();
    const span = DateTime.fromISO(last).toMillis() - from;
    // Through the GraphQL loader's batch function (src/graphql/loaders.ts), with the models the
    // registryAsOf fields read (src/graphql/resolvers/registryAsOf.ts): statistics, agreements and
    // inForceOn read agreements and the policy; auditFindings the audit model too, and takes the
    // findings on every agreement the reader may see (timed with it). Exports as of an instant read
    // the same models as auditFindings, or the timeline instead of the audit for the history
    // (src/importExport/runExport.ts); every model is for comparison (no request builds them all).
    const sets: Record<string, readonly string[]> = {
      agreements: ['agreements', 'policy'],
      findings: ['agreements', 'policy', 'auditFindings'],
      history: ['agreements', 'policy', 'timeline'],
      all: registryProjections.map((projection) => projection.name),
    };
    const deps = { store, projections: registryProjections, upcasters: registryUpcasters, history };
    for (const [name, models] of Object.entries(sets)) {
      const timings: Array<{ at: string; ms: number; cpuMs: number }> = [];
      for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.9, 0.97]) {
        const at = DateTime.fromMillis(from + span * fraction, { zone: 'utc' }).toISO() as string;
        const started = process.hrtime.bigint();
        const cpu = process.cpuUsage();
        const keys: PastModelKey[] = models.map((projection) => ({ instant: at, projection }));
        const loaded = await loadPastModels(deps, keys, (instant) => DateTime.fromISO(instant, { zone: 'utc' }));
        const failed = loaded.find((model) => model instanceof Error);
        if (failed) throw failed;
        // The auditFindings field then does what its resolver does for SRE legal staff: takes every
        // finding of the past registry on that day that the reader may see, newest first, and
        // resolves the first page's agreements.
        if (name === 'findings') {
          const past = pastReadView({ models: new Map(models.map((projection, index) => [projection, (loaded[index] as PastModel).model])), position: null }, at as Instant);
          const { findings, indices } = readableFindings({ viewer: SRE_LEGAL }, past, null);
          for (const index of indices.slice(0, 20)) past.agreements.agreements.get(findings.finding(index).agreementId as AgreementId);
        }
        timings.push({ at, ms: Math.round(seconds(started) * 1000), cpuMs: Math.round(cpuSeconds(cpu) * 1000) });
      }
      result[name] = timings;
    }
    result['peakRssMiB'] = peakRssMiB();
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  await store.close();
  console.log(JSON.stringify(result));
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
