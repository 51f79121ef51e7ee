import { DateTime } from 'luxon';
import { EVENT_OF_COMMAND } from '../../src/agreements/agreementCommands';
import { AGREEMENT_EVENT_TYPES } from '../../src/agreements/agreementEvents';
import { parseAgreementCommand } from '../../src/agreements/parseAgreementCommand';
import { registryNumberStreamName } from '../../src/agreements/registryNumber';
import { ENTITY_PROFILE_EVENT_TYPES } from '../../src/entities/entityProfileEvents';
import { generateHistory, IRREGULAR_CASES, type HistoryStep } from '../../src/generator';
import { POLICY_STREAM } from '../../src/policy/policyTypes';
import { findMunicipality, type MunicipalityCode } from '../../src/reference';
import { legalDateAt, legalDateTime, type LegalDate } from '../../src/shared/time';
import { agreementViews, IRREGULARITY_CHECKS } from './historyInspection';

const TO = '2025-06-01' as LegalDate;
const history = (seed: number, agreements = 300) => generateHistory({ seed, agreements, to: TO });
const steps: readonly HistoryStep[] = [...history(42)];

const validAtOf = (step: HistoryStep): string | null => {
  const [event] = step.events;
  if (!event) return null;
  const data = event.data as unknown as Record<string, unknown>;
  const field = ['openedOn', 'identifiedOn', 'submittedOn', 'issuedOn', 'revisedOn', 'approvedOn', 'signedOn', 'filedOn', 'registeredOn', 'effectiveOn', 'adoptedOn', 'occurredOn', 'amendedOn', 'renewedOn', 'suspendedOn', 'resumedOn', 'terminatedOn', 'recordedOn', 'joinedOn', 'leftOn', 'effectiveFrom'].find((name) => typeof data[name] === 'string');
  return field === undefined ? null : (data[field] as string);
};

