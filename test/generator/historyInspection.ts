import type { AgreementEvent, AgreementEventData } from '../../src/agreements/agreementEvents';
import { counterpartKey, type Counterpart } from '../../src/agreements/agreementTypes';
import { addMonths, dayOf } from '../../src/generator/calendar';
import type { HistoryStep } from '../../src/generator/historyStep';
import type { IrregularCase } from '../../src/generator/irregularities';
import { OUTSIDE_PRIORITY_COUNTRIES } from '../../src/generator/world/foreignPlaces';
import { priorityThemes } from '../../src/reference';

type Data<T extends AgreementEvent['type']> = AgreementEventData[T];

/** One agreement's stream read back from generated steps, with what the checks need. */
export interface AgreementView {
  readonly streamName: string;
  readonly events: readonly AgreementEvent[];
  readonly opened: Data<'AgreementOpened'>;
  readonly counterparts: readonly Counterpart[];
  readonly signed?: Data<'AgreementSigned'>;
  readonly opinions: readonly Data<'SreOpinionIssued'>[];
  readonly registered?: Data<'AgreementRegistered'>;
  readonly force?: Data<'AgreementEnteredIntoForce'>;
  readonly terminated?: Data<'AgreementTerminated'>;
  readonly renewed: boolean;
  readonly milestones: readonly Data<'CooperationMilestoneRecorded'>[];
  readonly corrections: number;
}

export const agreementViews = (steps: Iterable<HistoryStep>): AgreementView[] => {
  const byStream = new Map<string, AgreementEvent[]>();
  for (const step of steps) {
    if (step.decider !== 'agreement') continue;
    const events = byStream.get(step.streamName) ?? [];
    events.push(...step.events);
    byStream.set(step.streamName, events);
  }
  return [...byStream].map(([streamName, events]) => {
    const of = <T extends AgreementEvent['type']>(type: T): Data<T>[] =>
      events.filter((event): event is Extract<AgreementEvent, { type: T }> => event.type === type).map((event) => event.data as Data<T>);
    const opened = of('AgreementOpened')[0] as Data<'AgreementOpened'>;
    const signed = of('AgreementSigned')[0];
    const registered = of('AgreementRegistered')[0];
    const force = of('AgreementEnteredIntoForce').find((data) => data.mode === 'in-force');
    const terminated = of('AgreementTerminated')[0];
    return {
      streamName,
      events,
      opened,
      counterparts: [...opened.counterparts, ...of('CounterpartIdentified').map((data) => data.counterpart)],
      ...(signed ? { signed } : {}),
      opinions: of('SreOpinionIssued'),
      ...(registered ? { registered } : {}),
      ...(force ? { force } : {}),
      ...(terminated ? { terminated } : {}),
      renewed: of('AgreementRenewed').length > 0,
      milestones: of('CooperationMilestoneRecorded'),
      corrections: of('FactCorrected').length,
    };
  });
};

const daysBetween = (from: string, to: string): number => dayOf(to) - dayOf(from);
const PRIORITY_THEMES = new Set<string>(priorityThemes().map((theme) => theme.code));
const OUTSIDE = new Set<string>(OUTSIDE_PRIORITY_COUNTRIES);

/**
 * Each irregular case as the audit would see it, from the events alone: the generator's own
 * bookkeeping is not trusted here.
 */
export const IRREGULARITY_CHECKS: Readonly<Record<IrregularCase, (view: AgreementView, all: readonly AgreementView[], to: string) => boolean>> = {
  'signed-without-opinion': (view) => view.signed !== undefined && view.opinions.length === 0,
  'signed-after-unfavourable-opinion': ({ signed, opinions }) => {
    if (!signed) return false;
    const before = opinions.filter((opinion) => opinion.issuedOn <= signed.signedOn);
    return before[before.length - 1]?.outcome === 'unfavourable';
  },
  'opinion-after-signature': ({ signed, opinions }) => signed !== undefined && opinions.some((opinion) => opinion.issuedOn > signed.signedOn),
  'never-registered': ({ signed, registered }, _all, to) => signed !== undefined && registered === undefined && daysBetween(signed.signedOn, to) > 60,
  'registered-late': ({ signed, registered }) => signed !== undefined && registered !== undefined && daysBetween(signed.signedOn, registered.registeredOn) > 60,
  'private-counterpart': ({ opened, counterparts }) =>
    (opened.kind === 'memorandum-of-understanding' || opened.kind === 'letter-of-intent') && counterparts.some((counterpart) => counterpart.kind === 'private'),
  'state-with-foreign-national-government': ({ opened, counterparts }) =>
    opened.kind === 'cooperation-agreement' &&
    opened.parties.some((party) => party.level === 'state') &&
    counterparts.some((counterpart) => counterpart.kind === 'foreign-national-government'),
  'foreign-currency-loan': ({ milestones }) =>
    milestones.some((milestone) => /préstamo|financiamiento/i.test(milestone.description) && ['USD', 'EUR'].includes(milestone.amount?.currency ?? '')),
  'municipal-federal-theme': ({ opened }) =>
    opened.parties.some((party) => party.level === 'municipality') && opened.themes.some((theme) => theme === 'public-security' || theme === 'migration'),
  'outside-priority': ({ opened, counterparts }) =>
    counterparts.some((counterpart) => 'country' in counterpart && OUTSIDE.has(counterpart.country ?? '')) && opened.themes.every((theme) => !PRIORITY_THEMES.has(theme)),
  dormant: ({ signed, terminated, milestones }, _all, to) => {
    if (!signed || terminated) return false;
    const last = milestones.reduce((latest, milestone) => (milestone.occurredOn > latest ? milestone.occurredOn : latest), signed.signedOn);
    return daysBetween(last, to) > 2 * 365;
  },
  'milestone-after-termination': ({ terminated, milestones }) =>
    terminated !== undefined && milestones.some((milestone) => milestone.occurredOn > terminated.terminatedOn),
  'milestone-after-expiry': ({ opened, signed, force, renewed, milestones }) => {
    const { durationMonths, automaticRenewal } = opened.validity;
    if (!signed || durationMonths === undefined || automaticRenewal || renewed) return false;
    const end = addMonths(dayOf(force?.effectiveOn ?? signed.signedOn), durationMonths);
    return milestones.some((milestone) => dayOf(milestone.occurredOn) > end);
  },
  'duplicate-twinning': (view, all) => {
    if (view.opened.kind !== 'twinning') return false;
    const pair = (candidate: AgreementView) => `${candidate.opened.parties[0]?.code}|${candidate.counterparts[0] ? counterpartKey(candidate.counterparts[0]) : ''}`;
    return all.some((other) => other !== view && other.opened.kind === 'twinning' && pair(other) === pair(view));
  },
  'declaratory-never-signed': ({ opened, signed }) => opened.kind === 'declaratory-twinning' && signed === undefined,
  correction: ({ corrections }) => corrections > 0,
};
