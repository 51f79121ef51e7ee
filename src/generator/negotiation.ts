import type { OpinionOutcome, Signatory } from '../agreements/agreementTypes';
import { dateOf, yearOf, type Day } from './calendar';
import { signaturePlace, type Planning } from './planning';
import { countryOfCounterpart } from './world/counterparts';
import { languageOf } from './world/foreignPlaces';
import { mexicanSignatoryTitle } from './world/mexicanParties';
import { drawPerson } from './world/people';
import { OBSERVATIONS, PRIVATE_COUNTERPART_REASON, REVISION_SUMMARIES, TERMINATION_REASONS, UNFAVOURABLE_REASONS } from './world/texts';

const MAX_ROUNDS = 3;

/**
 * From the draft to the signature: opening, counterparts, the SRE's review (submission, opinion,
 * revision and resubmission), council or congress approval, signature. Returns the signature day,
 * or undefined for an agreement that is never signed. The irregular cases that concern the opinion
 * bend this path; everything else about them is ordinary.
 */
export const planNegotiation = (p: Planning): Day | undefined => {
  const { rng, plan, profile, irregular, openDay } = p;
  const [first] = profile.counterparts;
  const atOpening = rng.chance(0.4);
  plan.add(openDay, 'open', p.local, 'OpenAgreement', {
    agreementId: plan.agreementId,
    kind: profile.kind,
    title: profile.title,
    objectives: profile.objectives,
    themes: profile.themes,
    sdgs: profile.sdgs,
    languages: profile.languages,
    parties: profile.parties,
    counterparts: atOpening && first ? [first] : [],
    validity: profile.validity,
    openedOn: dateOf(openDay),
  });
  let day = openDay;
  (atOpening ? profile.counterparts.slice(1) : profile.counterparts).forEach((counterpart, index) => {
    day += rng.int(3, 60);
    plan.add(day, `counterpart-${index + 1}`, p.local, 'IdentifyCounterpart', { counterpart, identifiedOn: dateOf(day) });
  });

  if (profile.kind === 'declaratory-twinning') {
    // A declaration adopted by the council, never followed by a signed text.
    if (rng.chance(0.7)) planApprovals(p, day, true);
    return undefined;
  }
  switch (irregular) {
    case 'private-counterpart': {
      // Half are never shown to the SRE; the other half are, and signed despite its refusal.
      if (rng.chance(0.5)) {
        day = submit(p, day + rng.int(14, 60), 1);
        day = opinion(p, day + rng.int(30, 90), 1, 'unfavourable', PRIVATE_COUNTERPART_REASON);
      }
      return sign(p, day + rng.int(20, 150));
    }
    case 'signed-without-opinion': {
      // Either the SRE was never told, or the parties signed while it was still reviewing.
      if (rng.chance(0.5)) return sign(p, planApprovals(p, day + rng.int(20, 120), false) + rng.int(7, 60));
      const submitted = submit(p, day + rng.int(14, 70), 1);
      return sign(p, submitted + rng.int(7, 25));
    }
    case 'opinion-after-signature': {
      const submitted = submit(p, day + rng.int(14, 70), 1);
      const signed = sign(p, submitted + rng.int(5, 20));
      opinion(p, signed + rng.int(10, 120), 1, 'favourable');
      return signed;
    }
    default:
      break;
  }

  day = submit(p, day + rng.int(14, 70), 1);
  for (let round = 1; ; round++) {
    const issued = day + rng.int(30, 120);
    const outcome: OpinionOutcome =
      irregular === 'signed-after-unfavourable-opinion'
        ? 'unfavourable'
        : round === 1
          ? rng.weighted<OpinionOutcome>([['favourable', 72], ['favourable-with-observations', 21], ['unfavourable', 7]])
          : rng.weighted<OpinionOutcome>([['favourable', 85], ['favourable-with-observations', 10], ['unfavourable', 5]]);
    day = opinion(p, issued, round, outcome);
    if (irregular === 'signed-after-unfavourable-opinion') return sign(p, day + rng.int(20, 150));
    if (outcome === 'favourable' || round === MAX_ROUNDS) {
      if (outcome === 'unfavourable') return abandon(p, day);
      break;
    }
    if (outcome === 'unfavourable' && !rng.chance(0.4)) return abandon(p, day);
    const revised = day + rng.int(10, 50);
    plan.add(revised, `revise-${round}`, p.local, 'ReviseText', { revisedOn: dateOf(revised), summary: rng.pick(REVISION_SUMMARIES) });
    day = submit(p, revised + rng.int(5, 30), round + 1);
  }
  return sign(p, planApprovals(p, day, false) + rng.int(14, 150));
};

