import type { Instant, LegalDate } from '../../shared/time';
import { knownAt, type FactSource } from '../auditModel';
import { maxDate } from '../dates';
import { NO_FINDINGS, type AuditRule } from './rule';

/**
 * A counterpart of kind `private` (company, NGO, university), on any kind of agreement: with one,
 * the document is a private contract, not an acuerdo interinstitucional. The decider refuses them
 * on twinnings and cooperation agreements but accepts them on MoUs and letters of intent, so they
 * reach the registry only there (or through a correction or an import); this rule flags them all.
 * One finding per agreement, raised when the first private counterpart appeared. Only a correction
 * removes it.
 */
export const privateCounterpart: AuditRule = {
  code: 'PRIVATE_COUNTERPART',
  severity: 'legal-breach',
  heuristic: false,
  timeDependent: false,
  title: { es: 'Contraparte privada', en: 'Private counterpart' },
  basis: 'LCT art. 2 fr. II',
  evaluate: ({ agreement }) => {
    const evidence: FactSource[] = [];
    const names: string[] = [];
    let raisedOn: LegalDate | null = null;
    let raisedAt: Instant | null = null;
    for (const entry of agreement.counterparts) {
      if (entry.counterpart.kind !== 'private') continue;
      names.push(entry.counterpart.name);
      if (!evidence.includes(entry.fact)) evidence.push(entry.fact);
      // Each private counterpart alone raises it: the first one recorded says when.
      if (raisedOn === null || entry.addedOn < raisedOn) raisedOn = entry.addedOn;
      const at = knownAt(entry.fact);
      if (raisedAt === null || at < raisedAt) raisedAt = at;
    }
    if (raisedOn === null || raisedAt === null) return NO_FINDINGS;
    const list = names.join(', ');
    return [
      {
        occurrence: null,
        raisedOn: maxDate(raisedOn, agreement.openedOn),
        raisedAt,
        evidence,
        resolution: null,
        explanation: {
          es: `Contraparte privada (${list}): un contrato con particulares no es un acuerdo interinstitucional (LCT art. 2 fr. II).`,
          en: `Private counterpart (${list}): a contract with a private body is not an interinstitutional agreement (LCT art. 2 fr. II).`,
        },
      },
    ];
  },
};
