import { NO_FINDINGS, earliest, knownAtOf, type AuditRule } from './rule';

/**
 * The first SRE opinion (by date) is dated after the signature. Data quality rather than a breach:
 * the breach itself is SIGNED_WITHOUT_OPINION, raised for the same facts; this finding asks whether
 * the opinion was an ex-post regularisation or its date (or the signature's) was mistyped, since a
 * dictamen de procedencia is issued on a text that is still to be signed. Not raised when the policy
 * in force at signature does not require the opinion first. Only a correction removes it.
 */
export const opinionAfterSignature: AuditRule = {
  code: 'OPINION_AFTER_SIGNATURE',
  severity: 'data-quality',
  heuristic: false,
  timeDependent: false,
  title: { es: 'Dictamen posterior a la firma', en: 'Opinion dated after the signature' },
  basis: 'LCT art. 7',
  evaluate: ({ agreement, policy }) => {
    const { signature } = agreement;
    if (!signature) return NO_FINDINGS;
    if (policy && !policy.deadlines.opinionBeforeSignatureRequired) return NO_FINDINGS;
    const first = earliest(agreement.opinions);
    if (!first || first.on <= signature.on) return NO_FINDINGS;
    const evidence = [signature, first];
    return [
      {
        occurrence: null,
        raisedOn: first.on,
        raisedAt: knownAtOf(evidence),
        evidence,
        resolution: null,
        explanation: {
          es: `El primer dictamen de la SRE (${first.opinionNumber}, ${first.on}) es posterior a la firma del ${signature.on}: verificar las fechas.`,
          en: `The first SRE opinion (${first.opinionNumber}, ${first.on}) is dated after the signature on ${signature.on}: check the dates.`,
        },
      },
    ];
  },
};
