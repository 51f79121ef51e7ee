/**
 * Import benchmark on the embedded SQLite store (durable: synchronous=FULL): imports a generated
 * CSV of valid agreements (the sample's, with fresh keys) into a fresh store, then imports it again
 * (every row unchanged). Prints figures; it is not a test.
 * Usage: npm run bench:import [-- --rows 3000 --concurrency 64]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { registryUpcasters } from '../../src/app/upcasters';
import type { CommandHandlerDeps } from '../../src/eventSourcing/commandHandler';
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';
import { csvRows } from '../../src/importExport/csvRows';
import { importAgreements, type ImportReport } from '../../src/importExport/importAgreements';
import { systemClock } from '../../src/shared/time';
import { wholeNumberOption } from '../../src/cli/command';
import { benchOptions, machineDescription, printTable } from './benchSupport';
import { generateImportCsv } from './importCsv';

const options = benchOptions({
  usage: 'npm run bench:import -- [--rows N] [--concurrency N]',
  description: 'Imports a generated CSV of valid agreements into a fresh embedded store, then imports it again (every row unchanged); prints rows/s.',
  options: {
    rows: { type: 'string', valueName: 'N', description: 'rows of the generated CSV (default 3000)' },
    concurrency: { type: 'string', valueName: 'N', description: 'rows in flight at once (default 64)' },
  },
});
const rows = wholeNumberOption(options.rows, 'rows', 3000, 1);
const concurrency = wholeNumberOption(options.concurrency, 'concurrency', 64, 1);

const main = async () => {
  const file = Buffer.from(generateImportCsv(rows), 'utf8');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-bench-import-'));
  const store = SqliteEventStore.open({ dataDir });
  const deps: CommandHandlerDeps = { store, clock: systemClock, upcasters: registryUpcasters };
  const run = async (): Promise<[ImportReport, number]> => {
    const started = process.hrtime.bigint();
    const report = await importAgreements(deps, csvRows(Readable.from([file])), { actor: { id: 'bench', role: 'system', entityScope: [] }, concurrency });
    return [report, Number(process.hrtime.bigint() - started) / 1e9];
  };
  try {
    const [first, firstSeconds] = await run();
    if (first.imported !== rows) throw new Error(`expected ${rows} rows imported; got ${JSON.stringify({ ...first, rejected: first.rejected.slice(0, 3) })}`);
    const [again, againSeconds] = await run();
    if (again.unchanged !== rows) throw new Error(`expected ${rows} rows unchanged on the second import; got ${again.unchanged}`);
    console.log(machineDescription());
    console.log(`${rows} rows (${(file.length / 1024).toFixed(0)} KiB of CSV), ${first.events} events, ${concurrency} row(s) in flight`);
    printTable(['measure', 'figure'], [
      ['first import, rows/s', (rows / firstSeconds).toFixed(0)],
      ['first import, seconds', firstSeconds.toFixed(1)],
      ['same file again (all unchanged), rows/s', (rows / againSeconds).toFixed(0)],
    ]);
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
