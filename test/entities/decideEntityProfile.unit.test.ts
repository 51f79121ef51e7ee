import type { EntityProfileCommand } from '../../src/entities/entityProfileCommands';
import type { EntityProfileEvent } from '../../src/entities/entityProfileEvents';
import { entityProfileDecider } from '../../src/entities/entityProfileDecider';
import { initialEntityProfileState, type EntityProfileState } from '../../src/entities/entityProfileState';
import { entityStreamName } from '../../src/entities/entityProfileTypes';
import { parseMunicipalityCode, parseStateCode, unwrap } from '../../src/reference';
import type { LegalDate } from '../../src/shared/time';
import { deciderSpec } from '../support/deciderSpec';

const spec = deciderSpec(entityProfileDecider);
const date = (iso: string) => iso as LegalDate;

const GUADALAJARA = unwrap(parseMunicipalityCode('14039'));
const JALISCO = unwrap(parseStateCode('14'));
const entityCode = GUADALAJARA;

const progressed = (objective: 'training' | 'multi-actor-platform', level: 'not-started' | 'in-progress' | 'achieved', recordedOn: string): EntityProfileEvent => ({
  type: 'StrategyObjectiveProgressRecorded',
  data: { entityCode, objective, level, recordedOn: date(recordedOn) },
});
const joined = (networkId: 'uclg' | 'c40', joinedOn: string): EntityProfileEvent => ({
  type: 'CityNetworkJoined',
  data: { entityCode, networkId, joinedOn: date(joinedOn) },
});
const left = (networkId: 'uclg' | 'c40', leftOn: string): EntityProfileEvent => ({
  type: 'CityNetworkLeft',
  data: { entityCode, networkId, leftOn: date(leftOn) },
});
const join = (networkId: string, joinedOn: string): EntityProfileCommand => ({ type: 'JoinCityNetwork', entityCode, data: { networkId, joinedOn: date(joinedOn) } });
const leave = (networkId: string, leftOn: string): EntityProfileCommand => ({ type: 'LeaveCityNetwork', entityCode, data: { networkId, leftOn: date(leftOn) } });

const stateOf = (events: readonly EntityProfileEvent[]): EntityProfileState =>
  events.reduce((state, event, index) => entityProfileDecider.evolve(state, event, { eventId: `event-${index}` }), initialEntityProfileState());

