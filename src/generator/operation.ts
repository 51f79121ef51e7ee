import type { TerminationCause } from '../agreements/agreementTypes';
import { addMonths, dateOf, dayOf, dayOfYearStart, yearOf, type Day } from './calendar';
import { planMilestone, type Planning } from './planning';
import { AMENDMENT_SUMMARIES, SUSPENSION_REASONS, TERMINATION_REASONS } from './world/texts';

const YEAR = 365;

/**
 * After the signature: the signed copy, registration and entry into force. Returns the day entry
 * into force began (the start of a term counted in months) and the last day planned.
 */
export const planFormalities = (p: Planning, signDay: Day): { readonly forceDay: Day; readonly lastDay: Day } => {
  const { rng, irregular, plan } = p;
  let filed: Day | undefined;
  let registered: Day | undefined;
  switch (irregular) {
    case 'registered-late':
      registered = signDay + rng.int(120, 1100);
      filed = Math.max(signDay + 1, registered - rng.int(1, 20));
      break;
    case 'never-registered':
      filed = rng.chance(0.5) ? signDay + rng.int(2, 40) : undefined;
      break;
    case 'private-counterpart':
      filed = rng.chance(0.3) ? signDay + rng.int(2, 40) : undefined;
      break;
    default: {
      filed = rng.chance(0.92) ? signDay + rng.int(2, 12) : undefined;
      const registers =
        irregular === 'signed-without-opinion' ? 0.5 : irregular === 'signed-after-unfavourable-opinion' ? 0.3 : irregular === undefined ? 0.985 : 1;
      registered = rng.chance(registers) ? Math.min((filed ?? signDay) + rng.int(1, 10), signDay + 28) : undefined;
    }
  }
  if (filed !== undefined) {
    plan.add(filed, 'file', p.local, 'FileSignedCopy', { filedOn: dateOf(filed), documentReference: `SRE-DGCP/${yearOf(filed)}/${rng.int(1000, 99_999)}` });
  }
  if (registered !== undefined) {
    const on = registered;
    // The number is the registry's next one when the registration is recorded: drawn at emission.
    plan.add(on, 'register', p.sre, 'RegisterAgreement', ({ numbers }) => ({ registryNumber: numbers.registryNumber(yearOf(on)), registeredOn: dateOf(on) }));
  }

  const roll = rng.next();
  let forceDay = signDay;
  if (roll < 0.05) {
    plan.add(signDay, 'force-provisional', p.local, 'EnterIntoForce', { mode: 'provisional-application', effectiveOn: dateOf(signDay) });
    forceDay = signDay + rng.int(60, 240);
  } else if (roll < 0.3 && registered !== undefined && registered - signDay < 60) {
    forceDay = registered;
  } else if (roll < 0.45) {
    forceDay = signDay + rng.int(15, 90);
  }
  plan.add(forceDay, 'force', p.local, 'EnterIntoForce', { mode: 'in-force', effectiveOn: dateOf(forceDay) });
  return { forceDay, lastDay: Math.max(forceDay, registered ?? signDay, filed ?? signDay) };
};

/**
 * The agreement's life: renewals or expiry by term, work plans, cooperation milestones (a Poisson
 * process while the agreement is alive, which often stops long before it ends: dormancy),
 * amendments, suspension and resumption, termination. The irregular cases about milestones after
 * the end are planned once the end is known.
 */
export const planOperation = (p: Planning, signDay: Day, formalities: { readonly forceDay: Day; readonly lastDay: Day }): void => {
  const { rng, profile, irregular, plan } = p;
  let termination: Day | undefined =
    irregular === 'milestone-after-termination'
      ? signDay + rng.int(YEAR, 3 * YEAR)
      : irregular === 'dormant' || irregular === 'foreign-currency-loan' || irregular === 'milestone-after-expiry'
        ? undefined
        : rng.chance(0.07)
          ? signDay + rng.int(YEAR, 10 * YEAR)
          : undefined;

  const expiry = planTerm(p, signDay, formalities.forceDay, termination);
  const alive = Math.min(termination ?? Infinity, expiry ?? Infinity, p.lastDay + 1);

  let active = alive;
  if (irregular === 'dormant') active = Math.min(active, signDay + rng.int(0, 240));
  else if (rng.chance(0.3)) active = Math.min(active, signDay + rng.int(120, 4 * YEAR));

  const paused = irregular === 'dormant' ? undefined : planSuspension(p, signDay, alive);
  const isPaused = (day: Day): boolean => paused !== undefined && day >= paused[0] && day < paused[1];

  const meanGap = YEAR / Math.max(profile.activity, 0.05);
  for (let day = signDay + Math.round(rng.exponential(meanGap / 2)); day < active && p.milestones < 80; day += Math.max(1, Math.round(rng.exponential(meanGap)))) {
    if (!isPaused(day)) planMilestone(p, day);
  }
  if (irregular === 'foreign-currency-loan') planMilestone(p, signDay + rng.int(30, 400), { loan: true });

  for (let year = yearOf(signDay); year <= yearOf(Math.min(active, p.lastDay)); year++) {
    const adopted = Math.max(signDay, dayOfYearStart(year, 0, 15) + rng.int(0, 75));
    if (adopted < active && !isPaused(adopted) && rng.chance(0.4)) {
      plan.add(adopted, `workplan-${year}`, p.local, 'AdoptWorkPlan', {
        period: `Programa Operativo Anual ${year}`,
        adoptedOn: dateOf(adopted),
        summary: `Actividades de ${year}: ${profile.objectives[0] ?? 'cooperación entre las partes'}.`,
      });
    }
  }
  if (rng.chance(0.08) && active - signDay > YEAR + 30) {
    const amended = signDay + rng.int(YEAR, active - signDay - 1);
    plan.add(amended, 'amend-1', p.local, 'AmendAgreement', { amendedOn: dateOf(amended), summary: rng.pick(AMENDMENT_SUMMARIES) });
  }

  if (termination !== undefined) termination = planTermination(p, termination);
  if (irregular === 'milestone-after-termination' && termination !== undefined) planLateMilestones(p, termination);
  if (irregular === 'milestone-after-expiry' && expiry !== undefined) planLateMilestones(p, expiry);
};

