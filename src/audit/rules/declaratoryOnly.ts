import { addDays, addMonths } from '../dates';
import { NO_FINDINGS, raisedByTime, type AuditRule, type Resolution } from './rule';

/**
 * Months a declaratory twinning may stay without a signed text. The policy has no setting for it
 * (PolicyDeadlines), so it is fixed here: a year is the cycle of the twinning programme's annual
 * work plan (Programa Operativo Anual), by which a living twinning has formalised its text.
 */
export const DECLARATORY_GRACE_MONTHS = 12;

/**
 * A declaratory twinning (a declaration with no signed text) still without a signature
 * DECLARATORY_GRACE_MONTHS after its opening date (that day still in time). Raised the day after,
 * resolved by the signature or by the termination, whichever comes first.
 */
export const declaratoryOnly: AuditRule = {
  code: 'DECLARATORY_ONLY',
  severity: 'data-quality',
  heuristic: false,
  timeDependent: true,
  title: { es: 'Hermanamiento solo declarativo', en: 'Declaratory twinning only' },
  basis: 'Programa de hermanamientos de la SRE (formalización)',
  evaluate: ({ agreement }) => {
    if (agreement.kind !== 'declaratory-twinning') return NO_FINDINGS;
    const dueOn = addMonths(agreement.openedOn, DECLARATORY_GRACE_MONTHS);
    const { signature, termination } = agreement;
    if ((signature && signature.on <= dueOn) || (termination && termination.on <= dueOn)) return NO_FINDINGS;
    let resolution: Resolution | null = null;
    if (signature) resolution = { on: signature.on, by: signature };
    if (termination && (resolution === null || termination.on < resolution.on)) resolution = { on: termination.on, by: termination };
    const raisedOn = addDays(dueOn, 1);
    return [
      {
        occurrence: null,
        raisedOn,
        raisedAt: raisedByTime(raisedOn, [agreement.opening]),
        evidence: [agreement.opening],
        resolution,
        explanation: {
          es: `Hermanamiento declarativo abierto el ${agreement.openedOn} sin texto firmado después de ${DECLARATORY_GRACE_MONTHS} meses.`,
          en: `Declaratory twinning opened on ${agreement.openedOn} with no signed text after ${DECLARATORY_GRACE_MONTHS} months.`,
        },
      },
    ];
  },
};
