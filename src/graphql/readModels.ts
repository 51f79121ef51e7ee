import { DateTime } from 'luxon';
import { agreementsProjection, type AgreementView, type AgreementsModel } from '../../projections/agreements';
import { auditFindingsProjection, type AuditModel } from '../../projections/auditFindings';
import { counterpartsProjection, type CounterpartsModel } from '../../projections/counterparts';
import { entitiesProjection, type EntitiesModel } from '../../projections/entities';
import { policyProjection, policyVersionInForceOn, type PolicyModel, type PolicyVersionRecord } from '../../projections/policy';
import { timelineProjection, type TimelineModel } from '../../projections/timeline';
import type { Viewer } from '../access/permissions';
import { pastModelKey, type RegistryAsOf } from '../projectionRunner/registryAsOf';
import type { AgreementQueryContext } from '../queries/agreementQueries';
import type { PolicyRegion } from '../policy/policyTypes';
import { countriesOfRegionIn } from '../queries/counting';
import { visibleAgreementsModel, visibleCounterpartsModel } from '../queries/visibleModels';
import { legalDateAt, type Instant, type LegalDate } from '../shared/time';
import type { RegistryContext } from './context';
import { agreementScope } from './visibility';

/**
 * The read models a query reads, with the day it judges by: the live registry (today), or the
 * registry as it stood at a recorded instant (`registryAsOf`, judged on that instant's day). Root
 * fields and the fields of a snapshot share their code through it.
 */
export interface RegistryReadView {
  readonly agreements: AgreementsModel;
  readonly counterparts: CounterpartsModel;
  readonly entities: EntitiesModel;
  readonly timeline: TimelineModel;
  readonly audit: AuditModel;
  readonly policy: PolicyModel;
  /** The day statuses, findings and the policy in force are judged on. */
  readonly day: LegalDate;
  /** Null for the live registry; the instant of a past one. */
  readonly knownAt: Instant | null;
  readonly position: bigint | null;
}

export const liveReadView = (context: Pick<RegistryContext, 'services' | 'today'>): RegistryReadView => {
  const { runner } = context.services;
  return {
    agreements: runner.model(agreementsProjection),
    counterparts: runner.model(counterpartsProjection),
    entities: runner.model(entitiesProjection),
    timeline: runner.model(timelineProjection),
    audit: runner.model(auditFindingsProjection),
    policy: runner.model(policyProjection),
    day: context.today,
    knownAt: null,
    position: runner.position,
  };
};

/** The registry as it stood at a recorded instant: what a `RegistrySnapshot` resolves from. */
export interface PastReadView extends RegistryReadView {
  readonly knownAt: Instant;
}

export const pastReadView = (past: Pick<RegistryAsOf, 'models' | 'position'>, instant: Instant): PastReadView => {
  // Only the models built are there: reading another one is a bug in what a field declared it
  // reads (see resolvers/registryAsOf), and says so rather than answering from an empty model.
  const model = <T>(name: string) => ({
    enumerable: true,
    get: (): T => {
      const found = past.models.get(name);
      if (found === undefined) throw new Error(`registryAsOf did not build the ${name} read model.`);
      return found as T;
    },
  });
  return Object.defineProperties(
    { day: pastDay(instant), knownAt: instant, position: past.position },
    {
      agreements: model<AgreementsModel>(agreementsProjection.name),
      counterparts: model<CounterpartsModel>(counterpartsProjection.name),
      entities: model<EntitiesModel>(entitiesProjection.name),
      timeline: model<TimelineModel>(timelineProjection.name),
      audit: model<AuditModel>(auditFindingsProjection.name),
      policy: model<PolicyModel>(policyProjection.name),
    },
  ) as PastReadView;
};

/** The day a past instant is judged on. */
export const pastDay = (instant: Instant): LegalDate => legalDateAt(DateTime.fromISO(instant, { zone: 'utc' }));

/**
 * What a `RegistrySnapshot` resolves from: the instant only. Each field loads the read models it
 * reads (`pastModels`), so a query that reads agreements never builds the audit model or the
 * timeline as of that instant.
 */
export interface PastRegistry {
  readonly knownAt: Instant;
  readonly day: LegalDate;
}

/** Read-model names, as `pastModels` takes them. */
export type ReadModelName = 'agreements' | 'counterparts' | 'entities' | 'timeline' | 'auditFindings' | 'policy';

/** The registry at `past.knownAt` with (at least) the models `names` built, through this request's loader. */
export const pastModels = async (context: Pick<RegistryContext, 'loaders'>, past: Pick<PastRegistry, 'knownAt'>, names: readonly ReadModelName[]): Promise<PastReadView> => {
  const loaded = await context.loaders.pastModel.loadMany(names.map((projection) => pastModelKey(past.knownAt, projection)));
  const models = new Map<string, unknown>();
  let position: bigint | null = null;
  loaded.forEach((result, index) => {
    if (result instanceof Error) throw result;
    models.set(names[index] as string, result.model);
    position = result.position;
  });
  return pastReadView({ models, position }, past.knownAt);
};

/** The policy version in force on `date` (default: the view's day), among those the view holds. */
export const policyOn = (view: RegistryReadView, date: LegalDate = view.day): PolicyVersionRecord | undefined => policyVersionInForceOn(view.policy, date);

const NO_REGIONS: readonly PolicyRegion[] = [];

/** Priority regions of the policy in force on `date`: what region filters and breakdowns use. */
export const regionsOn = (view: RegistryReadView, date: LegalDate = view.day): readonly PolicyRegion[] => policyOn(view, date)?.priorityRegions ?? NO_REGIONS;

export const agreementQueryContext = (view: RegistryReadView): AgreementQueryContext => ({
  today: view.day,
  countriesOfRegion: countriesOfRegionIn(regionsOn(view)),
});

/** The agreements the viewer may see in this view (the model itself for privileged roles). */
export const visibleAgreements = (view: RegistryReadView, viewer: Viewer): AgreementsModel => visibleAgreementsModel(view.agreements, agreementScope(viewer));

export const visibleCounterparts = (view: RegistryReadView, viewer: Viewer): CounterpartsModel =>
  visibleCounterpartsModel(view.counterparts, view.agreements, agreementScope(viewer));

/**
 * Where an agreement view comes from, for fields that depend on it (status day, findings, history
 * cut-off). Views of the live registry have none: they are judged on today.
 */
export interface PastAgreement {
  readonly knownAt: Instant;
  readonly day: LegalDate;
  /**
   * The registry then, when the view came from `registryAsOf` (findings need it): with the models
   * its field loaded; others are loaded with `pastModels`.
   */
  readonly registry: RegistryReadView | undefined;
}

/** Remembers, for this request, that a view is a past one (views are fresh objects per fold). */
export const markPast = (context: RegistryContext, view: AgreementView, past: PastAgreement): AgreementView => {
  const { pastViews, pastParts } = context.loaders;
  pastViews.set(view, past);
  for (const party of view.parties) pastParts.set(party, past);
  for (const counterpart of view.counterparts) pastParts.set(counterpart, past);
  return view;
};

export const pastOf = (context: RegistryContext, view: AgreementView): PastAgreement | undefined => context.loaders.pastViews.get(view);

/** The day an agreement view is judged on: today, or its past instant's day. */
export const judgingDay = (context: RegistryContext, view: AgreementView): LegalDate => pastOf(context, view)?.day ?? context.today;
