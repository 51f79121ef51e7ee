import type { AgreementView } from '../../projections/agreements';
import type { AuditFinding } from '../../projections/auditFindings';
import type { AgreementId } from '../agreements/agreementTypes';
import { visibleAgreements } from '../graphql/readModels';
import { agreementAccess, assertMayReadFindings } from '../graphql/visibility';
import { findingsOn, selectedFindings, selectFindings } from '../queries/findingQueries';
import { selectAgreements } from './exportAgreements';
import type { ExportRequest } from './exportRequest';
import { tableOf, type ExportColumn, type ExportSource, type ExportTable } from './exportTable';

interface FindingRow {
  readonly finding: AuditFinding;
  readonly agreement: AgreementView;
  /** The finding's related agreements the reader may see, as the API's relatedAgreements lists them. */
  readonly related: readonly string[];
}

const FINDING_COLUMNS: readonly ExportColumn<FindingRow>[] = [
  { name: 'findingId', value: ({ finding }) => finding.findingId },
  { name: 'agreementId', value: ({ finding }) => finding.agreementId },
  { name: 'registryNumber', value: ({ agreement }) => agreement.registration?.registryNumber ?? null },
  { name: 'agreementTitle', value: ({ agreement }) => agreement.title },
  { name: 'states', value: ({ agreement }) => [...new Set(agreement.parties.map((party) => party.stateCode))] },
  { name: 'partyCodes', value: ({ agreement }) => agreement.parties.map((party) => party.code) },
  { name: 'rule', value: ({ finding }) => finding.ruleCode },
  { name: 'severity', value: ({ finding }) => finding.severity },
  { name: 'heuristic', value: ({ finding }) => finding.heuristic },
  { name: 'open', value: ({ finding }) => finding.resolvedOn === null },
  { name: 'explanationEs', value: ({ finding }) => finding.explanation.es },
  { name: 'explanationEn', value: ({ finding }) => finding.explanation.en },
  { name: 'policyVersion', value: ({ finding }) => finding.policyVersion },
  { name: 'raisedOn', value: ({ finding }) => finding.raisedOn },
  { name: 'raisedAt', value: ({ finding }) => finding.raisedAt },
  { name: 'resolvedOn', value: ({ finding }) => finding.resolvedOn },
  { name: 'resolvedAt', value: ({ finding }) => finding.resolvedAt },
  { name: 'evidence', value: ({ finding }) => finding.evidence },
  { name: 'relatedAgreementIds', value: ({ related }) => related },
];

/**
 * Findings as the API's auditFindings gives them (a token is needed; a subnational user reads its
 * own agreements' only), on the agreements matching the filter, newest first.
 */
export const exportFindings = (source: ExportSource, request: Pick<ExportRequest, 'agreements' | 'findings'>): ExportTable => {
  const { view, viewer } = source;
  assertMayReadFindings(viewer);
  const agreements = new Map(selectAgreements(view, viewer, request.agreements).map((agreement) => [agreement.id, agreement]));
  const found = selectedFindings(selectFindings(findingsOn(view.audit, view.policy, view.day), request.findings, view.agreements, (id: AgreementId) => {
    const agreement = agreements.get(id);
    return agreement !== undefined && agreementAccess(viewer, agreement) === 'full';
  }));
  const visible = visibleAgreements(view, viewer).agreements;
  return tableOf(
    FINDING_COLUMNS,
    found.map((finding) => ({
      finding,
      agreement: agreements.get(finding.agreementId as AgreementId) as AgreementView,
      related: finding.relatedAgreementIds.filter((id) => visible.has(id as AgreementId)),
    })),
  );
};
