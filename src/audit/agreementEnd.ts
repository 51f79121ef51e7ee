import type { LegalDate } from '../shared/time';
import type { AuditAgreement, FactSource } from './auditModel';
import { addDays, addMonths } from './dates';

/** How and when an agreement stops being in force, as far as its facts say. */
export interface AgreementEnd {
  /**
   * Last day in force by the agreement's own term, after every renewal; null when it renews
   * itself, has no term, or was never signed (an unsigned text cannot expire).
   */
  readonly expiresOn: LegalDate | null;
  /** The facts that fix `expiresOn` (the opening, the renewal, the signature or entry into force). */
  readonly expirySources: readonly FactSource[];
  /** First day out of force: the termination date, or the day after expiry, whichever is first. */
  readonly endsFrom: LegalDate | null;
  /** The termination when that is what ends it; null when it ends by expiry (time passing). */
  readonly endedBy: FactSource | null;
}

const NO_SOURCES: readonly FactSource[] = [];

export const agreementEnd = (agreement: AuditAgreement): AgreementEnd => {
  const { expiresOn, expirySources } = expiry(agreement);
  const termination = agreement.termination;
  const expiredFrom = expiresOn === null ? null : addDays(expiresOn, 1);
  if (termination && (expiredFrom === null || termination.on <= expiredFrom)) {
    return { expiresOn, expirySources, endsFrom: termination.on, endedBy: termination };
  }
  return { expiresOn, expirySources, endsFrom: expiredFrom, endedBy: null };
};

/*
 * The end follows the registry's own reading, so that the audit and the agreement read model
 * (projections/agreements.ts) never disagree on whether an agreement has expired: the end set by
 * the last renewal that stated one (the decider keeps renewals' ends increasing, and a renewal
 * stating no end leaves the current one, as in the agreement state), else the validity's end date,
 * else the duration counted from entry into force (mode in-force), or from the signature, whose
 * anniversary is the last day in force.
 */
const expiry = (agreement: AuditAgreement): { expiresOn: LegalDate | null; expirySources: readonly FactSource[] } => {
  const { validity, signature } = agreement;
  if (!signature || validity.automaticRenewal) return { expiresOn: null, expirySources: NO_SOURCES };
  for (let index = agreement.renewals.length - 1; index >= 0; index--) {
    const renewal = agreement.renewals[index]!;
    if (renewal.newEndsOn !== null) return { expiresOn: renewal.newEndsOn, expirySources: [renewal] };
  }
  if (validity.endsOn !== undefined) return { expiresOn: validity.endsOn, expirySources: [agreement.opening] };
  if (validity.durationMonths !== undefined) {
    const inForce = agreement.forces.find((force) => force.mode === 'in-force');
    const start = inForce ?? signature;
    return { expiresOn: addMonths(start.on, validity.durationMonths), expirySources: [agreement.opening, start] };
  }
  return { expiresOn: null, expirySources: NO_SOURCES };
};