const submit = (p: Planning, day: Day, round: number): Day => {
  const reference = p.rng.chance(0.6) ? { textReference: `Oficio ${p.profile.lead.code}/${yearOf(day)}/${p.rng.int(1, 999)}` } : {};
  p.plan.add(day, `submit-${round}`, p.local, 'SubmitTextToSre', { submittedOn: dateOf(day), ...reference });
  return day;
};

const opinion = (p: Planning, day: Day, round: number, outcome: OpinionOutcome, reason?: string): Day => {
  const observations =
    reason ?? (outcome === 'favourable-with-observations' ? p.rng.pick(OBSERVATIONS) : outcome === 'unfavourable' ? p.rng.pick(UNFAVOURABLE_REASONS) : undefined);
  // The number is the SRE's next one when the opinion is recorded, so it is drawn at emission.
  p.plan.add(day, `opinion-${round}`, p.sre, 'IssueSreOpinion', ({ numbers }) => ({
    opinionNumber: numbers.opinionNumber(yearOf(day)),
    outcome,
    issuedOn: dateOf(day),
    ...(observations === undefined ? {} : { observations }),
  }));
  return day;
};

/** Half of the drafts turned down are formally withdrawn; the rest just stay drafts. */
const abandon = (p: Planning, day: Day): undefined => {
  if (p.rng.chance(0.5)) {
    const withdrawn = day + p.rng.int(30, 300);
    p.plan.add(withdrawn, 'terminate', p.local, 'TerminateAgreement', {
      cause: 'other',
      terminatedOn: dateOf(withdrawn),
      reason: TERMINATION_REASONS.other[0],
    });
  }
  return undefined;
};

/** Cabildo approval for municipal parties, and now and then the state congress. Returns the last day. */
const planApprovals = (p: Planning, from: Day, declaratory: boolean): Day => {
  const { rng, profile } = p;
  let last = from;
  for (const party of profile.parties) {
    if (party.level !== 'municipality' || !(declaratory || rng.chance(0.85))) continue;
    const day = from + rng.int(7, 60);
    p.plan.add(day, `approval-council-${party.code}`, p.local, 'GrantApproval', {
      body: 'municipal-council',
      entityCode: party.code,
      approvedOn: dateOf(day),
      reference: `Acta de Cabildo ${rng.int(1, 120)}/${yearOf(day)}`,
    });
    last = Math.max(last, day);
  }
  if (!declaratory && rng.chance(profile.lead.level === 'state' ? 0.35 : 0.15)) {
    const day = from + rng.int(10, 90);
    p.plan.add(day, 'approval-congress', p.local, 'GrantApproval', {
      body: 'state-congress',
      entityCode: profile.lead.stateCode,
      approvedOn: dateOf(day),
      reference: `Decreto ${rng.int(100, 999)}/${yearOf(day)}`,
    });
    last = Math.max(last, day);
  }
  return last;
};

const sign = (p: Planning, day: Day): Day => {
  const { rng, profile } = p;
  const signatories: Signatory[] = [profile.lead, ...(profile.partner ? [profile.partner] : [])].map((entity) => {
    const person = drawPerson(rng, 'es');
    return { name: person.name, title: mexicanSignatoryTitle(entity, person.female), side: 'mexican' };
  });
  const counterpart = profile.counterparts[0];
  if (counterpart) {
    const country = countryOfCounterpart(counterpart);
    const person = drawPerson(rng, country === undefined ? 'es' : languageOf(country));
    signatories.push({ name: person.name, title: counterpartSignatoryTitle(counterpart.kind, person.female, counterpart.name), side: 'counterpart' });
  }
  p.plan.add(day, 'sign', p.local, 'SignAgreement', { signedOn: dateOf(day), place: signaturePlace(p), signatories, languages: profile.languages });
  return day;
};

const counterpartSignatoryTitle = (kind: string, female: boolean, name: string): string => {
  switch (kind) {
    case 'foreign-local-government':
      return `${female ? 'Alcaldesa' : 'Alcalde'} de ${name}`;
    case 'foreign-subnational-government':
      return `${female ? 'Gobernadora' : 'Gobernador'} de ${name}`;
    case 'foreign-national-government':
      return `Representante de ${name} en México`;
    case 'international-organisation':
      return 'Representante Residente en México';
    default:
      return female ? 'Directora General' : 'Director General';
  }
};
