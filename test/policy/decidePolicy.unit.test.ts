import type { PolicyCommand } from '../../src/policy/policyCommands';
import type { PolicyEvent } from '../../src/policy/policyEvents';
import { policyDecider } from '../../src/policy/policyDecider';
import { initialPolicyState, policyInForceOn, type PolicyState } from '../../src/policy/policyState';
import { POLICY_STREAM, STRATEGY_OBJECTIVE_IDS, type PolicyVersion } from '../../src/policy/policyTypes';
import { SEED_POLICY_VERSION, seedPolicyCommand } from '../../src/policy/seedPolicy';
import { parseCountryCode, priorityThemes, unwrap } from '../../src/reference';
import type { LegalDate } from '../../src/shared/time';
import { deciderSpec } from '../support/deciderSpec';

const spec = deciderSpec(policyDecider);
const date = (iso: string) => iso as LegalDate;
const country = (code: string) => unwrap(parseCountryCode(code));

type VersionData = Omit<PolicyVersion, 'version'>;

const versionData = (overrides: Partial<VersionData> = {}): VersionData => ({
  effectiveFrom: date('2026-01-01'),
  title: 'Política federal 2026',
  priorityRegions: [{ id: 'asia-pacific', name: 'Asia-Pacífico', countries: [country('JP'), country('KR')] }],
  priorityThemes: ['climate', 'water'],
  multilateralAgendas: [{ id: 'sdgs', name: 'Agenda 2030 / Objetivos de Desarrollo Sostenible' }],
  strategyObjectives: [{ id: 'training', name: 'Profesionalización de cuadros locales en temas internacionales' }],
  deadlines: { registrationAfterSignatureDays: 60, dormancyMonths: 18, opinionBeforeSignatureRequired: true },
  ...overrides,
});

const publish = (data: VersionData): PolicyCommand => ({ type: 'PublishPolicyVersion', data });
const published = (version: number, data: VersionData): PolicyEvent => ({ type: 'PolicyVersionPublished', data: { version, ...data } });
const seedPublished = (): PolicyEvent => ({ type: 'PolicyVersionPublished', data: SEED_POLICY_VERSION });

const stateOf = (events: readonly PolicyEvent[]): PolicyState =>
  events.reduce((state, event, index) => policyDecider.evolve(state, event, { eventId: `event-${index}` }), initialPolicyState());

