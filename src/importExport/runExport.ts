import type { Writable } from 'node:stream';
import { DateTime } from 'luxon';
import type { Viewer } from '../access/permissions';
import { registryProjections } from '../app/projections';
import type { UpcasterRegistry } from '../eventSourcing/upcasting';
import type { EventStore } from '../eventStore/eventStore';
import { pastReadView, type ReadModelName, type RegistryReadView } from '../graphql/readModels';
import type { HistorySnapshots } from '../projectionRunner/historySnapshots';
import { registryAsOf } from '../projectionRunner/registryAsOf';
import type { Instant } from '../shared/time';
import { exportAgreements } from './exportAgreements';
import { exportFindings } from './exportFindings';
import { exportHistory } from './exportHistory';
import type { ExportRequest } from './exportRequest';
import type { ExportSource, ExportTable } from './exportTable';
import { writeCsv, writeJson, type CsvOptions } from './exportWriter';

/**
 * The read models each export reads (agreement lists read the policy's regions): one as of an
 * instant builds only these, as the `registryAsOf` fields do. Reading another one fails loudly
 * (see pastReadView) rather than answering from an empty model.
 */
const EXPORT_READS = {
  agreements: ['agreements', 'policy', 'auditFindings'],
  findings: ['agreements', 'policy', 'auditFindings'],
  history: ['agreements', 'policy', 'timeline'],
} as const satisfies Record<ExportRequest['what'], readonly ReadModelName[]>;

/** The registry as it stood at `instant`, for one export: the nearest history snapshot plus the events recorded up to then. */
export const registryViewAsOf = async (
  deps: { readonly store: EventStore; readonly upcasters: UpcasterRegistry; readonly history?: HistorySnapshots },
  instant: Instant,
  what: ExportRequest['what'],
): Promise<RegistryReadView> => {
  const reads: readonly string[] = EXPORT_READS[what];
  const projections = registryProjections.filter((projection) => reads.includes(projection.name));
  return pastReadView(await registryAsOf({ ...deps, projections }, DateTime.fromISO(instant, { zone: 'utc' })), instant);
};

/**
 * The table an export asks for. Throws before anything is written when the viewer may not read
 * it (findings and history need a token), so an HTTP caller still gets a clean status.
 */
export const exportTable = (request: ExportRequest, source: ExportSource): ExportTable => {
  switch (request.what) {
    case 'agreements':
      return exportAgreements(source, request.agreements);
    case 'findings':
      return exportFindings(source, request);
    case 'history':
      return exportHistory(source, request);
    default: {
      const unknown: never = request.what;
      throw new Error(`Unknown export ${String(unknown)}`);
    }
  }
};

const roleOf = (viewer: Viewer): string => (viewer.kind === 'anonymous' ? 'anonymous' : viewer.actor.role);

/** Writes a table in the request's format; returns the number of rows written. */
export const writeExport = (output: Writable, request: ExportRequest, source: ExportSource, table: ExportTable, csv: CsvOptions, now: Instant): Promise<number> =>
  request.format === 'csv'
    ? writeCsv(output, table, csv)
    : writeJson(output, table, {
        export: request.what,
        asOf: source.view.knownAt ?? now,
        day: source.view.day,
        position: source.view.position === null ? null : source.view.position.toString(),
        role: roleOf(source.viewer),
        criteria: request.criteria,
      });
