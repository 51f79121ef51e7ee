import { knownAt } from '../auditModel';
import { NO_FINDINGS, favourableOpinionAfter, type AuditRule } from './rule';

/**
 * Signed with no SRE opinion dated on or before the signature day. An opinion dated the same day
 * counts as prior: dates carry no time of day, and the registry cannot tell the order.
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
    if (opinions.some((opinion) => opinion.on <= signature.on)) return NO_FINDINGS;
    const later = favourableOpinionAfter(opinions, signature.on);
    return [
      {
        occurrence: null,
        raisedOn: signature.on,
        raisedAt: knownAt(signature),
        evidence: [signature],
        resolution: later ? { on: later.on, by: later } : null,
        explanation: {
          es: `Firmado el ${signature.on} sin dictamen previo de la SRE (LCT art. 7).`,
          en: `Signed on ${signature.on} with no prior SRE opinion (LCT art. 7).`,
        },
      },
    ];
  },
};
