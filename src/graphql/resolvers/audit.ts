import { AUDIT_RULE_DESCRIPTIONS, findingsOfAgreement, type AuditFinding, type AuditRuleDescription } from '../../../projections/auditFindings';
import type { AgreementId } from '../../agreements/agreementTypes';
import { allFindings, selectFindings, summariseFindings } from '../../queries/findingQueries';
import type { Page } from '../../queries/pagination';
import { connectionOf, type ConnectionArgs } from '../connections';
import type { RegistryContext } from '../context';
import { findingFilter, type FindingFilterInput } from '../filters';
import { toGlobalId } from '../globalId';
import type { AgreementParent } from '../parents';
import { liveReadView, pastOf, visibleAgreements, type RegistryReadView } from '../readModels';
import { agreementAccess, assertMayReadFindings } from '../visibility';
import { agreementNode } from './agreements';
import { rootQuery, type ConsistentArgs } from './query';

type Context = RegistryContext;

/** A finding with the registry it was judged in: its agreement fields resolve there (live or past). */
export interface FindingParent {
  readonly __typename: 'AuditFinding';
  readonly finding: AuditFinding;
  readonly registry: RegistryReadView;
}

export interface FindingsArgs extends ConnectionArgs {
  readonly filter?: FindingFilterInput | null;
}

/** Findings a caller may read: a token is needed, and a subnational user reads its own agreements' only. */
export const readableFindings = (context: Context, registry: RegistryReadView, input: FindingFilterInput | null | undefined): AuditFinding[] => {
  assertMayReadFindings(context.viewer);
  const views = registry.agreements.agreements;
  return selectFindings(allFindings(registry.audit, registry.policy, registry.day), findingFilter(input), registry.agreements, (id: AgreementId) => {
    const view = views.get(id);
    return view !== undefined && agreementAccess(context.viewer, view) === 'full';
  });
};

export const findingConnection = (context: Context, registry: RegistryReadView, args: FindingsArgs): Page<FindingParent> =>
  connectionOf(
    readableFindings(context, registry, args.filter).map((finding): FindingParent => ({ __typename: 'AuditFinding', finding, registry })),
    args,
  );

/** An agreement's findings, null without full access; a past view's come from its registry then. */
const findingsOfView = async (view: AgreementParent, open: boolean | null | undefined, context: Context): Promise<readonly AuditFinding[] | null> => {
  if (agreementAccess(context.viewer, view) !== 'full') return null;
  const past = pastOf(context, view);
  let findings: readonly AuditFinding[];
  if (past === undefined) findings = await context.loaders.findings.load(view.id);
  else if (past.registry !== undefined) findings = findingsOfAgreement(past.registry.audit, past.registry.policy, view.id, past.day);
  // A view folded from the agreement's own stream has no audit model to be judged with.
  else return null;
  return open == null ? findings : findings.filter((finding) => (finding.resolvedOn === null) === open);
};

const describeRule = (description: AuditRuleDescription) => ({ ...description, rule: description.code });

export const auditResolvers = {
  Query: {
    auditFindings: rootQuery((args: ConsistentArgs & FindingsArgs, context) => findingConnection(context, liveReadView(context), args)),
    auditSummary: rootQuery((args: ConsistentArgs & { readonly filter?: FindingFilterInput | null }, context) => {
      const registry = liveReadView(context);
      return { asOf: registry.day, ...summariseFindings(readableFindings(context, registry, args.filter)) };
    }),
    auditRules: rootQuery(() => Object.values(AUDIT_RULE_DESCRIPTIONS).map(describeRule)),
  },
  Agreement: {
    findings: async (view: AgreementParent, args: { readonly open?: boolean | null }, context: Context) => {
      const findings = await findingsOfView(view, args.open, context);
      const registry = pastOf(context, view)?.registry ?? liveReadView(context);
      return findings?.map((finding): FindingParent => ({ __typename: 'AuditFinding', finding, registry })) ?? null;
    },
    findingsCount: async (view: AgreementParent, args: { readonly open?: boolean | null }, context: Context) => (await findingsOfView(view, args.open, context))?.length ?? null,
  },
  AuditFinding: {
    id: ({ finding }: FindingParent) => toGlobalId('AuditFinding', finding.findingId),
    findingId: ({ finding }: FindingParent) => finding.findingId,
    rule: ({ finding }: FindingParent) => finding.ruleCode,
    severity: ({ finding }: FindingParent) => finding.severity,
    heuristic: ({ finding }: FindingParent) => finding.heuristic,
    agreementId: ({ finding }: FindingParent) => finding.agreementId,
    agreement: ({ finding, registry }: FindingParent, _args: unknown, context: Context) => {
      const view = registry.agreements.agreements.get(finding.agreementId as AgreementId);
      return view === undefined || agreementAccess(context.viewer, view) === 'none' ? null : agreementNode(context, registry, view);
    },
    explanation: ({ finding }: FindingParent) => finding.explanation,
    evidence: ({ finding }: FindingParent) => finding.evidence,
    relatedAgreements: ({ finding, registry }: FindingParent, _args: unknown, context: Context) => {
      const visible = visibleAgreements(registry, context.viewer).agreements;
      return finding.relatedAgreementIds.flatMap((id) => {
        const view = visible.get(id as AgreementId);
        return view === undefined ? [] : [agreementNode(context, registry, view)];
      });
    },
    policyVersion: ({ finding }: FindingParent) => finding.policyVersion,
    raisedOn: ({ finding }: FindingParent) => finding.raisedOn,
    raisedAt: ({ finding }: FindingParent) => finding.raisedAt,
    resolvedOn: ({ finding }: FindingParent) => finding.resolvedOn,
    resolvedAt: ({ finding }: FindingParent) => finding.resolvedAt,
    resolvedBy: ({ finding }: FindingParent) => finding.resolvedBy,
    open: ({ finding }: FindingParent) => finding.resolvedOn === null,
    ruleDescription: ({ finding }: FindingParent) => describeRule(AUDIT_RULE_DESCRIPTIONS[finding.ruleCode]),
  },
};
