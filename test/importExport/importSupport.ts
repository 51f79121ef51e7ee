import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { DateTime } from 'luxon';
import { registryUpcasters } from '../../src/app/upcasters';
import type { CommandHandlerDeps } from '../../src/eventSourcing/commandHandler';
import type { Actor } from '../../src/eventSourcing/envelope';
import type { RecordedEvent } from '../../src/eventStore/eventStore';
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';
import { csvRows } from '../../src/importExport/csvRows';
import { CSV_COLUMNS } from '../../src/importExport/importFormat';
import { importAgreements, type ImportReport } from '../../src/importExport/importAgreements';
import { jsonRows } from '../../src/importExport/jsonRows';

export const SAMPLES = path.join(__dirname, '..', '..', 'docs', 'samples');
export const OPERATOR: Actor = { id: 'import-operator', role: 'system', entityScope: [] };
/** Today is 2025-06-15 in Mexico City. */
export const NOW = DateTime.fromISO('2025-06-15T18:00:00Z', { zone: 'utc' });

export interface TestStore {
  readonly dataDir: string;
  readonly store: SqliteEventStore;
  readonly deps: CommandHandlerDeps;
  events(): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}

export const openTestStore = (prefix = 'registry-import-'): TestStore => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const store = SqliteEventStore.open({ dataDir });
  return {
    dataDir,
    store,
    deps: { store, clock: () => NOW, upcasters: registryUpcasters },
    events: async () => {
      const all: RecordedEvent[] = [];
      for await (const event of store.readAll()) all.push(event);
      return all;
    },
    close: async () => {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

export const csvText = (text: string) => csvRows(Readable.from([Buffer.from(text, 'utf8')]));

export const importCsv = (deps: CommandHandlerDeps, text: string, options: { dryRun?: boolean } = {}): Promise<ImportReport> =>
  importAgreements(deps, csvText(text), { actor: OPERATOR, ...options });

export const importJson = (deps: CommandHandlerDeps, text: string, options: { dryRun?: boolean } = {}): Promise<ImportReport> =>
  importAgreements(deps, jsonRows(text), { actor: OPERATOR, ...options });

export const sample = (name: string): string => fs.readFileSync(path.join(SAMPLES, name), 'utf8');

/** A CSV with the given rows, each a map of column → cell, under the full header. */
export const csv = (...rows: Record<string, string>[]): string =>
  [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((column) => ((row[column] ?? '').includes(',') ? `"${row[column]}"` : (row[column] ?? ''))).join(','))].join('\n');

/** A valid row: a Guadalajara twinning with a Japanese city, opened and signed in 2020. */
export const twinning = (key: string, extra: Record<string, string> = {}): Record<string, string> => ({
  key,
  kind: 'twinning',
  title: `Hermanamiento ${key}`,
  parties: '14039:Ayuntamiento de Guadalajara',
  counterpartKind: 'foreign-local-government',
  counterpartName: `Ciudad ${key}`,
  counterpartCountry: 'JP',
  languages: 'es|ja',
  openedOn: '2020-01-10',
  signedOn: '2020-03-01',
  signedPlace: 'Guadalajara, Jalisco',
  signatories: 'mexican:Ana Pérez:Presidenta Municipal',
  ...extra,
});