describe('generateHistory', () => {
  it('gives byte-identical steps for the same seed', () => {
    const again = [...history(42)];
    expect(again).toHaveLength(steps.length);
    expect(JSON.stringify(again.slice(0, 2_000))).toBe(JSON.stringify(steps.slice(0, 2_000)));
    expect(again.map((step) => step.eventIds.join())).toEqual(steps.map((step) => step.eventIds.join()));
  });

  it('gives another history for another seed', () => {
    const other = [...history(43)];
    const ids = new Set(steps.flatMap((step) => step.eventIds));
    expect(other.filter((step) => step.decider === 'agreement').some((step) => ids.has(step.eventIds[0] as string))).toBe(false);
    expect(JSON.stringify(other.slice(0, 50).map((step) => step.events))).not.toBe(JSON.stringify(steps.slice(0, 50).map((step) => step.events)));
  });

  it('iterates the same history again from the same object', () => {
    const generated = history(5, 40);
    expect(JSON.stringify([...generated])).toBe(JSON.stringify([...generated]));
  });

  it('spreads municipal parties over the catalogue, the big cities signing most', () => {
    const codes = steps.flatMap((step) =>
      step.events.flatMap((event) => (event.type === 'AgreementOpened' ? event.data.parties.filter((party) => party.level === 'municipality').map((party) => party.code) : [])),
    );
    const populations = codes.map((code) => findMunicipality(code as MunicipalityCode)?.population);
    // Every party is a catalogued municipality that existed at the 2020 Census.
    expect(populations.filter((population) => population === undefined)).toEqual([]);
    const distinct = new Set(codes);
    expect(distinct.size).toBeGreaterThan(80);
    expect([...distinct].filter((code) => (findMunicipality(code as MunicipalityCode)?.population ?? 0) < 100_000).length).toBeGreaterThanOrEqual(10);
    // The 51 municipalities of 500,000 inhabitants or more (2% of them) hold a third of the parties at least.
    expect(populations.filter((population) => (population ?? 0) >= 500_000).length / codes.length).toBeGreaterThan(0.35);
  });

  it('is a history of a few hundred agreements, about twenty events each', () => {
    const opened = steps.filter((step) => step.events[0]?.type === 'AgreementOpened').length;
    expect(opened).toBeGreaterThan(290);
    expect(steps.length / opened).toBeGreaterThan(12);
    expect(steps.length / opened).toBeLessThan(40);
  });

  it('starts with the seed policy and publishes a second version in 2019', () => {
    expect(steps[0]?.streamName).toBe(POLICY_STREAM);
    const versions = steps.filter((step) => step.decider === 'policy').map((step) => step.events[0]?.data as { version: number; effectiveFrom: string });
    expect(versions.map((version) => version.version)).toEqual([1, 2]);
    expect(versions[1]?.effectiveFrom).toBe('2019-07-01');
    expect(steps[0]?.envelope.actor.role).toBe('admin');
  });

  it('emits steps in recorded order, each recorded on or after its legal date and before the end', () => {
    const end = legalDateTime(TO).toMillis();
    for (let i = 1; i < steps.length; i++) {
      expect((steps[i] as HistoryStep).recordedAt >= (steps[i - 1] as HistoryStep).recordedAt).toBe(true);
    }
    for (const step of steps) {
      const recorded = DateTime.fromISO(step.recordedAt, { zone: 'utc' });
      expect(recorded.toMillis()).toBeLessThan(end);
      const validAt = validAtOf(step);
      // A policy version is recorded the day it takes effect or later; the seed's took effect in 1992.
      if (validAt !== null) expect(legalDateAt(recorded) >= validAt).toBe(true);
    }
  });

  it('plants every irregular case at least once in a few hundred agreements', () => {
    const views = agreementViews(steps);
    const found = Object.fromEntries(IRREGULAR_CASES.map((irregular) => [irregular, views.filter((view) => IRREGULARITY_CHECKS[irregular](view, views, TO)).length]));
    expect(Object.entries(found).filter(([, count]) => count === 0)).toEqual([]);
  });

  it('records every kind of fact, policy and entity-profile event', () => {
    const types = new Set<string>(steps.flatMap((step) => step.events.map((event) => event.type)));
    for (const type of [...AGREEMENT_EVENT_TYPES, ...ENTITY_PROFILE_EVENT_TYPES, 'PolicyVersionPublished', 'RegistryNumberAssigned']) {
      expect({ type, present: types.has(type) }).toEqual({ type, present: true });
    }
  });

  it('writes agreement facts that the boundary parser accepts as commands', () => {
    const commandOf = Object.fromEntries(Object.entries(EVENT_OF_COMMAND).map(([command, event]) => [event, command]));
    for (const step of steps) {
      if (step.decider !== 'agreement') continue;
      const [event] = step.events;
      if (!event) continue;
      const type = event.type === 'FactCorrected' ? 'CorrectFact' : (commandOf[event.type] as string);
      const agreementId = step.streamName.slice('agreement-'.length);
      expect(() => parseAgreementCommand(type, agreementId, JSON.parse(JSON.stringify(event.data)))).not.toThrow();
    }
  });

  it('claims each registry number once, in its own stream, just before the registration', () => {
    const numbers = new Set<string>();
    steps.forEach((step, index) => {
      const [event] = step.events;
      if (event?.type !== 'AgreementRegistered') return;
      const claim = steps[index - 1];
      expect(claim?.streamName).toBe(registryNumberStreamName(event.data.registryNumber));
      expect(claim?.envelope.commandId).toBe(step.envelope.commandId);
      expect(numbers.has(event.data.registryNumber)).toBe(false);
      numbers.add(event.data.registryNumber);
    });
    expect(numbers.size).toBeGreaterThan(100);
  });

  it('has each fact recorded by the role that records it, subnational actors only for their own entity', () => {
    const sre = new Set(['SreOpinionIssued', 'AgreementRegistered', 'RegistryNumberAssigned', 'FactCorrected']);
    const parties = new Map<string, string[]>();
    for (const step of steps) {
      const [event] = step.events;
      const { actor } = step.envelope;
      if (event?.type === 'AgreementOpened') parties.set(step.streamName, event.data.parties.map((party) => party.code));
      if (step.decider === 'policy') expect(actor.role).toBe('admin');
      else if (sre.has(event?.type ?? '')) expect(actor.role).toBe('sre-legal');
      else {
        expect(actor.role).toBe('subnational');
        expect(actor.entityScope).toHaveLength(1);
        const scope = actor.entityScope[0] as string;
        if (step.decider === 'entity-profile') expect(step.streamName).toBe(`entity-${scope}`);
        else expect(parties.get(step.streamName)).toContain(scope);
      }
    }
  });
});
