import type { AgreementView } from '../../../projections/agreements';
import { AUDIT_RULE_DESCRIPTIONS, findingsOfAgreement, type AuditFinding, type AuditRuleDescription } from '../../../projections/auditFindings';
import type { AgreementId } from '../../agreements/agreementTypes';
import { findingsOn, selectFindings, summariseFindings, type FindingSelection } from '../../queries/findingQueries';
import type { Page } from '../../queries/pagination';
import { lazyConnectionOf } from '../connections';
import type { RegistryContext } from '../context';
import { findingFilter, type FindingFilterInput } from '../filters';
import type { QueryAuditFindingsArgs, Resolvers } from '../generated/schemaTypes';
import { toGlobalId } from '../globalId';
import { liveReadView, pastModels, pastOf, visibleAgreements, type RegistryReadView } from '../readModels';
import { agreementAccess, assertMayReadFindings, fullAccessIn } from '../visibility';
import { agreementNode } from './agreements';
import { rootQuery } from './query';

type Context = RegistryContext;

/** A finding with the registry it was judged in: its agreement fields resolve there (live or past). */
export interface FindingParent {
  readonly __typename: 'AuditFinding';
  readonly finding: AuditFinding;
  readonly registry: RegistryReadView;
}

/** What every `auditFindings` field (root, snapshot) takes besides `consistentWith`. */
export type FindingsArgs = Omit<QueryAuditFindingsArgs, 'consistentWith'>;

/** Findings a caller may read: a token is needed, and a subnational user reads its own agreements' only. */
export const readableFindings = (context: Pick<Context, 'viewer'>, registry: RegistryReadView, input: FindingFilterInput | null | undefined): FindingSelection => {
  assertMayReadFindings(context.viewer);
  return selectFindings(findingsOn(registry.audit, registry.policy, registry.day), findingFilter(input), registry.agreements, fullAccessIn(context.viewer, registry.agreements));
};

/** Parents are built for the page only: a registry holds tens of thousands of findings. */
export const findingConnection = (context: Context, registry: RegistryReadView, args: FindingsArgs): Page<FindingParent> => {
  const { findings, indices } = readableFindings(context, registry, args.filter);
  return lazyConnectionOf(indices.length, args, (at): FindingParent => ({ __typename: 'AuditFinding', finding: findings.finding(indices[at] as number), registry }));
};

/** An agreement's findings, null without full access; a past view's come from the audit as of its instant. */
const findingsOfView = async (view: AgreementView, open: boolean | null | undefined, context: Context): Promise<readonly AuditFinding[] | null> => {
  if (agreementAccess(context.viewer, view) !== 'full') return null;
  const past = pastOf(context, view);
  let findings: readonly AuditFinding[];
  if (past === undefined) findings = await context.loaders.findings.load(view.id);
  else {
    // A past view (registryAsOf, or the agreement's own asOf) is judged by the audit as of its instant.
    const registry = await pastModels(context, past, ['auditFindings', 'policy']);
    findings = findingsOfAgreement(registry.audit, registry.policy, view.id, past.day);
  }
  return open == null ? findings : findings.filter((finding) => (finding.resolvedOn === null) === open);
};

const describeRule = (description: AuditRuleDescription) => ({ ...description, rule: description.code });

export const auditResolvers: Resolvers = {
  Query: {
    auditFindings: rootQuery((args, context) => findingConnection(context, liveReadView(context), args)),
    auditSummary: rootQuery((args, context) => {
      const registry = liveReadView(context);
      return { asOf: registry.day, ...summariseFindings(readableFindings(context, registry, args.filter)) };
    }),
    auditRules: rootQuery(() => Object.values(AUDIT_RULE_DESCRIPTIONS).map(describeRule)),
  },
  Agreement: {
    findings: async (view, args, context) => {
      const findings = await findingsOfView(view, args.open, context);
      if (findings === null) return null;
      // A finding's agreement and related agreements are shown from the same registry: the past
      // one for a past view (an agreement's own asOf has none attached: loaded as of its instant).
      const past = pastOf(context, view);
      const registry = past === undefined ? liveReadView(context) : (past.registry ?? (await pastModels(context, past, ['agreements', 'policy', 'auditFindings'])));
      return findings.map((finding): FindingParent => ({ __typename: 'AuditFinding', finding, registry }));
    },
    findingsCount: async (view, args, context) => (await findingsOfView(view, args.open, context))?.length ?? null,
  },
  AuditFinding: {
    id: ({ finding }) => toGlobalId('AuditFinding', finding.findingId),
    findingId: ({ finding }) => finding.findingId,
    rule: ({ finding }) => finding.ruleCode,
    severity: ({ finding }) => finding.severity,
    heuristic: ({ finding }) => finding.heuristic,
    agreementId: ({ finding }) => finding.agreementId,
    agreement: ({ finding, registry }, _args, context) => {
      const view = registry.agreements.agreements.get(finding.agreementId as AgreementId);
      return view === undefined || agreementAccess(context.viewer, view) === 'none' ? null : agreementNode(context, registry, view);
    },
    explanation: ({ finding }) => finding.explanation,
    evidence: ({ finding }) => finding.evidence,
    relatedAgreements: ({ finding, registry }, _args, context) => {
      const visible = visibleAgreements(registry, context.viewer).agreements;
      return finding.relatedAgreementIds.flatMap((id) => {
        const view = visible.get(id as AgreementId);
        return view === undefined ? [] : [agreementNode(context, registry, view)];
      });
    },
    policyVersion: ({ finding }) => finding.policyVersion,
    raisedOn: ({ finding }) => finding.raisedOn,
    raisedAt: ({ finding }) => finding.raisedAt,
    resolvedOn: ({ finding }) => finding.resolvedOn,
    resolvedAt: ({ finding }) => finding.resolvedAt,
    resolvedBy: ({ finding }) => finding.resolvedBy,
    open: ({ finding }) => finding.resolvedOn === null,
    ruleDescription: ({ finding }) => describeRule(AUDIT_RULE_DESCRIPTIONS[finding.ruleCode]),
  },
};
