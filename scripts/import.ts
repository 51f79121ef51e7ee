/**
 * Imports agreements from a CSV or JSON file (docs/import-format.md) as the commands a user would
 * send. Usage: npm run import -- --help
 */
import fs from 'node:fs';
import path from 'node:path';
import { openEventStore } from '../src/app/openEventStore';
import { registryUpcasters } from '../src/app/upcasters';
import { runCommand, usageError } from '../src/cli/command';
import { createProgress } from '../src/cli/progress';
import { loadConfig, type StoreConfig } from '../src/config/config';
import type { CommandHandlerDeps } from '../src/eventSourcing/commandHandler';
import { csvFieldName, csvRows } from '../src/importExport/csvRows';
import { importAgreements } from '../src/importExport/importAgreements';
import { ImportFileError } from '../src/importExport/importFileError';
import { IMPORT_FORMATS, type ImportFormat, type SourceRow } from '../src/importExport/importFormat';
import { formatImportReport, importReportJson, reportInTermsOf } from '../src/importExport/importReport';
import { jsonRows } from '../src/importExport/jsonRows';
import { ensureSeedPolicy } from '../src/policy/ensureSeedPolicy';
import { systemClock } from '../src/shared/time';

const spec = {
  usage: 'npm run import -- FILE [--format csv|json] [--dry-run] [--actor ID] [--data-dir DIR] [--json]',
  description:
    'Imports agreements, one row per agreement with its lifecycle dates (docs/import-format.md), as the commands a user\n' +
    'would send: each row is checked whole against the registry and written whole or not at all. Importing the same\n' +
    'file again changes nothing. Exit code 1 when any row is rejected (each is reported with its line, field and reason).',
  options: {
    format: { type: 'string', valueName: 'csv|json', description: 'format of FILE (default: from its extension)' },
    'dry-run': { type: 'boolean', description: 'check every row against the registry, write nothing' },
    actor: { type: 'string', valueName: 'ID', description: 'who the events name as having recorded them (role system); default "import"' },
    'data-dir': { type: 'string', valueName: 'DIR', description: 'data directory of the embedded store (default: DATA_DIR, else ./data)' },
    json: { type: 'boolean', description: 'print the report as JSON instead of text' },
  },
  positionals: true,
  epilogue:
    'Store: the server\'s configuration (DATA_DIR, EVENT_STORE, EVENTSTORE_CONNECTION_STRING). A server running on the\n' +
    'same store may keep running: it follows the import as it is written (or use POST /import/agreements on it).\n' +
    'Samples: docs/samples/agreements-sample.csv, .json; docs/samples/agreements-invalid.csv shows the report.',
} as const;

const formatOf = (file: string, given: string | undefined): ImportFormat => {
  const format = given ?? path.extname(file).slice(1).toLowerCase();
  if ((IMPORT_FORMATS as readonly string[]).includes(format)) return format as ImportFormat;
  return usageError(given === undefined ? `Cannot tell the format of ${file} from its extension: give --format csv or --format json.` : `--format must be csv or json; got ${JSON.stringify(given)}.`);
};

runCommand(spec, async ({ values, positionals }) => {
  if (positionals.length !== 1) usageError(positionals.length === 0 ? 'Give the FILE to import.' : `Give one FILE; got ${positionals.length}.`);
  const file = positionals[0] as string;
  const format = formatOf(file, values.format);
  if (!fs.existsSync(file)) usageError(`${file} does not exist.`);
  const actorId = values.actor?.trim() ?? 'import';
  if (actorId === '' || actorId.length > 200) usageError('--actor must be 1 to 200 characters.');

  const config = loadConfig(process.env);
  const storeConfig: StoreConfig = values['data-dir'] ? { ...config.store, dataDir: values['data-dir'] } : config.store;
  // A mistyped data directory would otherwise become a new, empty registry that every row passes.
  if (storeConfig.kind === 'sqlite') {
    const { dataDir } = storeConfig;
    if (!fs.existsSync(dataDir)) usageError(`The data directory ${dataDir} does not exist: check the path (DATA_DIR or --data-dir), or create it to start a new registry there.`);
    if (values['dry-run'] === true && !fs.existsSync(path.join(dataDir, 'events.sqlite3'))) {
      usageError(`${dataDir} holds no registry (no events.sqlite3) to check the file against: give the data directory of the service.`);
    }
  }
  const store = openEventStore(storeConfig);
  const deps: CommandHandlerDeps = { store, clock: systemClock, upcasters: registryUpcasters };
  const progress = createProgress({ label: `import ${path.basename(file)}`, unit: 'rows' });
  try {
    const dryRun = values['dry-run'] === true;
    // The audit judges agreements against the policy: the store gets it as the server would give it.
    if (!dryRun) await ensureSeedPolicy(deps);
    // A CSV is read once through before any row is written, so that one that cannot be read (an
    // unclosed quote on its last line) is refused whole, as over HTTP; rows are not kept, so a large
    // file still streams. A JSON file is parsed whole by jsonRows anyway.
    if (format === 'csv') for await (const _row of csvRows(fs.createReadStream(file)));
    const rows: AsyncIterable<SourceRow> | Iterable<SourceRow> =
      format === 'csv' ? csvRows(fs.createReadStream(file)) : jsonRows(fs.readFileSync(file, 'utf8'));
    const report = await importAgreements(deps, rows, { actor: { id: actorId, role: 'system', entityScope: [] }, dryRun, onRow: (done) => progress.update(done) });
    progress.finish(report.rows);
    const shown = format === 'csv' ? reportInTermsOf(report, csvFieldName) : report;
    console.log(values.json === true ? JSON.stringify({ file, format, ...importReportJson(shown) }, null, 2) : formatImportReport(shown, file));
    if (report.rejected.length > 0) process.exitCode = 1;
  } catch (error) {
    // A file that cannot be read as a whole is the file's fault: say where, not a stack.
    if (error instanceof ImportFileError) throw new Error(`${file}, ${error.message}`);
    throw error;
  } finally {
    await store.close();
  }
});
