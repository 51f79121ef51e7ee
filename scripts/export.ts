/**
 * Exports agreements, audit findings or the event history as CSV or JSON, filtered like the API,
 * for the registry now or as of any instant. Usage: npm run export -- --help
 */
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Viewer } from '../src/access/permissions';
import { TOKEN_ROLES } from '../src/access/tokens';
import { openEventStore } from '../src/app/openEventStore';
import { readModelFiles } from '../src/app/readModelFiles';
import { registryUpcasters } from '../src/app/upcasters';
import { runCommand, usageError, type OptionSpec } from '../src/cli/command';
import { loadConfig, type StoreConfig } from '../src/config/config';
import type { Role } from '../src/eventSourcing/envelope';
import {
  EXPORT_FORMATS,
  EXPORT_PARAMETERS,
  EXPORT_PARAMETER_NAMES,
  EXPORT_WHATS,
  kebabCase,
  parseExportRequest,
  type ExportFormat,
  type ExportWhat,
} from '../src/importExport/exportRequest';
import { exportTable, registryViewAsOf, writeExport } from '../src/importExport/runExport';
import { HistorySnapshots } from '../src/projectionRunner/historySnapshots';
import { InvalidInputError, RegistryError } from '../src/shared/errors';
import { systemClock, toInstant } from '../src/shared/time';
import { pastInstant } from '../src/timeTravel/pastInstant';

const filterOptions = Object.fromEntries(
  EXPORT_PARAMETER_NAMES.map((name) => {
    const parameter = EXPORT_PARAMETERS[name];
    const only = parameter.for.length < EXPORT_WHATS.length ? ` (${parameter.for.join(', ')} only)` : '';
    return [kebabCase(name), { type: 'string', valueName: parameter.valueName, description: `${parameter.description}${only}` } satisfies OptionSpec];
  }),
) as Record<string, OptionSpec>;

const spec = {
  usage: 'npm run export -- --what agreements|findings|history --format csv|json [filters] [--out FILE]',
  description:
    'Exports the registry for Senate committees: agreements, audit findings or the event history, filtered like the API,\n' +
    'as the registry stood now or at any recorded instant (--as-of). Written to --out or stdout; docs/export-format.md\n' +
    'describes the columns.',
  options: {
    what: { type: 'string', valueName: EXPORT_WHATS.join('|'), description: 'what to export (required)' },
    format: { type: 'string', valueName: EXPORT_FORMATS.join('|'), description: 'output format (default csv)' },
    out: { type: 'string', valueName: 'FILE', description: 'write here instead of stdout' },
    role: {
      type: 'string',
      valueName: 'ROLE',
      description: `whose view to export: ${['anonymous', ...TOKEN_ROLES].join(', ')}; default parliament\n(everything, findings and history included); anonymous is the public view`,
    },
    entities: { type: 'string', valueName: 'CODES', description: 'INEGI codes of a subnational role, e.g. 14,14039' },
    'no-bom': { type: 'boolean', description: 'CSV without the UTF-8 byte-order mark (kept by default for Excel)' },
    delimiter: { type: 'string', valueName: ',|;', description: 'CSV field separator (default ","; ";" suits Excel in Spanish)' },
    'data-dir': { type: 'string', valueName: 'DIR', description: 'data directory of the embedded store (default: DATA_DIR, else ./data)' },
    ...filterOptions,
  },
  epilogue: 'Lists are comma-separated: --state 14,19. The same export over HTTP: GET /export/agreements.csv?state=14&asOf=…',
} as const;

const oneOf = <V extends string>(raw: string | undefined, allowed: readonly V[], name: string, fallback?: V): V => {
  if (raw === undefined) return fallback ?? usageError(`--${name} is required: ${allowed.join(', ')}.`);
  return (allowed as readonly string[]).includes(raw) ? (raw as V) : usageError(`--${name} must be one of ${allowed.join(', ')}; got ${JSON.stringify(raw)}.`);
};

const viewerOf = (role: string, entities: string | undefined): Viewer => {
  if (role === 'anonymous') return { kind: 'anonymous' };
  const scope = entities?.split(',').map((code) => code.trim()).filter((code) => code !== '') ?? [];
  if (role === 'subnational' && scope.length === 0) usageError('--role subnational needs --entities, e.g. --entities 14,14039.');
  return { kind: 'actor', actor: { id: 'export', role: role as Role, entityScope: role === 'subnational' ? scope : [] } };
};

runCommand(spec, async ({ values }) => {
  const what = oneOf<ExportWhat>(values.what, EXPORT_WHATS, 'what');
  const format = oneOf<ExportFormat>(values.format, EXPORT_FORMATS, 'format', 'csv');
  const role = oneOf(values.role, ['anonymous', ...TOKEN_ROLES], 'role', 'parliament');
  const delimiter = oneOf<',' | ';'>(values.delimiter, [',', ';'], 'delimiter', ',');
  const viewer = viewerOf(role, values.entities);
  const given = new Map<string, string[]>();
  for (const name of EXPORT_PARAMETER_NAMES) {
    const value = (values as Record<string, string | boolean | undefined>)[kebabCase(name)];
    if (typeof value === 'string') given.set(name, [value]);
  }
  let request;
  const clock = systemClock();
  try {
    const parsed = parseExportRequest(what, format, given);
    request = parsed.asOf === undefined ? parsed : { ...parsed, asOf: pastInstant(parsed.asOf, clock, 'asOf') };
  } catch (error) {
    if (error instanceof InvalidInputError) usageError(error.issues.map((issue) => `--${kebabCase(issue.path)}: ${issue.message}`).join('\n'));
    throw error;
  }

  const config = loadConfig(process.env);
  const storeConfig: StoreConfig = values['data-dir'] ? { ...config.store, dataDir: values['data-dir'] } : config.store;
  const store = openEventStore(storeConfig);
  try {
    const now = toInstant(clock);
    const files = readModelFiles(storeConfig.dataDir, config.history);
    const history = new HistorySnapshots(files.historyDirectory, files.historyKeep);
    // Without a running service the registry now is the registry as of this instant.
    const view = await registryViewAsOf({ store, upcasters: registryUpcasters, history }, request.asOf ?? now, request.what);
    const source = { view, viewer, store, upcasters: registryUpcasters };
    let table;
    try {
      table = exportTable(request, source);
    } catch (error) {
      if (error instanceof RegistryError) usageError(`${error.message} (--role ${role})`);
      throw error;
    }
    const output = values.out ? fs.createWriteStream(values.out) : process.stdout;
    const count = await writeExport(output, request, source, table, { bom: values['no-bom'] !== true, delimiter }, now);
    if (output !== process.stdout) {
      output.end();
      await finished(output);
    }
    console.error(`Exported ${count} ${what} row(s) as ${format}, registry as of ${view.knownAt ?? now} (day ${view.day}), view of ${role}${values.out ? `, to ${values.out}` : ''}.`);
  } finally {
    await store.close();
  }
});
