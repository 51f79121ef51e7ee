import { knownAt } from '../auditModel';
import type { FindingDraft } from './rule';
import { NO_FINDINGS, type AuditRule } from './rule';

/**
 * Heuristic for Constitution art. 117 fr. VIII (no state or municipal debt with foreign governments
 * or payable in foreign currency). The events have no field for a loan, so the signal is a milestone
 * of kind `project` whose amount is in a currency other than MXN (or MXV, the peso-based UDI) and
 * whose description has a word for debt: préstamo, crédito, financiamiento, empréstito, deuda, loan,
 * credit, debt, borrow(ing) (accents and case ignored; see `borrowingSignal`, computed when the
 * milestone is folded). "Financiamiento" also names grants, hence the lawyer's review.
 * One finding per milestone, raised on its date; only a correction removes it.
 */
export const foreignCurrencyBorrowing: AuditRule = {
  code: 'FOREIGN_CURRENCY_BORROWING',
  severity: 'legal-breach',
  heuristic: true,
  timeDependent: false,
  title: { es: 'Endeudamiento en moneda extranjera', en: 'Borrowing in foreign currency' },
  basis: 'Constitución art. 117 fr. VIII',
  evaluate: ({ agreement }) => {
    let drafts: FindingDraft[] | null = null;
    for (const milestone of agreement.milestones) {
      if (milestone.borrowingSignal === null || milestone.amount === null) continue;
      const { value, currency } = milestone.amount;
      (drafts ??= []).push({
        occurrence: milestone.milestoneId,
        raisedOn: milestone.on,
        raisedAt: knownAt(milestone),
        evidence: [milestone],
        resolution: null,
        explanation: {
          es: `El hito ${milestone.milestoneId} (${milestone.on}) registra ${value} ${currency} y menciona «${milestone.borrowingSignal}»: posible deuda en moneda extranjera (Constitución art. 117 fr. VIII). Indicio, no prueba.`,
          en: `Milestone ${milestone.milestoneId} (${milestone.on}) records ${value} ${currency} and mentions "${milestone.borrowingSignal}": possible foreign-currency debt (Constitution art. 117 fr. VIII). A signal, not proof.`,
        },
      });
    }
    return drafts ?? NO_FINDINGS;
  },
};