/**
 * A fixed term is renewed or extended now and then; otherwise the agreement expires on its end date
 * (no event: expiry follows from the validity). Returns the expiry day, if it falls in the history.
 */
const planTerm = (p: Planning, signDay: Day, forceDay: Day, termination: Day | undefined): Day | undefined => {
  const { rng, profile } = p;
  if (profile.termMonths === undefined) return undefined;
  const endsOn = profile.validity.endsOn;
  let end = endsOn === undefined ? addMonths(forceDay, profile.termMonths) : dayOf(endsOn);
  for (let renewal = 1; end <= p.lastDay && (termination === undefined || end < termination); renewal++) {
    if (p.irregular === 'milestone-after-expiry' || !rng.chance(0.45)) return end;
    const renewedOn = Math.max(signDay, end - rng.int(0, 90));
    const newEnd = addMonths(end, profile.termMonths);
    p.plan.add(renewedOn, `renew-${renewal}`, p.local, 'RenewAgreement', {
      mode: rng.chance(0.6) ? 'renewed' : 'extended',
      renewedOn: dateOf(renewedOn),
      newEndsOn: dateOf(newEnd),
      ...(rng.chance(0.5) ? { summary: `Se renueva por ${profile.termMonths} meses en los mismos términos.` } : {}),
    });
    end = newEnd;
  }
  return undefined;
};

/** Returns the suspended period, open-ended when the agreement is never resumed. */
const planSuspension = (p: Planning, signDay: Day, alive: Day): readonly [Day, Day] | undefined => {
  const { rng } = p;
  if (!rng.chance(0.03)) return undefined;
  const suspended = signDay + rng.int(200, 5 * YEAR);
  if (suspended >= alive) return undefined;
  p.plan.add(suspended, 'suspend', p.local, 'SuspendAgreement', { suspendedOn: dateOf(suspended), reason: rng.pick(SUSPENSION_REASONS) });
  const resumed = rng.chance(0.6) ? suspended + rng.int(60, 500) : undefined;
  if (resumed === undefined || resumed >= alive) return [suspended, Infinity];
  p.plan.add(resumed, 'resume', p.local, 'ResumeAgreement', { resumedOn: dateOf(resumed), reason: 'Se reanudan las actividades de cooperación.' });
  return [suspended, resumed];
};

/**
 * Nothing but milestones may follow a termination, so it comes after every other fact planned,
 * however late (a late registration, a late opinion). Returns the day, if it falls in the history.
 */
const planTermination = (p: Planning, candidate: Day): Day | undefined => {
  const { rng } = p;
  const lastOther = p.plan
    .planned()
    .filter((fact) => fact.commandType !== 'RecordCooperationMilestone' && fact.commandType !== 'CorrectFact')
    .reduce((latest, fact) => Math.max(latest, fact.day), 0);
  const day = Math.max(candidate, lastOther + rng.int(1, 30));
  if (day > p.lastDay) return undefined;
  const cause = rng.weighted<TerminationCause>([['mutual-consent', 60], ['denounced', 25], ['other', 15]]);
  p.plan.add(day, 'terminate', p.local, 'TerminateAgreement', { cause, terminatedOn: dateOf(day), reason: rng.pick(TERMINATION_REASONS[cause]) });
  return day;
};

/** Activity recorded after the agreement ended: the audit's "milestone after termination or expiry". */
const planLateMilestones = (p: Planning, end: Day): void => {
  let day = end;
  for (let count = p.rng.int(1, 3); count > 0; count--) {
    day += p.rng.int(30, 350);
    planMilestone(p, day);
  }
};
