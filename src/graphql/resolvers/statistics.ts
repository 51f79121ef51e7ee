import type { AgreementStatus } from '../../../projections/agreements';
import type { Viewer } from '../../access/permissions';
import type { AgreementKind, ForceMode } from '../../agreements/agreementTypes';
import type { PolicyRegion } from '../../policy/policyTypes';
import type { CountEntry } from '../../queries/counting';
import { inForceOn, type InForceReport } from '../../queries/inForceOn';
import { registryStatistics } from '../../queries/statisticsQueries';
import { countryByCode, stateByCode } from '../../queries/referenceLookups';
import type { LegalDate } from '../../shared/time';
import type { Resolvers } from '../generated/schemaTypes';
import { liveReadView, policyOn, regionsOn, visibleAgreements, type RegistryReadView } from '../readModels';
import { agreementScope } from '../visibility';
import { agreementIdConnection } from './agreements';
import { rootQuery } from './query';
import { themeOf } from './referenceObjects';

type Labeller = (key: string) => string | null;

const labelled = (entries: readonly CountEntry[], label: Labeller) => entries.map((entry) => ({ key: entry.key, label: label(entry.key), count: entry.count }));
const stateLabel: Labeller = (key) => stateByCode(key)?.name ?? null;
const themeLabel: Labeller = (key) => themeOf(key).labelEs;
const countryLabel: Labeller = (key) => countryByCode(key)?.nameEs ?? null;
const regionLabel =
  (regions: readonly PolicyRegion[]): Labeller =>
  (key) =>
    regions.find((region) => region.id === key)?.name ?? null;
const noLabel: Labeller = () => null;

/** Registry statistics over what the viewer may see in a registry view (live or past). */
export const statisticsOf = (registry: RegistryReadView, viewer: Viewer) => {
  const regions = regionsOn(registry);
  const figures = registryStatistics(visibleAgreements(registry, viewer), { today: registry.day, regions });
  return {
    asOf: figures.asOf,
    position: registry.position,
    scope: agreementScope(viewer).kind,
    total: figures.total,
    signed: figures.signed,
    byState: labelled(figures.byState, stateLabel),
    byRegion: labelled(figures.byRegion, regionLabel(regions)),
    withoutPriorityRegion: figures.withoutPriorityRegion,
    byTheme: labelled(figures.byTheme, themeLabel),
    byKind: figures.byKind.map((entry) => ({ kind: entry.key as AgreementKind, count: entry.count })),
    byStatus: figures.byStatus.map((entry) => ({ status: entry.key as AgreementStatus, count: entry.count })),
    bySignatureYear: labelled(figures.bySignatureYear, noLabel),
    byOpeningYear: labelled(figures.byOpeningYear, noLabel),
  };
};

export interface InForceParent {
  readonly report: InForceReport;
  readonly registry: RegistryReadView;
  readonly scope: string;
  readonly policyVersion: number | null;
  readonly regions: readonly PolicyRegion[];
}

/** What was in force on `date`, by the priority regions of the policy in force that day. */
export const inForceParent = (registry: RegistryReadView, viewer: Viewer, date: LegalDate): InForceParent => {
  const regions = regionsOn(registry, date);
  return {
    report: inForceOn(visibleAgreements(registry, viewer), date, regions),
    registry,
    scope: agreementScope(viewer).kind,
    policyVersion: policyOn(registry, date)?.version ?? null,
    regions,
  };
};

export const statisticsResolvers: Resolvers = {
  Query: {
    statistics: rootQuery((_args, context) => statisticsOf(liveReadView(context), context.viewer)),
    inForceOn: rootQuery((args, context) => inForceParent(liveReadView(context), context.viewer, args.date)),
  },
  InForceReport: {
    date: ({ report }) => report.date,
    total: ({ report }) => report.total,
    byMode: ({ report }) => report.byMode.map((entry) => ({ mode: entry.key as ForceMode, count: entry.count })),
    byState: ({ report }) => labelled(report.byState, stateLabel),
    byCountry: ({ report }) => labelled(report.byCountry, countryLabel),
    byRegion: ({ report, regions }) => labelled(report.byRegion, regionLabel(regions)),
    withoutPriorityRegion: ({ report }) => report.withoutPriorityRegion,
    byTheme: ({ report }) => labelled(report.byTheme, themeLabel),
    agreements: ({ report, registry }, args, context) => agreementIdConnection(context, registry, report.agreementIds, args),
  },
};
