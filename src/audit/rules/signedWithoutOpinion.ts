import { NO_FINDINGS, favourableOpinionAfter, knownAtWithRedating, type AuditRule } from './rule';

/**
 * Signed with no SRE opinion on the text signed: none dated on or before the signature day, or
 * only opinions older than the text's last submission before the signature (a revised text sent
 * back to the SRE needs its own opinion: the lifecycle loops from revision back to submission). An
 * opinion dated the same day as the signature, or as the submission, counts: dates carry no time of
 * day, and the registry cannot tell the order.
 * Not raised when the policy in force at signature says the opinion need not precede signing.
 * Resolved (regularised) by a later favourable opinion, which does not undo the breach: the finding
 * stays listed with its resolution.
 */
export const signedWithoutOpinion: AuditRule = {
  code: 'SIGNED_WITHOUT_OPINION',
  severity: 'legal-breach',
  heuristic: false,
  timeDependent: false,
  title: { es: 'Firmado sin dictamen de la SRE', en: 'Signed without an SRE opinion' },
  basis: 'LCT art. 7',
  evaluate: ({ agreement, policy }) => {
    const { signature, opinions } = agreement;
    if (!signature) return NO_FINDINGS;
    if (policy && !policy.deadlines.opinionBeforeSignatureRequired) return NO_FINDINGS;
    const before = opinions.filter((opinion) => opinion.on <= signature.on);
    const submission = latest(agreement.submissions.filter((submitted) => submitted.on <= signature.on));
    if (before.some((opinion) => submission === null || opinion.on >= submission.on)) return NO_FINDINGS;
    const later = favourableOpinionAfter(opinions, signature.on);
    // Opinions there were, on an earlier text.
    const revised = before.length > 0 && submission !== null;
    return [
      {
        occurrence: null,
        raisedOn: signature.on,
        // An opinion or a submission moved by a correction may be what left the signature without one.
        raisedAt: knownAtWithRedating([signature], [...opinions, ...agreement.submissions]),
        evidence: revised ? [signature, submission] : [signature],
        resolution: later ? { on: later.on, by: later } : null,
        explanation: revised
          ? {
              es: `Firmado el ${signature.on} sin dictamen de la SRE sobre el texto sometido el ${submission.on}: el dictamen previo es de un texto anterior (LCT art. 7).`,
              en: `Signed on ${signature.on} with no SRE opinion on the text submitted on ${submission.on}: the earlier opinion is on an earlier text (LCT art. 7).`,
            }
          : {
              es: `Firmado el ${signature.on} sin dictamen previo de la SRE (LCT art. 7).`,
              en: `Signed on ${signature.on} with no prior SRE opinion (LCT art. 7).`,
            },
      },
    ];
  },
};

/** The fact of latest date (the last recorded among equals), or null. */
const latest = <T extends { readonly on: string }>(facts: readonly T[]): T | null =>
  facts.reduce<T | null>((found, fact) => (found === null || fact.on >= found.on ? fact : found), null);
