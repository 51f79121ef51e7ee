import type { OpinionFact } from '../auditModel';
import { NO_FINDINGS, favourableOpinionAfter, knownAtOf, type AuditRule } from './rule';

/**
 * The latest opinion dated on or before the signature day was unfavourable. "Latest" is by date,
 * and among opinions of the same date the one recorded last. Raised whatever the policy says about
 * requiring an opinion: signing against one is a breach either way. Resolved (regularised) by a
 * later favourable opinion, e.g. on an amended text.
 */
export const signedAfterUnfavourableOpinion: AuditRule = {
  code: 'SIGNED_AFTER_UNFAVOURABLE_OPINION',
  severity: 'legal-breach',
  heuristic: false,
  timeDependent: false,
  title: { es: 'Firmado tras un dictamen desfavorable', en: 'Signed after an unfavourable opinion' },
  basis: 'LCT art. 7',
  evaluate: ({ agreement }) => {
    const { signature, opinions } = agreement;
    if (!signature) return NO_FINDINGS;
    let latest: OpinionFact | null = null;
    for (const opinion of opinions) {
      if (opinion.on <= signature.on && (latest === null || opinion.on >= latest.on)) latest = opinion;
    }
    if (!latest || latest.outcome !== 'unfavourable') return NO_FINDINGS;
    const later = favourableOpinionAfter(opinions, signature.on);
    const evidence = [latest, signature];
    return [
      {
        occurrence: null,
        raisedOn: signature.on,
        raisedAt: knownAtOf(evidence),
        evidence,
        resolution: later ? { on: later.on, by: later } : null,
        explanation: {
          es: `Firmado el ${signature.on} pese al dictamen desfavorable ${latest.opinionNumber} del ${latest.on} (LCT art. 7).`,
          en: `Signed on ${signature.on} despite unfavourable opinion ${latest.opinionNumber} of ${latest.on} (LCT art. 7).`,
        },
      },
    ];
  },
};
