/**
 * What the store and the read-model snapshots hold: counts, recorded-time span, sizes, positions.
 * Usage: npm run store:stats -- --help
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DateTime } from 'luxon';
import { describeStore, openEventStore } from '../src/app/openEventStore';
import { registryProjections } from '../src/app/projections';
import { readModelFiles } from '../src/app/readModelFiles';
import { runCommand } from '../src/cli/command';
import { createProgress } from '../src/cli/progress';
import { loadConfig } from '../src/config/config';
import { readHeadPosition } from '../src/eventStore/headPosition';
import { readSnapshot } from '../src/projectionRunner/snapshotFile';

const fileSize = (file: string): number | null => (fs.existsSync(file) ? fs.statSync(file).size : null);

const mib = (bytes: number | null): string => (bytes === null ? '—' : bytes < 2 ** 20 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 2 ** 20).toFixed(1)} MiB`);

const count = (value: number | bigint): string => value.toLocaleString('en');

runCommand(
  {
    usage: 'npm run store:stats [-- --json]',
    description:
      'Reads the whole event store and the read-model snapshot and prints: events, streams, events by type, the first and last ' +
      'recorded instant (the registry\'s recordedAt) and when the store wrote its first and last event, the store file size, the ' +
      "head position, and the snapshot's position, projection versions (and whether this code can load them) and size.",
    options: { json: { type: 'boolean', description: 'print one JSON object instead of text' } },
    epilogue: 'Reads the same configuration as the server (DATA_DIR, EVENT_STORE, EVENTSTORE_CONNECTION_STRING); the service may keep running.',
  },
  async ({ values }) => {
    const config = loadConfig(process.env);
    const store = openEventStore(config.store);
    const stats = {
      events: 0,
      streams: new Set<string>(),
      eventsByType: new Map<string, number>(),
      firstRecordedAt: null as string | null,
      lastRecordedAt: null as string | null,
      firstWritten: null as DateTime | null,
      lastWritten: null as DateTime | null,
      head: null as bigint | null,
    };
    let firstMillis = Number.POSITIVE_INFINITY;
    let lastMillis = Number.NEGATIVE_INFINITY;
    try {
      stats.head = await readHeadPosition(store);
      const total = config.store.kind === 'sqlite' && stats.head !== null ? Number(stats.head) : undefined;
      const progress = createProgress({ label: 'Reading the store', unit: 'events' });
      let last;
      for await (const event of store.readAll()) {
        if (stats.events === 0) stats.firstWritten = event.created;
        last = event;
        stats.events += 1;
        stats.streams.add(event.streamName);
        stats.eventsByType.set(event.type, (stats.eventsByType.get(event.type) ?? 0) + 1);
        const recordedAt = event.metadata['recordedAt'];
        if (typeof recordedAt === 'string') {
          const millis = Date.parse(recordedAt);
          if (millis < firstMillis) [firstMillis, stats.firstRecordedAt] = [millis, recordedAt];
          if (millis > lastMillis) [lastMillis, stats.lastRecordedAt] = [millis, recordedAt];
        }
        if (stats.events % 5_000 === 0) progress.update(stats.events, total);
      }
      stats.lastWritten = last?.created ?? null;
      if (stats.events >= 5_000) progress.finish(stats.events);
    } finally {
      await store.close();
    }

    const { dataDir } = config.store;
    const storeFile = config.store.kind === 'sqlite' ? path.join(dataDir, 'events.sqlite3') : null;
    const files = readModelFiles(dataDir, config.history);
    const versions = Object.fromEntries(registryProjections.map((projection) => [projection.name, projection.version]));
    const load = await readSnapshot(files.snapshotFile, versions);
    const history = fs.existsSync(files.historyDirectory) ? fs.readdirSync(files.historyDirectory).filter((name) => name.endsWith('.v8')) : [];
    const report = {
      store: config.store.kind === 'sqlite' ? { kind: 'sqlite', dataDir } : { kind: 'eventstoredb', connectionString: config.store.connectionString },
      storeFileBytes: storeFile ? fileSize(storeFile) : null,
      storeWalBytes: storeFile ? fileSize(`${storeFile}-wal`) : null,
      events: stats.events,
      streams: stats.streams.size,
      headPosition: stats.head?.toString() ?? null,
      firstRecordedAt: stats.firstRecordedAt,
      lastRecordedAt: stats.lastRecordedAt,
      firstWrittenAt: stats.firstWritten?.toISO() ?? null,
      lastWrittenAt: stats.lastWritten?.toISO() ?? null,
      eventsByType: Object.fromEntries([...stats.eventsByType].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
      readModelSnapshot: {
        file: files.snapshotFile,
        bytes: fileSize(files.snapshotFile),
        state: load.kind,
        ...(load.kind === 'loaded'
          ? {
              position: load.snapshot.position.toString(),
              lag: stats.head === null ? null : (stats.head - load.snapshot.position).toString(),
              recordedAt: load.snapshot.recordedAt,
              versions: load.snapshot.versions,
            }
          : {}),
        ...(load.kind === 'discarded' ? { reason: load.reason } : {}),
        historySnapshots: history.length,
        historyBytes: history.reduce((sum, name) => sum + (fileSize(path.join(files.historyDirectory, name)) ?? 0), 0),
      },
    };
    if (values.json) {
      console.log(JSON.stringify(report, null, 2));
      return;
    }
    const snapshot = report.readModelSnapshot;
    const width = Math.max(...Object.keys(report.eventsByType).map((type) => type.length)) + 2;
    console.log(
      [
        `Store: ${describeStore(config.store)}`,
        ...(storeFile ? [`  file:           ${storeFile} ${mib(report.storeFileBytes)}${report.storeWalBytes ? ` (+ WAL ${mib(report.storeWalBytes)})` : ''}`] : []),
        `  events:         ${count(report.events)}`,
        `  streams:        ${count(report.streams)}`,
        `  head position:  ${report.headPosition === null ? 'none (empty store)' : count(BigInt(report.headPosition))}`,
        `  recorded:       ${report.firstRecordedAt ?? '—'} to ${report.lastRecordedAt ?? '—'} (the registry's recordedAt)`,
        `  written:        ${report.firstWrittenAt ?? '—'} to ${report.lastWrittenAt ?? '—'} (when this store wrote them)`,
        '  events by type:',
        ...Object.entries(report.eventsByType).map(([type, n]) => `    ${type.padEnd(width)}${count(n).padStart(10)}`),
        `Read-model snapshot: ${snapshot.file} ${mib(snapshot.bytes)}`,
        snapshot.state === 'loaded'
          ? `  position ${count(BigInt(snapshot.position as string))}${snapshot.lag === null ? '' : ` (lag ${count(BigInt(snapshot.lag as string))})`}, recorded up to ${snapshot.recordedAt ?? '—'}; matches this code`
          : snapshot.state === 'absent'
            ? '  none: the next start builds the read models from the store'
            : `  not loadable by this code (${snapshot.reason}): the next start rebuilds`,
        ...(snapshot.versions ? [`  versions:       ${Object.entries(snapshot.versions).map(([name, version]) => `${name} ${version}`).join(', ')}`] : []),
        `  history:        ${snapshot.historySnapshots} snapshot${snapshot.historySnapshots === 1 ? '' : 's'} for time travel, ${mib(snapshot.historyBytes)}`,
      ].join('\n'),
    );
  },
);
