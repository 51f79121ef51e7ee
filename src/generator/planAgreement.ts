import type { AgreementId } from '../agreements/agreementTypes';
import { deterministicUuid } from '../shared/ids';
import { PlanBuilder, type PlannedFact } from './agreementPlan';
import { drawProfile, type AgreementProfile, type TwinningPair } from './agreementProfile';
import { sreLegalActor, subnationalActor } from './actors';
import type { Day } from './calendar';
import { planCorrection } from './correction';
import { flat } from './historyStep';
import type { IrregularCase } from './irregularities';
import { planNegotiation } from './negotiation';
import { planFormalities, planOperation } from './operation';
import { planMilestone, type Planning } from './planning';
import type { Rng } from './rng';

export interface AgreementInput {
  readonly seed: number;
  readonly index: number;
  readonly rng: Rng;
  readonly openDay: Day;
  readonly lastDay: Day;
  readonly horizonMs: number;
  readonly irregular: IrregularCase | undefined;
  readonly earlierTwinning: TwinningPair | undefined;
}

export interface PlannedAgreement {
  readonly agreementId: AgreementId;
  readonly profile: AgreementProfile;
  /** The facts that make it into the history, in recorded order. */
  readonly facts: PlannedFact[];
}

/** Plans one agreement whole: its profile, lifecycle and irregular case, laid out as its stream. */
export const planAgreement = (input: AgreementInput): PlannedAgreement => {
  const { rng, irregular, openDay, lastDay } = input;
  const agreementId = flat(deterministicUuid(`${input.seed}/agreement/${input.index}`)) as AgreementId;
  const profile = drawProfile(rng, irregular, openDay, input.earlierTwinning);
  const p: Planning = {
    rng,
    plan: new PlanBuilder(agreementId, lastDay),
    profile,
    irregular,
    openDay,
    lastDay,
    local: subnationalActor(profile.lead.code),
    sre: sreLegalActor(rng),
    milestones: 0,
  };
  const signDay = planNegotiation(p);
  if (signDay !== undefined) planOperation(p, signDay, planFormalities(p, signDay));
  else if (profile.kind === 'declaratory-twinning' && rng.chance(0.3)) {
    // Declared twins sometimes visit each other, signed text or not.
    for (let day = openDay + rng.int(60, 400), count = rng.int(1, 3); count > 0 && day <= lastDay; day += rng.int(90, 700), count--) {
      planMilestone(p, day);
    }
  }
  if (irregular === 'correction') planCorrection(p);
  // A few early files reached the registry years late, all at once: back-filled history.
  const backfillDay = openDay < lastDay - 4 * 365 && rng.chance(0.08) ? Math.min(openDay + rng.int(365, 5 * 365), lastDay - 30) : undefined;
  return { agreementId, profile, facts: p.plan.finish(rng, input.horizonMs, backfillDay) };
};