describe('Policy decider', () => {
  it('uses one stream for the federal policy', () => {
    expect(POLICY_STREAM).toBe('federal-policy');
  });

  describe('PublishPolicyVersion', () => {
    it('publishes the seed as version 1 on an empty stream', () => {
      spec.given([]).when(seedPolicyCommand()).then([seedPublished()]);
    });

    it('numbers the next version previous + 1', () => {
      spec.given([seedPublished()]).when(publish(versionData())).then([published(2, versionData())]);
    });

    it('publishes a version ahead of the day it takes effect (no future-date rule)', () => {
      const data = versionData({ effectiveFrom: date('2030-01-01') });
      spec.given([seedPublished()]).when(publish(data)).then([published(2, data)]);
    });

    it('publishes a version that takes effect on the day it is published', () => {
      const data = versionData({ effectiveFrom: date('2025-06-15') });
      spec.given([seedPublished()]).when(publish(data)).then([published(2, data)]);
    });

    it('takes the valid time of a version from its effectiveFrom', () => {
      expect(policyDecider.validAt(published(2, versionData()))).toBe('2026-01-01');
    });
  });

  describe('consistency rules refuse the command with a specific rule code', () => {
    const cases: Array<[string, PolicyEvent[], VersionData, string]> = [
      ['an effective date equal to the previous one', [seedPublished()], versionData({ effectiveFrom: date('1992-01-02') }), 'POLICY_EFFECTIVE_DATE_NOT_AFTER_PREVIOUS'],
      ['an effective date before the previous one', [seedPublished(), published(2, versionData())], versionData({ effectiveFrom: date('2025-12-31') }), 'POLICY_EFFECTIVE_DATE_NOT_AFTER_PREVIOUS'],
      ['an effective date before the day of publication (2025-06-15)', [seedPublished()], versionData({ effectiveFrom: date('2025-06-14') }), 'POLICY_RETROACTIVE'],
      ['no priority region', [], versionData({ priorityRegions: [] }), 'POLICY_NO_PRIORITY_REGIONS'],
      ['no priority theme', [], versionData({ priorityThemes: [] }), 'POLICY_NO_PRIORITY_THEMES'],
      ['a region with no countries', [], versionData({ priorityRegions: [{ id: 'empty', name: 'Vacía', countries: [] }] }), 'POLICY_REGION_WITHOUT_COUNTRIES'],
      ['a region listed twice', [], versionData({ priorityRegions: [versionData().priorityRegions[0]!, versionData().priorityRegions[0]!] }), 'POLICY_DUPLICATE_ENTRY'],
      ['a theme listed twice', [], versionData({ priorityThemes: ['culture', 'culture'] }), 'POLICY_DUPLICATE_ENTRY'],
      ['an agenda listed twice', [], versionData({ multilateralAgendas: [{ id: 'sdgs', name: 'A' }, { id: 'sdgs', name: 'B' }] }), 'POLICY_DUPLICATE_ENTRY'],
      ['an objective listed twice', [], versionData({ strategyObjectives: [{ id: 'training', name: 'A' }, { id: 'training', name: 'B' }] }), 'POLICY_DUPLICATE_ENTRY'],
      ['a registration deadline of zero days', [], versionData({ deadlines: { ...versionData().deadlines, registrationAfterSignatureDays: 0 } }), 'POLICY_DEADLINE_INVALID'],
      ['a fractional registration deadline', [], versionData({ deadlines: { ...versionData().deadlines, registrationAfterSignatureDays: 30.5 } }), 'POLICY_DEADLINE_INVALID'],
      ['a negative dormancy period', [], versionData({ deadlines: { ...versionData().deadlines, dormancyMonths: -1 } }), 'POLICY_DEADLINE_INVALID'],
    ];

    it.each(cases)('refuses %s', (_label, given, data, rule) => {
      spec.given(given).when(publish(data)).thenThrows({ rule });
    });

    it('says which date the new version must follow', () => {
      spec
        .given([seedPublished()])
        .when(publish(versionData({ effectiveFrom: date('1990-01-01') })))
        .thenThrows({ rule: 'POLICY_EFFECTIVE_DATE_NOT_AFTER_PREVIOUS', message: 'effectiveFrom (1990-01-01) must be after 1992-01-02, when version 1 took effect' });
    });

    it('names the deadline that is wrong', () => {
      spec
        .given([])
        .when(publish(versionData({ deadlines: { ...versionData().deadlines, dormancyMonths: 0 } })))
        .thenThrows({ rule: 'POLICY_DEADLINE_INVALID', message: /^deadlines\.dormancyMonths is 0/ });
    });
  });

  describe('policyInForceOn', () => {
    const v2 = versionData({ effectiveFrom: date('2026-01-01') });
    const state = stateOf([seedPublished(), published(2, v2)]);

    it('finds no version before the first one takes effect', () => {
      expect(policyInForceOn(state, date('1992-01-01'))).toBeUndefined();
      expect(policyInForceOn(initialPolicyState(), date('2025-06-15'))).toBeUndefined();
    });

    it('applies a version from its exact effective date', () => {
      expect(policyInForceOn(state, date('1992-01-02'))?.version).toBe(1);
      expect(policyInForceOn(state, date('2026-01-01'))?.version).toBe(2);
    });

    it('keeps the earlier version in force between two versions', () => {
      expect(policyInForceOn(state, date('2025-12-31'))?.version).toBe(1);
      expect(policyInForceOn(state, date('2019-12-31'))).toEqual(SEED_POLICY_VERSION);
    });

    it('keeps the latest version in force after it', () => {
      expect(policyInForceOn(state, date('2040-01-01'))?.version).toBe(2);
    });

    it('does not depend on the order of the versions in a state assembled by hand', () => {
      const reversed: PolicyState = { versions: [...state.versions].reverse() };
      expect(policyInForceOn(reversed, date('2025-12-31'))?.version).toBe(1);
      expect(policyInForceOn(reversed, date('2026-01-01'))?.version).toBe(2);
    });
  });

  describe('the seed version', () => {
    const regionCountries = (id: string) => SEED_POLICY_VERSION.priorityRegions.find((region) => region.id === id)?.countries ?? [];

    it('takes effect on the day the LCT was published, so every agreement has a version to be judged against', () => {
      expect(SEED_POLICY_VERSION.version).toBe(1);
      expect(SEED_POLICY_VERSION.effectiveFrom).toBe('1992-01-02');
    });

    it('has the four priority regions, with the EU 27 and CELAC 33', () => {
      expect(SEED_POLICY_VERSION.priorityRegions.map((region) => region.id)).toEqual(['alianza-del-pacifico', 'eu', 'celac', 'north-america']);
      expect(new Set(regionCountries('eu')).size).toBe(27);
      expect(new Set(regionCountries('celac')).size).toBe(33);
      expect(regionCountries('eu')).toEqual(expect.arrayContaining(['DE', 'FR', 'ES', 'HR']));
      expect(regionCountries('eu')).not.toContain('GB');
      expect(regionCountries('alianza-del-pacifico')).toEqual(expect.arrayContaining(['CL', 'CO', 'PE']));
      expect([...regionCountries('north-america')].sort()).toEqual(['CA', 'US']);
    });

    it('has the five priority themes of the seed, as in the themes vocabulary', () => {
      expect(SEED_POLICY_VERSION.priorityThemes).toEqual(['climate', 'urban-development', 'social-cohesion', 'culture', 'tourism']);
      expect([...SEED_POLICY_VERSION.priorityThemes].sort()).toEqual(priorityThemes().map((theme) => theme.code).sort());
    });

    it('has the three multilateral agendas and the six strategy objectives', () => {
      expect(SEED_POLICY_VERSION.multilateralAgendas.map((agenda) => agenda.id)).toEqual(['sdgs', 'new-urban-agenda', 'climate-change']);
      expect(SEED_POLICY_VERSION.strategyObjectives.map((objective) => objective.id)).toEqual([...STRATEGY_OBJECTIVE_IDS]);
    });

    it('sets the deadlines as policy settings', () => {
      expect(SEED_POLICY_VERSION.deadlines).toEqual({ registrationAfterSignatureDays: 30, dormancyMonths: 24, opinionBeforeSignatureRequired: true });
    });

    it('is published by a command that leaves the version number to the decider', () => {
      expect(seedPolicyCommand().data).not.toHaveProperty('version');
    });
  });
});
