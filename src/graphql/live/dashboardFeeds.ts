import type { AgreementView, AgreementsModel } from '../../../projections/agreements';
import type { AuditModel } from '../../../projections/auditFindings';
import type { FindingSelection } from '../../queries/findingQueries';
import { agreementStreamName, type AgreementId } from '../../agreements/agreementTypes';
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
const agreementOrPolicy = (event: ProjectedEvent): boolean => event.agreementId !== null || event.streamName === POLICY_STREAM;

/**
 * What one delivery computes, shared by every subscriber that would compute the same: per read
 * model and key (the caller's visibility scope, the day, the feed's arguments), kept for the
 * position it was computed at. A thousand dashboards on one agreement then read it once per
 * event burst, not once each. The key must hold everything the value depends on besides the
 * model and its position.
 */
class DeliveryMemo<Model extends object, V> {
  private readonly byModel = new WeakMap<Model, Map<string, { readonly position: bigint | null; readonly value: V }>>();

  constructor(private readonly entries: number) {}

  get(model: Model, key: string, position: bigint | null, compute: () => V): V {
    let memo = this.byModel.get(model);
    if (memo === undefined) this.byModel.set(model, (memo = new Map()));
    const hit = memo.get(key);
    if (hit !== undefined && hit.position === position) return hit.value;
    const value = compute();
    memo.delete(key);
    memo.set(key, { position, value });
    if (memo.size > this.entries) memo.delete(memo.keys().next().value as string);
    return value;
  }
}

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

/** Statistics per visibility scope and day: every subscriber of one scope shares one computation per event burst. */
const statisticsMemo = new DeliveryMemo<AgreementsModel, StatisticsEntry>(16);

const currentStatistics = (context: RegistryContext): StatisticsEntry => {
  const registry = liveReadView(context);
  return statisticsMemo.get(registry.agreements, `${scopeKey(agreementScope(context.viewer))}|${registry.day}`, registry.position, () => {
    const value = statisticsOf(registry, context.viewer);
    return { position: registry.position, value, figures: JSON.stringify({ ...value, position: null }) };
  });
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

/** The findings a scope may read under one filter, on one day: shared by the subscribers that ask the same. */
const findingsMemo = new DeliveryMemo<AuditModel, FindingSelection>(64);

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
  const filterKey = JSON.stringify(input ?? null);
  let previous: Map<string, boolean> | undefined;
  return new LiveFeed(context, {
    name: 'findings',
    affectedBy: agreementOrPolicy,
    produce: (renewed) => {
      const registry = liveReadView(renewed);
      // What a finding's fields show does not depend on the subscriber beyond its scope, which the key holds.
      const { findings, indices } = findingsMemo.get(registry.audit, `${scopeKey(agreementScope(renewed.viewer))}|${registry.day}|${filterKey}`, registry.position, () =>
        readableFindings(renewed, registry, input),
      );
      const current = new Map<string, boolean>();
      const raised: number[] = [];
      const resolved: number[] = [];
      let open = 0;
      for (const index of indices) {
        const isOpen = findings.isOpen(index);
        if (isOpen) open += 1;
        const findingId = findings.findingId(index);
        current.set(findingId, isOpen);
        if (previous?.get(findingId) === isOpen) continue;
        if (isOpen) raised.push(index);
        else resolved.push(index);
      }
      const withdrawn = previous === undefined ? [] : [...previous.keys()].filter((id) => !current.has(id));
      const first = previous === undefined;
      previous = current;
      const changes = raised.length + resolved.length + withdrawn.length;
      if (!first && changes === 0) return undefined;
      const resync = first || changes > maxFindingsPerUpdate;
      const parentOf = (index: number): FindingParent => ({ __typename: 'AuditFinding', finding: findings.finding(index), registry });
      return {
        value: {
          asOf: registry.day,
          position: registry.position,
          resync,
          // Built now, while the models are as the findings were taken (see DayFindings).
          raised: resync ? [] : raised.map(parentOf),
          resolved: resync ? [] : resolved.map(parentOf),
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

/** An agreement as a scope sees it (null: hidden or unknown), shared by its subscribers in that scope. */
const agreementMemo = new DeliveryMemo<AgreementsModel, AgreementView | null>(1024);

/** The agreement as the `agreement` query answers it; NOT_FOUND when that query would say null. */
const visibleOrNotFound = (context: RegistryContext, id: string): AgreementView => {
  const registry = liveReadView(context);
  // Live views are judged on today by their fields, not here: the scope decides what is visible.
  const view = agreementMemo.get(registry.agreements, `${scopeKey(agreementScope(context.viewer))}|${id}`, registry.position, () => visibleAgreement(context, registry, id));
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
