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
