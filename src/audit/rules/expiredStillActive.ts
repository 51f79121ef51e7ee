import type { DatedFact } from '../auditModel';
import { NO_FINDINGS, knownAtOf, type AuditRule } from './rule';

/**
 * The agreement expired by its own term (an end date or duration, no automatic renewal, after every
 * renewal), yet the registry records it as operating afterwards: a milestone, work plan, amendment,
 * suspension or resumption dated after the last day in force (and not after a termination, which
 * other rules cover). Usually a renewal was never recorded or the end date is wrong.
 *
 * Expiry itself needs no event (there is no "expired" fact and no termination cause for it), so an
 * expired agreement merely "not marked terminated" is normal and not flagged; that would restate
 * its status, not find a problem. Raised on the first such activity; resolved when the agreement
 * is terminated (the record is closed). Recording the missing renewal removes it: the facts then
 * show an agreement in force.
 */
export const expiredStillActive: AuditRule = {
  code: 'EXPIRED_STILL_ACTIVE',
  severity: 'data-quality',
  heuristic: false,
  timeDependent: false,
  title: { es: 'Vencido pero con actividad', en: 'Expired but still active' },
  basis: 'Coherencia del registro (vigencia del acuerdo)',
  evaluate: ({ agreement, end }) => {
    const { expiresOn } = end;
    const { termination } = agreement;
    if (expiresOn === null || (termination && termination.on <= expiresOn)) return NO_FINDINGS;
    let found: DatedFact | null = null;
    const { milestones, activities, suspensions, resumptions } = agreement;
    for (const facts of [milestones, activities, suspensions, resumptions] as const) {
      for (const activity of facts) {
        if (activity.on <= expiresOn || (termination && activity.on > termination.on)) continue;
        if (found === null || activity.on < found.on) found = activity;
      }
    }
    if (found === null) return NO_FINDINGS;
    const evidence = [found, ...end.expirySources];
    return [
      {
        occurrence: null,
        raisedOn: found.on,
        raisedAt: knownAtOf(evidence),
        evidence,
        resolution: termination ? { on: termination.on, by: termination } : null,
        explanation: {
          es: `Vigente hasta el ${expiresOn}, pero registra actividad el ${found.on}: falta registrar una renovación o corregir la vigencia.`,
          en: `In force until ${expiresOn}, yet activity is recorded on ${found.on}: a renewal is missing or the term is wrong.`,
        },
      },
    ];
  },
};
