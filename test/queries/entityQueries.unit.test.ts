import { agreementsProjection } from '../../projections/agreements';
import { entitiesProjection } from '../../projections/entities';
import type { EntityCode } from '../../src/entities/entityProfileTypes';
import { SEED_POLICY_VERSION } from '../../src/policy/seedPolicy';
import { entityPortfolio, type PortfolioContext } from '../../src/queries/entityQueries';
import type { NetworkId } from '../../src/reference';
import type { LegalDate } from '../../src/shared/time';
import { SAMPLE_TODAY, project, sampleRegistry } from '../support/projectedEvents';

const log = sampleRegistry();
const GUADALAJARA = '14039' as EntityCode;
log.entity(GUADALAJARA, { type: 'StrategyObjectiveProgressRecorded', data: { entityCode: GUADALAJARA, objective: 'training', level: 'achieved', recordedOn: '2024-05-01' as LegalDate } });
log.entity(GUADALAJARA, { type: 'CityNetworkJoined', data: { entityCode: GUADALAJARA, networkId: 'uclg' as NetworkId, joinedOn: '2010-01-01' as LegalDate } });
log.entity(GUADALAJARA, { type: 'CityNetworkJoined', data: { entityCode: GUADALAJARA, networkId: 'c40' as NetworkId, joinedOn: '2016-01-01' as LegalDate } });
log.entity(GUADALAJARA, { type: 'CityNetworkLeft', data: { entityCode: GUADALAJARA, networkId: 'c40' as NetworkId, leftOn: '2020-01-01' as LegalDate } });
const agreements = project(agreementsProjection, log.events);
const entities = project(entitiesProjection, log.events);
const context: PortfolioContext = { today: SAMPLE_TODAY, regions: SEED_POLICY_VERSION.priorityRegions };
const nonZero = (entries: readonly { key: string; count: number }[]) => Object.fromEntries(entries.filter((entry) => entry.count > 0).map((entry) => [entry.key, entry.count]));

describe('entityPortfolio', () => {
  it("counts a state's agreements with its municipalities', and says so", () => {
    const jalisco = entityPortfolio(agreements, entities, '14', context);
    expect(jalisco).toMatchObject({
      code: '14',
      level: 'state',
      includesMunicipalities: true,
      agreementCount: 4,
      ownAgreementCount: 2,
      municipalAgreementCount: 3,
      withoutPriorityRegion: 2,
      hasProfile: false,
      networks: { current: [], past: [] },
    });
    expect(nonZero(jalisco.byStatus)).toEqual({ 'in-force': 1, suspended: 1, terminated: 1, 'opinion-issued': 1 });
    expect(jalisco.byStatus.map((entry) => entry.key)).toEqual([
      'draft',
      'under-sre-review',
      'opinion-issued',
      'declaratory',
      'signed',
      'registered',
      'in-force',
      'suspended',
      'expired',
      'terminated',
    ]);
    expect(jalisco.byKind).toEqual([
      { key: 'twinning', count: 1 },
      { key: 'cooperation-agreement', count: 3 },
      { key: 'memorandum-of-understanding', count: 0 },
      { key: 'letter-of-intent', count: 0 },
      { key: 'declaratory-twinning', count: 0 },
    ]);
    expect(jalisco.byRegion).toEqual([
      { key: 'alianza-del-pacifico', count: 0 },
      { key: 'eu', count: 0 },
      { key: 'celac', count: 0 },
      { key: 'north-america', count: 2 },
    ]);
    expect(jalisco.byTheme).toEqual([
      { key: 'culture', count: 2 },
      { key: 'economic-development', count: 1 },
      { key: 'education', count: 1 },
      { key: 'tourism', count: 1 },
      { key: 'urban-development', count: 1 },
    ]);
    expect(jalisco.objectives.every((objective) => objective.progress === undefined)).toBe(true);
  });

  it("gives a municipality its own agreements, objectives and networks", () => {
    const guadalajara = entityPortfolio(agreements, entities, '14039', context);
    expect(guadalajara).toMatchObject({
      level: 'municipality',
      includesMunicipalities: false,
      agreementCount: 2,
      ownAgreementCount: 2,
      municipalAgreementCount: 0,
      hasProfile: true,
      networks: {
        current: [{ networkId: 'uclg', joinedOn: '2010-01-01' }],
        past: [{ networkId: 'c40', joinedOn: '2016-01-01', leftOn: '2020-01-01' }],
      },
    });
    expect(guadalajara.objectives).toHaveLength(6);
    expect(guadalajara.objectives[0]).toEqual({ objective: 'training', progress: { level: 'achieved', recordedOn: '2024-05-01', note: undefined, recordCount: 1 } });
    expect(guadalajara.objectives[1]).toEqual({ objective: 'multi-actor-platform', progress: undefined });
  });

  it('counts statuses on the day asked (agreements not yet opened then count as drafts)', () => {
    expect(nonZero(entityPortfolio(agreements, entities, '14', { ...context, today: '2021-01-01' as LegalDate }).byStatus)).toEqual({ 'in-force': 2, draft: 2 });
  });

  it('is empty for an entity with no agreements', () => {
    expect(entityPortfolio(agreements, entities, '32', context)).toMatchObject({ agreementCount: 0, withoutPriorityRegion: 0, hasProfile: false });
    expect(entityPortfolio(agreements, entities, '32056', context)).toMatchObject({ agreementCount: 0, ownAgreementCount: 0, byTheme: [] });
    expect(entityPortfolio(agreements, entities, '14039', context)).toMatchObject({ agreementCount: 2, ownAgreementCount: 2, municipalAgreementCount: 0 });
  });
});
