import type { AgreementKind } from '../../agreements/agreementTypes';
import { knownAt, type CounterpartFact, type FactSource } from '../auditModel';
import { maxDate, maxInstant } from '../dates';
import { NO_FINDINGS, type AuditRule } from './rule';

/** Kinds that bind their parties under international law (LCT art. 2 fr. II), unlike MoUs and letters of intent. */
export const BINDING_KINDS: readonly AgreementKind[] = ['cooperation-agreement'];

/**
 * Heuristic for Constitution art. 117 fr. I (states may not make treaties or alliances with foreign
 * powers): a state-level party (a state or Mexico City, not a municipality) and a foreign *national*
 * government counterpart in a binding kind. An acuerdo interinstitucional between a state agency and
 * a foreign ministry is lawful when it stays within the agency's own powers, so the finding asks a
 * lawyer to check that the text is not a treaty in substance; it proves nothing by itself. Twinnings,
 * MoUs and letters of intent are left out (not binding, or not with a sovereign in practice).
 * Raised when the combination first appeared (the national counterpart's opening or identification
 * date), whether or not the text is signed yet, so that it can be stopped before signature.
 */
export const stateTreatyWithSovereign: AuditRule = {
  code: 'STATE_TREATY_WITH_SOVEREIGN',
  severity: 'legal-breach',
  heuristic: true,
  timeDependent: false,
  title: { es: 'Estado pactando con un Estado extranjero', en: 'State agreement with a sovereign State' },
  basis: 'Constitución art. 117 fr. I',
  evaluate: ({ agreement }) => {
    if (!BINDING_KINDS.includes(agreement.kind)) return NO_FINDINGS;
    const state = agreement.parties.find((party) => party.level === 'state');
    if (!state) return NO_FINDINGS;
    let first: CounterpartFact | null = null;
    const sovereigns: CounterpartFact[] = [];
    for (const entry of agreement.counterparts) {
      if (entry.counterpart.kind !== 'foreign-national-government') continue;
      sovereigns.push(entry);
      if (first === null || entry.addedOn < first.addedOn) first = entry;
    }
    if (!first) return NO_FINDINGS;
    const evidence: FactSource[] = [agreement.opening];
    for (const entry of sovereigns) if (!evidence.includes(entry.fact)) evidence.push(entry.fact);
    const names = sovereigns.map((entry) => entry.counterpart.name).join(', ');
    return [
      {
        occurrence: null,
        raisedOn: maxDate(first.addedOn, agreement.openedOn),
        raisedAt: maxInstant(knownAt(agreement.opening), knownAt(first.fact)),
        evidence,
        resolution: null,
        explanation: {
          es: `La entidad federativa ${state.code} celebra un acuerdo vinculante con un gobierno nacional extranjero (${names}): revisar que no sea un tratado (Constitución art. 117 fr. I). Indicio, no prueba.`,
          en: `State ${state.code} enters a binding agreement with a foreign national government (${names}): check it is not a treaty (Constitution art. 117 fr. I). A signal, not proof.`,
        },
      },
    ];
  },
};
