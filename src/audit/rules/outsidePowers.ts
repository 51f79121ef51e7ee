import type { SubnationalParty, ThemeCode } from '../../agreements/agreementTypes';
import { knownAt } from '../auditModel';
import { NO_FINDINGS, type AuditRule } from './rule';

/**
 * Themes of the controlled vocabulary that the Constitution reserves to the Federation, by level of
 * the Mexican party. Deliberately short: only migration qualifies (art. 73 fr. XVI, emigration and
 * immigration; art. 11 and 33), since states and municipalities share public security (art. 21,
 * art. 115 fr. III h), and energy, trade or health each have local components. Defence, foreign
 * borrowing and currency are not themes in the vocabulary (borrowing has its own rule). Extend it
 * with care: every entry is a presumption that a lawyer will have to rebut for each agreement.
 */
export const FEDERAL_THEMES_BY_LEVEL: Readonly<Record<SubnationalParty['level'], readonly ThemeCode[]>> = {
  state: ['migration'],
  municipality: ['migration'],
};

/**
 * Heuristic for LCT art. 2 fr. II (an acuerdo interinstitucional must stay within the signing
 * body's own powers): a party whose level has a theme of the agreement among the themes reserved to
 * the Federation (`FEDERAL_THEMES_BY_LEVEL`). Raised on the opening date (themes and parties come
 * from the opening); only a correction removes it.
 */
export const outsidePowers: AuditRule = {
  code: 'OUTSIDE_POWERS',
  severity: 'legal-breach',
  heuristic: true,
  timeDependent: false,
  title: { es: 'Materia ajena a las atribuciones del firmante', en: "Subject outside the signer's powers" },
  basis: 'LCT art. 2 fr. II; Constitución art. 73 fr. XVI, art. 124',
  evaluate: ({ agreement }) => {
    const reserved: ThemeCode[] = [];
    const parties: string[] = [];
    for (const party of agreement.parties) {
      let outside = false;
      for (const theme of agreement.themes) {
        if (!FEDERAL_THEMES_BY_LEVEL[party.level].includes(theme)) continue;
        outside = true;
        if (!reserved.includes(theme)) reserved.push(theme);
      }
      if (outside) parties.push(party.code);
    }
    if (parties.length === 0) return NO_FINDINGS;
    const themes = reserved.join(', ');
    return [
      {
        occurrence: null,
        raisedOn: agreement.openedOn,
        raisedAt: knownAt(agreement.opening),
        evidence: [agreement.opening],
        resolution: null,
        explanation: {
          es: `Temas reservados a la Federación (${themes}) en un acuerdo de ${parties.join(', ')}: revisar que la materia esté en sus atribuciones (LCT art. 2 fr. II). Indicio, no prueba.`,
          en: `Themes reserved to the Federation (${themes}) in an agreement of ${parties.join(', ')}: check the subject is within their powers (LCT art. 2 fr. II). A signal, not proof.`,
        },
      },
    ];
  },
};
