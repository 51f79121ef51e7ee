import { agreementStatus, type AgreementView } from '../../projections/agreements';
import type { AuditRuleCode } from '../../projections/auditFindings';
import { agreementQueryContext, visibleAgreements, type RegistryReadView } from '../graphql/readModels';
import { agreementAccess, visibleObservations } from '../graphql/visibility';
import type { Viewer } from '../access/permissions';
import { filterAgreements, type AgreementFilter } from '../queries/agreementQueries';
import { findingsOn } from '../queries/findingQueries';
import { findMunicipality, listStates, type MunicipalityCode } from '../reference';
import { orNull, tableOf, type ExportColumn, type ExportSource, type ExportTable } from './exportTable';

const STATE_NAMES: ReadonlyMap<string, string> = new Map(listStates().map((state) => [state.code, state.shortName]));

/** "Guadalajara, Jalisco" for a municipality, "Jalisco" for a state; the code when not catalogued. */
const partyName = (party: AgreementView['parties'][number]): string => {
  const state = STATE_NAMES.get(party.stateCode) ?? party.stateCode;
  if (party.level === 'state') return state;
  return `${findMunicipality(party.code as MunicipalityCode)?.name ?? party.code}, ${state}`;
};

/** The agreements the viewer may see that match the filter, in the order they were opened. */
export const selectAgreements = (view: RegistryReadView, viewer: Viewer, filter: AgreementFilter): AgreementView[] =>
  filterAgreements(visibleAgreements(view, viewer), filter, agreementQueryContext(view));

interface AgreementRow {
  readonly view: AgreementView;
  readonly full: boolean;
  /** The rules of its open findings; null when the viewer may not read findings of this agreement. */
  readonly openFindings: readonly AuditRuleCode[] | null;
  readonly day: RegistryReadView['day'];
}

const lastOf = <T>(items: readonly T[]): T | undefined => items[items.length - 1];

/** The last suspension, while it has not been resumed. */
const currentSuspension = (view: AgreementView) => {
  const last = lastOf(view.suspensions);
  return last?.resumedOn === undefined ? last : undefined;
};

const AGREEMENT_COLUMNS: readonly ExportColumn<AgreementRow>[] = [
  { name: 'id', value: ({ view }) => view.id },
  { name: 'registryNumber', value: ({ view }) => orNull(view.registration?.registryNumber) },
  { name: 'registeredOn', value: ({ view }) => orNull(view.registration?.registeredOn) },
  { name: 'kind', value: ({ view }) => view.kind },
  { name: 'title', value: ({ view }) => view.title },
  { name: 'status', value: ({ view, day }) => agreementStatus(view, day) },
  { name: 'partyCodes', value: ({ view }) => view.parties.map((party) => party.code) },
  { name: 'partyNames', value: ({ view }) => view.parties.map(partyName) },
  { name: 'agencies', value: ({ view }) => view.parties.map((party) => party.agency) },
  { name: 'states', value: ({ view }) => [...new Set(view.parties.map((party) => party.stateCode))] },
  { name: 'counterpartNames', value: ({ view }) => view.counterparts.map(({ counterpart }) => counterpart.name) },
  { name: 'counterpartKinds', value: ({ view }) => view.counterparts.map(({ counterpart }) => counterpart.kind) },
  { name: 'counterpartCountries', value: ({ view }) => [...new Set(view.counterparts.flatMap(({ country }) => (country === undefined ? [] : [country])))] },
  { name: 'themes', value: ({ view }) => view.themes },
  { name: 'sdgs', value: ({ view }) => view.sdgs },
  { name: 'languages', value: ({ view }) => view.languages },
  { name: 'openedOn', value: ({ view }) => view.openedOn },
  { name: 'firstSubmittedOn', value: ({ view }) => orNull(view.firstSubmittedOn) },
  { name: 'opinionNumber', value: ({ view }) => orNull(lastOf(view.opinions)?.opinionNumber) },
  { name: 'opinionOutcome', value: ({ view }) => orNull(lastOf(view.opinions)?.outcome) },
  { name: 'opinionIssuedOn', value: ({ view }) => orNull(lastOf(view.opinions)?.issuedOn) },
  {
    name: 'opinionObservations',
    value: ({ view, full }) => {
      const opinion = lastOf(view.opinions);
      return opinion === undefined ? null : visibleObservations(opinion, full ? 'full' : 'public');
    },
  },
  { name: 'approvals', value: ({ view }) => view.approvals.map((approval) => `${approval.body} ${approval.entityCode} ${approval.approvedOn}`) },
  { name: 'signedOn', value: ({ view }) => orNull(view.signature?.signedOn) },
  { name: 'signedPlace', value: ({ view }) => orNull(view.signature?.place) },
  { name: 'signedCopyFiledOn', value: ({ view }) => orNull(view.signedCopyFiledOn) },
  { name: 'provisionalApplicationOn', value: ({ view }) => orNull(view.provisionalApplicationOn) },
  { name: 'enteredIntoForceOn', value: ({ view }) => orNull(view.enteredIntoForceOn) },
  { name: 'endsOn', value: ({ view }) => orNull(view.endsOn) },
  { name: 'endDateSource', value: ({ view }) => orNull(view.endDateSource) },
  { name: 'automaticRenewal', value: ({ view }) => view.automaticRenewal },
  { name: 'suspendedOn', value: ({ view }) => orNull(currentSuspension(view)?.suspendedOn) },
  { name: 'terminatedOn', value: ({ view }) => orNull(view.termination?.terminatedOn) },
  { name: 'terminationCause', value: ({ view }) => orNull(view.termination?.cause) },
  { name: 'renewalCount', value: ({ view }) => view.renewalCount },
  { name: 'amendmentCount', value: ({ view }) => view.amendmentCount },
  { name: 'milestoneCount', value: ({ view }) => view.milestoneCount },
  { name: 'lastMilestoneOn', value: ({ view }) => orNull(view.lastMilestone?.occurredOn) },
  { name: 'correctionCount', value: ({ view }) => view.correctionCount },
  { name: 'openFindings', value: ({ openFindings }) => openFindings },
  { name: 'lastRecordedAt', value: ({ view }) => view.lastRecordedAt },
];

/**
 * The rules of the open findings by agreement on the view's day, read off the findings' columns
 * (no finding is built), or null for a viewer who may read none (anonymous).
 */
const openFindingsByAgreement = (view: RegistryReadView, viewer: Viewer): ReadonlyMap<string, AuditRuleCode[]> | null => {
  if (viewer.kind === 'anonymous') return null;
  const findings = findingsOn(view.audit, view.policy, view.day);
  const byAgreement = new Map<string, AuditRuleCode[]>();
  for (let index = 0; index < findings.length; index += 1) {
    if (!findings.isOpen(index)) continue;
    const agreementId = findings.agreementId(index);
    let rules = byAgreement.get(agreementId);
    if (rules === undefined) byAgreement.set(agreementId, (rules = []));
    rules.push(findings.ruleCode(index));
  }
  return byAgreement;
};

export const exportAgreements = (source: ExportSource, filter: AgreementFilter): ExportTable => {
  const { view, viewer } = source;
  const openFindings = openFindingsByAgreement(view, viewer);
  const rows = (function* () {
    for (const agreement of selectAgreements(view, viewer, filter)) {
      const full = agreementAccess(viewer, agreement) === 'full';
      yield { view: agreement, full, day: view.day, openFindings: openFindings === null || !full ? null : (openFindings.get(agreement.id) ?? []) };
    }
  })();
  return tableOf(AGREEMENT_COLUMNS, rows);
};
