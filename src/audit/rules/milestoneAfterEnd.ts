import { NO_FINDINGS, knownAtOf, type AuditRule, type FindingDraft } from './rule';

/**
 * A cooperation milestone dated after the termination date, or after the last day in force by the
 * agreement's term (after every renewal; see `agreementEnd`). A milestone on the termination or
 * expiry day itself is in time. One finding per milestone, raised on its date; never resolved: a
 * correction of the milestone's date, a renewal that covers it, or a correction of the end removes
 * it, because the facts as they then stand no longer show it.
 */
export const milestoneAfterEnd: AuditRule = {
  code: 'MILESTONE_AFTER_END',
  severity: 'data-quality',
  heuristic: false,
  timeDependent: false,
  title: { es: 'Hito posterior a la terminación o expiración', en: 'Milestone after termination or expiry' },
  basis: 'Coherencia del registro',
  evaluate: ({ agreement, end }) => {
    const { termination } = agreement;
    const { expiresOn } = end;
    if (!termination && expiresOn === null) return NO_FINDINGS;
    const drafts: FindingDraft[] = [];
    for (const milestone of agreement.milestones) {
      const afterTermination = termination !== null && milestone.on > termination.on;
      const afterExpiry = expiresOn !== null && milestone.on > expiresOn;
      if (!afterTermination && !afterExpiry) continue;
      // Name whichever end came first.
      const byTermination = afterTermination && (!afterExpiry || termination.on <= expiresOn);
      const evidence = byTermination ? [milestone, termination] : [milestone, ...end.expirySources];
      drafts.push({
        occurrence: milestone.milestoneId,
        raisedOn: milestone.on,
        raisedAt: knownAtOf(evidence),
        evidence,
        resolution: null,
        explanation: byTermination
          ? {
              es: `El hito ${milestone.milestoneId} (${milestone.on}) es posterior a la terminación del ${termination.on}.`,
              en: `Milestone ${milestone.milestoneId} (${milestone.on}) is dated after the termination on ${termination.on}.`,
            }
          : {
              es: `El hito ${milestone.milestoneId} (${milestone.on}) es posterior a la expiración del acuerdo (vigente hasta el ${expiresOn}).`,
              en: `Milestone ${milestone.milestoneId} (${milestone.on}) is dated after the agreement expired (in force until ${expiresOn}).`,
            },
      });
    }
    return drafts.length > 0 ? drafts : NO_FINDINGS;
  },
};
