import { addDays } from '../dates';
import { NO_FINDINGS, raisedByTime, type AuditRule } from './rule';

/**
 * Signed, and not registered by signedOn + deadlines.registrationAfterSignatureDays of the policy in
 * force at signature (that day still in time). Raised on the first day past the deadline, resolved
 * on the registration date when it comes late. Not judged when no policy version was in force at
 * signature: the law sets no deadline in days.
 */
export const registrationOverdue: AuditRule = {
  code: 'REGISTRATION_OVERDUE',
  severity: 'legal-breach',
  heuristic: false,
  timeDependent: true,
  title: { es: 'Registro fuera de plazo', en: 'Registration overdue' },
  basis: 'LCT art. 7; plazo de la política federal vigente a la firma',
  evaluate: ({ agreement, policy }) => {
    const { signature, registration } = agreement;
    if (!signature || !policy) return NO_FINDINGS;
    const days = policy.deadlines.registrationAfterSignatureDays;
    const dueOn = addDays(signature.on, days);
    if (registration && registration.on <= dueOn) return NO_FINDINGS;
    const raisedOn = addDays(dueOn, 1);
    return [
      {
        occurrence: null,
        raisedOn,
        raisedAt: raisedByTime(raisedOn, [signature], registration ? [registration] : []),
        evidence: [signature],
        resolution: registration ? { on: registration.on, by: registration } : null,
        explanation: {
          es: `Firmado el ${signature.on}; debía registrarse a más tardar el ${dueOn} (${days} días, política v${policy.version}).`,
          en: `Signed on ${signature.on}; it was due for registration by ${dueOn} (${days} days, policy v${policy.version}).`,
        },
      },
    ];
  },
};
