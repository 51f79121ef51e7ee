import type { AgreementCommand } from '../agreements/agreementCommands';
import type { AgreementEventData } from '../agreements/agreementEvents';
import type { Fact } from '../agreements/agreementState';
import type { PlannedFact } from './agreementPlan';
import { dateOf, dayOf } from './calendar';
import type { Planning } from './planning';
import { placeOf } from './world/mexicanParties';

type Correctable = 'AgreementSigned' | 'CooperationMilestoneRecorded' | 'AgreementOpened' | 'AgreementRegistered';

const TARGETS: Readonly<Record<Correctable, AgreementCommand['type']>> = {
  AgreementSigned: 'SignAgreement',
  CooperationMilestoneRecorded: 'RecordCooperationMilestone',
  AgreementOpened: 'OpenAgreement',
  AgreementRegistered: 'RegisterAgreement',
};

/**
 * The SRE corrects an earlier fact of the agreement a few weeks or months later: a typo in the
 * place of signature, an amount, the title, the registration date. The correction is built when
 * it is recorded, from the fact as it then stands.
 */
export const planCorrection = (p: Planning): void => {
  const { rng, plan } = p;
  const planned = plan.planned();
  const byType = (type: AgreementCommand['type']): readonly PlannedFact[] => planned.filter((fact) => fact.commandType === type);
  const sign = byType('SignAgreement')[0];
  const registration = byType('RegisterAgreement')[0];
  const candidates: (readonly [Correctable, number])[] = [['AgreementOpened', 20]];
  if (sign) candidates.push(['AgreementSigned', 40]);
  if (byType('RecordCooperationMilestone').length > 0) candidates.push(['CooperationMilestoneRecorded', 25]);
  if (sign && registration && registration.day - sign.day >= 2) candidates.push(['AgreementRegistered', 15]);
  const type = rng.weighted(candidates);
  const target = rng.pick(byType(TARGETS[type]));
  target.correctionTarget = true;
  const signDay = sign?.day;
  const shift = rng.int(1, 5);
  const lead = p.profile.lead;
  plan.addCorrection(target.day + rng.int(15, 120), 'correct-1', p.sre, (context) => {
    const correctedEventId = context.eventIdOf(target.label);
    const fact = context.state.facts.find((candidate) => candidate.eventId === correctedEventId);
    if (!fact) throw new Error(`Fact ${target.label} of agreement ${plan.agreementId} is not in its state`);
    return { type: 'CorrectFact', agreementId: plan.agreementId, data: { correctedEventId, ...corrected(fact, { lead: placeOf(lead), signDay, shift }) } };
  });
};

const corrected = (
  fact: Fact,
  input: { readonly lead: string; readonly signDay: number | undefined; readonly shift: number },
): Omit<Extract<AgreementCommand, { type: 'CorrectFact' }>['data'], 'correctedEventId'> => {
  const { event } = fact;
  switch (event.type) {
    case 'AgreementSigned': {
      const place = event.data.place === input.lead ? `Palacio de Gobierno, ${input.lead}` : input.lead;
      return {
        correctedType: event.type,
        correctedData: { ...event.data, place } satisfies AgreementEventData['AgreementSigned'],
        reason: 'Se corrige el lugar de firma conforme a la copia certificada del instrumento.',
      };
    }
    case 'CooperationMilestoneRecorded': {
      const { amount } = event.data;
      if (amount) {
        const [whole = '0', decimals] = amount.value.split('.');
        const value = `${whole}0${decimals === undefined ? '' : `.${decimals}`}`;
        return {
          correctedType: event.type,
          correctedData: { ...event.data, amount: { ...amount, value } },
          reason: 'Se corrige el monto: error de captura (faltaba un dígito).',
        };
      }
      return {
        correctedType: event.type,
        correctedData: { ...event.data, description: `${event.data.description}, con participación de ambas partes` },
        reason: 'Se precisa la descripción conforme al informe de la actividad.',
      };
    }
    case 'AgreementRegistered': {
      const earlier = Math.max(dayOf(event.data.registeredOn) - input.shift, input.signDay ?? 0);
      return {
        correctedType: event.type,
        correctedData: { ...event.data, registeredOn: dateOf(earlier) },
        reason: 'Se corrige la fecha de inscripción conforme al libro de registro.',
      };
    }
    case 'AgreementOpened': {
      const title = event.data.title.startsWith('Acuerdo ') ? `Convenio ${event.data.title.slice('Acuerdo '.length)}` : `${event.data.title} (denominación definitiva)`;
      return { correctedType: event.type, correctedData: { ...event.data, title }, reason: 'Se corrige la denominación del instrumento conforme al texto firmado.' };
    }
    default:
      throw new Error(`The generator does not correct ${event.type} facts`);
  }
};
