import type { AgreementView, AgreementsModel } from '../../../projections/agreements';
import type { AuditFinding } from '../../../projections/auditFindings';
import { AGREEMENT_STREAM_PREFIX, agreementStreamName, type AgreementId } from '../../agreements/agreementTypes';
import { POLICY_STREAM } from '../../policy/policyTypes';
import type { ProjectedEvent } from '../../projectionRunner/registryEvent';
import { scopeKey } from '../../queries/visibleModels';
import { NotFoundError } from '../../shared/errors';
import type { LegalDate } from '../../shared/time';
import type { RegistryContext } from '../context';
import { findingFilter, type FindingFilterInput } from '../filters';
import { localIdOf } from '../globalId';
import { liveReadView } from '../readModels';
import { readableFindings, type FindingParent } from '../resolvers/audit';
import { visibleAgreement } from '../resolvers/agreements';
import { statisticsOf } from '../resolvers/statistics';
import { agreementScope, assertMayReadFindings } from '../visibility';
import { LiveFeed, liveFeedSettings } from './liveFeed';

/** The three dashboard subscriptions, each a LiveFeed (liveFeed.ts) with what it computes. */

/** Events that can change agreement figures or findings: agreements' own and the federal policy's. */
const agreementOrPolicy = (event: ProjectedEvent): boolean => event.streamName.startsWith(AGREEMENT_STREAM_PREFIX) || event.streamName === POLICY_STREAM;

// ---------------------------------------------------------------------------------------------
// statisticsChanged
// ---------------------------------------------------------------------------------------------

export type LiveStatistics = ReturnType<typeof statisticsOf>;

interface StatisticsEntry {
  readonly position: bigint | null;
  readonly value: LiveStatistics;
  /** The figures without `position`: an update is sent when this changes. */
  readonly figures: string;
}

/**
 * Statistics per agreements model, visibility scope and day, kept for the position they were
 * computed at: every subscriber of one scope shares one computation per event burst.
 */
const statisticsMemo = new WeakMap<AgreementsModel, Map<string, StatisticsEntry>>();
const MEMO_ENTRIES = 16;

const currentStatistics = (context: RegistryContext): StatisticsEntry => {
  const registry = liveReadView(context);
  let memo = statisticsMemo.get(registry.agreements);
  if (memo === undefined) statisticsMemo.set(registry.agreements, (memo = new Map()));
  const key = `${scopeKey(agreementScope(context.viewer))}|${registry.day}`;
  const hit = memo.get(key);
  if (hit !== undefined && hit.position === registry.position) return hit;
  const value = statisticsOf(registry, context.viewer);
  const entry: StatisticsEntry = { position: registry.position, value, figures: JSON.stringify({ ...value, position: null }) };
  memo.delete(key);
  memo.set(key, entry);
  if (memo.size > MEMO_ENTRIES) memo.delete(memo.keys().next().value as string);
  return entry;
};

/** The statistics the caller may see, now and whenever a figure changes (not `position` alone). */
export const statisticsFeed = (context: RegistryContext): LiveFeed<LiveStatistics> => {
  let lastFigures: string | undefined;
  return new LiveFeed(context, {
    name: 'statistics',
    affectedBy: agreementOrPolicy,
    produce: (renewed) => {
      const entry = currentStatistics(renewed);
      if (entry.figures === lastFigures) return undefined;
      lastFigures = entry.figures;
      return { value: entry.value };
    },
  });
};

// ---------------------------------------------------------------------------------------------
// findingsChanged
// ---------------------------------------------------------------------------------------------

/** `FindingsChangedFilter`: the audit finding criteria without `open` (a feed follows both states). */
export type FindingsChangedFilterInput = Omit<FindingFilterInput, 'open'>;

export interface FindingsUpdate {
  readonly asOf: LegalDate;
  readonly position: bigint | null;
  readonly resync: boolean;
  readonly raised: readonly FindingParent[];
  readonly resolved: readonly FindingParent[];
  readonly withdrawn: readonly string[];
  readonly open: number;
}

/**
 * Findings raised, resolved or withdrawn since the previous update, by difference with what that
 * update stood for (finding id → open), so nothing queues between updates: a slow client gets one
 * larger delta. A delta over `maxFindingsPerUpdate` findings is not listed: the update is a resync
 * (open count only; the client re-reads `auditFindings`), which bounds the size of any message.
 * The first update is a resync too. What a subscription holds is that map: one entry per finding
 * it may see under its filter, however many events happen.
 */
export const findingsFeed = (context: RegistryContext, input: FindingsChangedFilterInput | null | undefined): LiveFeed<FindingsUpdate> => {
  assertMayReadFindings(context.viewer);
  // Malformed criteria (an agreement id of another type) are refused now, not on the first update.
  findingFilter(input);
  const { maxFindingsPerUpdate } = liveFeedSettings(context);
  let previous: Map<string, boolean> | undefined;
  return new LiveFeed(context, {
    name: 'findings',
    affectedBy: agreementOrPolicy,
    produce: (renewed) => {
      const registry = liveReadView(renewed);
      const findings: readonly AuditFinding[] = readableFindings(renewed, registry, input);
      const current = new Map<string, boolean>();
      const raised: FindingParent[] = [];
      const resolved: FindingParent[] = [];
      let open = 0;
      for (const finding of findings) {
        const isOpen = finding.resolvedOn === null;
        if (isOpen) open += 1;
        current.set(finding.findingId, isOpen);
        const before = previous?.get(finding.findingId);
        if (before === isOpen) continue;
        const parent: FindingParent = { __typename: 'AuditFinding', finding, registry };
        if (isOpen) raised.push(parent);
        else resolved.push(parent);
      }
      const withdrawn = previous === undefined ? [] : [...previous.keys()].filter((id) => !current.has(id));
      const first = previous === undefined;
      previous = current;
      const changes = raised.length + resolved.length + withdrawn.length;
      if (!first && changes === 0) return undefined;
      const resync = first || changes > maxFindingsPerUpdate;
      return {
        value: {
          asOf: registry.day,
          position: registry.position,
          resync,
          raised: resync ? [] : raised,
          resolved: resync ? [] : resolved,
          withdrawn: resync ? [] : withdrawn,
          open,
        },
      };
    },
  });
};

// ---------------------------------------------------------------------------------------------
// agreementChanged
// ---------------------------------------------------------------------------------------------

/** The agreement as the `agreement` query answers it; NOT_FOUND when that query would say null. */
const visibleOrNotFound = (context: RegistryContext, id: string): AgreementView => {
  const view = visibleAgreement(context, liveReadView(context), id);
  // The same answer for "no such agreement" and "not yours to see", as the query gives null for both.
  if (view === null) throw new NotFoundError('Agreement', id);
  return view;
};

/**
 * The agreement now, then after each event of its stream (coalesced: its latest state), and on a
 * new day (statuses and findings are judged on today). If it stops being visible to the caller,
 * a last update carries NOT_FOUND and the subscription ends.
 */
export const agreementFeed = (context: RegistryContext, id: string): LiveFeed<AgreementView> => {
  visibleOrNotFound(context, id);
  const streamName = agreementStreamName(localIdOf('Agreement', id, 'id') as AgreementId);
  return new LiveFeed(context, {
    name: 'agreement',
    affectedBy: (event) => event.streamName === streamName,
    produce: (renewed) => ({ value: visibleOrNotFound(renewed, id) }),
  });
};