describe('Entity profile decider', () => {
  it('keeps one stream per state or municipality, named by its INEGI code', () => {
    expect(entityStreamName(GUADALAJARA)).toBe('entity-14039');
    expect(entityStreamName(JALISCO)).toBe('entity-14');
  });

  describe('each command is recorded as exactly its event when the rules allow it', () => {
    const cases: Array<[string, EntityProfileEvent[], EntityProfileCommand, EntityProfileEvent]> = [
      [
        'RecordObjectiveProgress (with a note)',
        [],
        { type: 'RecordObjectiveProgress', entityCode, data: { objective: 'training', level: 'in-progress', recordedOn: date('2025-03-01'), note: 'Diplomado con el Instituto Matías Romero' } },
        { type: 'StrategyObjectiveProgressRecorded', data: { entityCode, objective: 'training', level: 'in-progress', recordedOn: date('2025-03-01'), note: 'Diplomado con el Instituto Matías Romero' } },
      ],
      [
        'RecordObjectiveProgress dated today',
        [progressed('training', 'in-progress', '2025-03-01')],
        { type: 'RecordObjectiveProgress', entityCode, data: { objective: 'training', level: 'achieved', recordedOn: date('2025-06-15') } },
        progressed('training', 'achieved', '2025-06-15'),
      ],
      [
        'RecordObjectiveProgress for a state',
        [],
        { type: 'RecordObjectiveProgress', entityCode: JALISCO, data: { objective: 'multilateral-participation', level: 'not-started', recordedOn: date('2024-01-01') } },
        { type: 'StrategyObjectiveProgressRecorded', data: { entityCode: JALISCO, objective: 'multilateral-participation', level: 'not-started', recordedOn: date('2024-01-01') } },
      ],
      [
        'JoinCityNetwork (with a note)',
        [],
        { type: 'JoinCityNetwork', entityCode, data: { networkId: 'uclg', joinedOn: date('2010-05-01'), note: 'Acuerdo de cabildo 45/2010' } },
        { type: 'CityNetworkJoined', data: { entityCode, networkId: 'uclg', joinedOn: date('2010-05-01'), note: 'Acuerdo de cabildo 45/2010' } },
      ],
      ['JoinCityNetwork while a member of another network', [joined('c40', '2015-01-01')], join('uclg', '2016-01-01'), joined('uclg', '2016-01-01')],
      ['JoinCityNetwork again after leaving it', [joined('uclg', '2010-05-01'), left('uclg', '2018-01-01')], join('uclg', '2018-01-01'), joined('uclg', '2018-01-01')],
      [
        'LeaveCityNetwork (with a reason)',
        [joined('uclg', '2010-05-01')],
        { type: 'LeaveCityNetwork', entityCode, data: { networkId: 'uclg', leftOn: date('2020-01-31'), reason: 'Cuotas no presupuestadas' } },
        { type: 'CityNetworkLeft', data: { entityCode, networkId: 'uclg', leftOn: date('2020-01-31'), reason: 'Cuotas no presupuestadas' } },
      ],
      ['LeaveCityNetwork on the day it joined', [joined('uclg', '2010-05-01')], leave('uclg', '2010-05-01'), left('uclg', '2010-05-01')],
    ];

    it.each(cases)('%s', (_label, given, command, event) => {
      spec.given(given).when(command).then([event]);
    });
  });

  describe('consistency rules refuse the command with a specific rule code', () => {
    const cases: Array<[string, EntityProfileEvent[], EntityProfileCommand, string]> = [
      ['progress dated in the future', [], { type: 'RecordObjectiveProgress', entityCode, data: { objective: 'training', level: 'achieved', recordedOn: date('2025-06-16') } }, 'DATE_IN_FUTURE'],
      ['joining on a date in the future', [], join('uclg', '2025-07-01'), 'DATE_IN_FUTURE'],
      ['leaving on a date in the future', [joined('uclg', '2010-05-01')], leave('uclg', '2026-01-01'), 'DATE_IN_FUTURE'],
      ['joining a network it is already a member of', [joined('uclg', '2010-05-01')], join('uclg', '2012-01-01'), 'ALREADY_A_MEMBER'],
      ['joining a network before the day it last left it', [joined('uclg', '2010-05-01'), left('uclg', '2018-01-01')], join('uclg', '2017-12-31'), 'JOINED_BEFORE_LAST_LEAVING'],
      ['leaving a network it never joined', [joined('c40', '2015-01-01')], leave('uclg', '2020-01-01'), 'NOT_A_MEMBER'],
      ['leaving a network it already left', [joined('uclg', '2010-05-01'), left('uclg', '2018-01-01')], leave('uclg', '2019-01-01'), 'NOT_A_MEMBER'],
      ['leaving before joining', [joined('uclg', '2010-05-01')], leave('uclg', '2010-04-30'), 'LEFT_BEFORE_JOINING'],
      ['joining a network not in the catalogue', [], join('red-inventada', '2020-01-01'), 'UNKNOWN_NETWORK'],
      ['leaving a network not in the catalogue', [], leave('red-inventada', '2020-01-01'), 'UNKNOWN_NETWORK'],
      [
        'a command for another entity than the stream’s',
        [joined('uclg', '2010-05-01')],
        { type: 'RecordObjectiveProgress', entityCode: JALISCO, data: { objective: 'training', level: 'achieved', recordedOn: date('2025-01-01') } },
        'ENTITY_MISMATCH',
      ],
    ];

    it.each(cases)('refuses %s', (_label, given, command, rule) => {
      spec.given(given).when(command).thenThrows({ rule });
    });

    it('names the field and today’s date in Mexico City for a future date', () => {
      spec
        .given([])
        .when(join('uclg', '2025-06-16'))
        .thenThrows({ rule: 'DATE_IN_FUTURE', message: 'joinedOn (2025-06-16) is in the future (today is 2025-06-15 in Mexico City)' });
    });

    it('lists the valid network ids for an unknown one', () => {
      spec
        .given([])
        .when(join('CGLU', '2020-01-01'))
        .thenThrows({ rule: 'UNKNOWN_NETWORK', message: /"CGLU" is not a city network of the reference catalogue .*uclg, metropolis, iclei, c40/ });
    });
  });

  describe('state', () => {
    it('keeps per objective the level with the latest date, counting every record', () => {
      const state = stateOf([
        progressed('training', 'in-progress', '2024-01-01'),
        progressed('training', 'achieved', '2025-01-01'),
        // Backfilled: an older record learned later does not replace the latest level.
        progressed('training', 'not-started', '2023-01-01'),
        progressed('multi-actor-platform', 'not-started', '2024-06-01'),
      ]);
      expect(state.entityCode).toBe('14039');
      expect(state.objectives).toEqual({
        training: { level: 'achieved', recordedOn: '2025-01-01', recordCount: 3 },
        'multi-actor-platform': { level: 'not-started', recordedOn: '2024-06-01', recordCount: 1 },
      });
    });

    it('keeps current memberships with their join dates and ended ones with both dates', () => {
      const state = stateOf([joined('uclg', '2010-05-01'), joined('c40', '2015-01-01'), left('uclg', '2018-01-01'), joined('uclg', '2020-02-01')]);
      expect(state.memberships).toEqual([
        { networkId: 'c40', joinedOn: '2015-01-01' },
        { networkId: 'uclg', joinedOn: '2020-02-01' },
      ]);
      expect(state.pastMemberships).toEqual([{ networkId: 'uclg', joinedOn: '2010-05-01', leftOn: '2018-01-01' }]);
    });

    it('takes the valid time of each event from its own date', () => {
      expect(entityProfileDecider.validAt(progressed('training', 'achieved', '2025-01-01'))).toBe('2025-01-01');
      expect(entityProfileDecider.validAt(joined('uclg', '2010-05-01'))).toBe('2010-05-01');
      expect(entityProfileDecider.validAt(left('uclg', '2018-01-01'))).toBe('2018-01-01');
    });
  });
});
