import type { LegalDate } from '../../shared/time';
import type { FactSource } from '../auditModel';
import { addDays, addMonths } from '../dates';
import { NO_FINDINGS, raisedByTime, type AuditRule, type FindingDraft } from './rule';

const ACTIVITY = 0;
const RESUMPTION = 1;
const SUSPENSION = 2;
const END = 3;

interface Point {
  readonly on: LegalDate;
  /** Also the order of points on the same day: a milestone on the last day still counts. */
  readonly kind: typeof ACTIVITY | typeof RESUMPTION | typeof SUSPENSION | typeof END;
  readonly fact: FactSource | null;
}

/**
 * Signed (so it can be operated), not ended, and no sign of life for deadlines.dormancyMonths (policy
 * in force at signature). Signs of life are cooperation milestones, entry into force (or provisional
 * application) and resumption after a suspension; the count starts at the signature and restarts
 * at each sign of life. Renewals, amendments and work plans are paperwork, not cooperation, and do
 * not count. A suspended agreement is not expected to operate: no dormancy runs while suspended, and
 * a suspension ends a running one. A milestone on the last day of the period is in time.
 *
 * One finding per dormant period, raised on the first day past the period, resolved by the next sign
 * of life, a suspension, the termination, or the day after expiry (resolvedAt null then). An agreement
 * can therefore carry several DORMANT findings, distinguished by their raisedOn.
 */
export const dormant: AuditRule = {
  code: 'DORMANT',
  severity: 'policy-misalignment',
  heuristic: false,
  timeDependent: true,
  title: { es: 'Acuerdo inactivo', en: 'Dormant agreement' },
  basis: 'Estrategia nacional (operación del acuerdo); plazo de inactividad de la política vigente a la firma',
  evaluate: ({ agreement, policy, end }) => {
    const { signature } = agreement;
    if (!signature || !policy) return NO_FINDINGS;
    const months = policy.deadlines.dormancyMonths;
    const points: Point[] = [];
    for (const force of agreement.forces) if (force.on >= signature.on) points.push({ on: force.on, kind: ACTIVITY, fact: force });
    for (const milestone of agreement.milestones) {
      if (milestone.on >= signature.on) points.push({ on: milestone.on, kind: ACTIVITY, fact: milestone });
    }
    for (const suspension of agreement.suspensions) points.push({ on: suspension.on, kind: SUSPENSION, fact: suspension });
    for (const resumption of agreement.resumptions) points.push({ on: resumption.on, kind: RESUMPTION, fact: resumption });
    if (end.endsFrom !== null) points.push({ on: end.endsFrom, kind: END, fact: end.endedBy });
    points.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.kind - b.kind));

    const drafts: FindingDraft[] = [];
    let anchor = signature.on;
    let anchorFact: FactSource = signature;
    const dormantUntil = (until: LegalDate | null, by: FactSource | null, ends = false): void => {
      const dueOn = addMonths(anchor, months);
      if (until !== null && until <= dueOn) return;
      const raisedOn = addDays(dueOn, 1);
      // An end (an expiry, or a termination) gives the first day out of force: if that is the day
      // dormancy would begin, the agreement was never dormant while in force.
      if (until !== null && ends && until <= raisedOn) return;
      drafts.push({
        occurrence: raisedOn,
        raisedOn,
        // Milestones dated after the period, up to the end of dormancy: a correction may have moved one out of it.
        raisedAt: raisedByTime(raisedOn, [anchorFact], agreement.milestones.filter((milestone) => milestone.on > dueOn && (until === null || milestone.on <= until))),
        evidence: [anchorFact],
        resolution: until === null ? null : { on: until, by },
        explanation: {
          es: `Sin hitos de cooperación desde el ${anchor}: más de ${months} meses de inactividad (política v${policy.version}).`,
          en: `No cooperation milestone since ${anchor}: more than ${months} months without activity (policy v${policy.version}).`,
        },
      });
    };
    let suspended = false;
    for (const point of points) {
      if (point.kind === END) {
        if (!suspended) dormantUntil(point.on, point.fact, true);
        return drafts.length > 0 ? drafts : NO_FINDINGS;
      }
      if (suspended) {
        // Milestones during a suspension are not expected; only the resumption restarts the count.
        if (point.kind !== RESUMPTION || !point.fact) continue;
        suspended = false;
      } else {
        dormantUntil(point.on, point.fact);
        if (point.kind === SUSPENSION) {
          suspended = true;
          continue;
        }
      }
      if (point.fact) {
        anchor = point.on;
        anchorFact = point.fact;
      }
    }
    if (!suspended) dormantUntil(null, null);
    return drafts.length > 0 ? drafts : NO_FINDINGS;
  },
};
