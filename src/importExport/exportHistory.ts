import { entriesOf, timelineEntry, type TimelineEntry, type TimelineModel } from '../../projections/timeline';
import type { AgreementView } from '../../projections/agreements';
import { agreementAccess, visibleHistoryEntry, type VisibleHistoryEntry } from '../graphql/visibility';
import { UnauthenticatedError } from '../shared/errors';
import { loadAgreementHistory } from '../timeTravel/agreementHistory';
import { selectAgreements } from './exportAgreements';
import type { ExportRequest } from './exportRequest';
import type { ExportColumn, ExportSource, ExportTable, ExportValue } from './exportTable';

interface HistoryRow {
  readonly agreement: AgreementView;
  readonly entry: VisibleHistoryEntry;
  /** The timeline's rendering of the entry (summary in Spanish, corrected flag), when it has one. */
  readonly timeline: TimelineEntry | undefined;
}

const HISTORY_COLUMNS: readonly ExportColumn<HistoryRow>[] = [
  { name: 'agreementId', value: ({ agreement }) => agreement.id },
  { name: 'registryNumber', value: ({ agreement }) => agreement.registration?.registryNumber ?? null },
  { name: 'revision', value: ({ entry }) => Number(entry.revision) },
  { name: 'position', value: ({ entry }) => entry.position.toString() },
  { name: 'eventId', value: ({ entry }) => entry.eventId },
  { name: 'type', value: ({ entry }) => entry.type },
  { name: 'validAt', value: ({ entry }) => entry.validAt },
  { name: 'recordedAt', value: ({ entry }) => entry.recordedAt },
  { name: 'actorRole', value: ({ entry }) => entry.actor.role },
  { name: 'actorId', value: ({ entry }) => entry.actor.id },
  { name: 'summary', value: ({ timeline }) => timeline?.summary ?? null },
  { name: 'corrected', value: ({ timeline }) => timeline?.corrected ?? false },
  { name: 'data', value: ({ entry }) => entry.data as unknown as Readonly<Record<string, unknown>> },
  { name: 'correlationId', value: ({ entry }) => entry.correlationId },
  { name: 'causationId', value: ({ entry }) => entry.causationId },
  { name: 'hash', value: ({ entry }) => entry.hash },
  { name: 'previousHash', value: ({ entry }) => entry.previousHash },
];

/** The agreement's entries in the timeline read model, by event id. */
const timelineEntries = (model: TimelineModel, agreement: AgreementView): ReadonlyMap<string, TimelineEntry> => {
  const ordinal = model.agreementOrdinalById.get(agreement.id);
  if (ordinal === undefined) return new Map();
  return new Map(entriesOf(model, ordinal).map((index) => [model.eventIds.get(index), timelineEntry(model, index)]));
};

/**
 * Every recorded event of the matching agreements, agreement by agreement (in the order they were
 * opened), each agreement's events in stream order, up to the export's instant: read from the
 * store, one agreement at a time, so the export streams. Without full access to an agreement
 * (a subnational user, another entity's published agreement) entries come in their public form.
 */
export const exportHistory = (source: ExportSource, request: Pick<ExportRequest, 'agreements' | 'history'>): ExportTable => {
  const { view, viewer } = source;
  if (viewer.kind === 'anonymous') throw new UnauthenticatedError('The history export needs a signed-in user: send a bearer token.');
  const agreements = selectAgreements(view, viewer, request.agreements);
  const types = request.history.types && request.history.types.length > 0 ? new Set<string>(request.history.types) : undefined;
  const { validFrom, validTo } = request.history;
  const knownAt = view.knownAt === null ? undefined : Date.parse(view.knownAt);
  const rows = async function* (): AsyncGenerator<readonly ExportValue[]> {
    for (const agreement of agreements) {
      const access = agreementAccess(viewer, agreement);
      const history = await loadAgreementHistory(source, agreement.id);
      const timeline = timelineEntries(view.timeline, agreement);
      for (const entry of history.entries) {
        // Skipped, not the end: an event appended later may be stamped earlier (a writer's clock
        // lags; see RECORDING_LAG_MS), and the registry as of the instant holds it.
        if (knownAt !== undefined && Date.parse(entry.recordedAt) > knownAt) continue;
        if (types !== undefined && !types.has(entry.type)) continue;
        if ((validFrom !== undefined || validTo !== undefined) && (entry.validAt === null || (validFrom !== undefined && entry.validAt < validFrom) || (validTo !== undefined && entry.validAt > validTo))) continue;
        const row: HistoryRow = { agreement, entry: visibleHistoryEntry(entry, access), timeline: timeline.get(entry.eventId) };
        yield HISTORY_COLUMNS.map((column) => column.value(row));
      }
    }
  };
  return { columns: HISTORY_COLUMNS.map((column) => column.name), rows: rows() };
};
