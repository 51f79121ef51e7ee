import v8 from 'node:v8';
import { entitiesProjection } from '../../projections/entities';
import type { EntityProfileEvent } from '../../src/entities/entityProfileEvents';
import type { EntityCode } from '../../src/entities/entityProfileTypes';
import type { NetworkId } from '../../src/reference';
import { GUADALAJARA, JALISCO, date, opened } from '../agreements/agreementFixtures';
import { agreementIdOf, eventLog, plain, project } from '../support/projectedEvents';

const progress = (entityCode: EntityCode, level: 'not-started' | 'in-progress' | 'achieved', recordedOn: string, note?: string): EntityProfileEvent => ({
  type: 'StrategyObjectiveProgressRecorded',
  data: { entityCode, objective: 'training', level, recordedOn: date(recordedOn), ...(note === undefined ? {} : { note }) },
});
const joined = (entityCode: EntityCode, networkId: string, joinedOn: string): EntityProfileEvent => ({
  type: 'CityNetworkJoined',
  data: { entityCode, networkId: networkId as NetworkId, joinedOn: date(joinedOn) },
});
const left = (entityCode: EntityCode, networkId: string, leftOn: string, reason?: string): EntityProfileEvent => ({
  type: 'CityNetworkLeft',
  data: { entityCode, networkId: networkId as NetworkId, leftOn: date(leftOn), ...(reason === undefined ? {} : { reason }) },
});

describe('entities projection', () => {
  it('keeps per objective the record with the latest date and counts every record', () => {
    const log = eventLog();
    log.entity(JALISCO, progress(JALISCO, 'in-progress', '2024-03-01', 'Curso de diplomacia local'));
    // Backfilled history: an older record arrives later and must not win.
    log.entity(JALISCO, progress(JALISCO, 'not-started', '2023-01-01'));
    const model = project(entitiesProjection, log.events);
    const jalisco = model.entities.get(JALISCO);
    expect(jalisco).toMatchObject({ code: '14', level: 'state', stateCode: '14' });
    expect(jalisco?.objectives.get('training')).toEqual({ level: 'in-progress', recordedOn: '2024-03-01', note: 'Curso de diplomacia local', recordCount: 2 });
  });

  it('lets the later record win on the same date', () => {
    const log = eventLog();
    log.entity(JALISCO, progress(JALISCO, 'in-progress', '2024-03-01', 'Primera nota'));
    log.entity(JALISCO, progress(JALISCO, 'achieved', '2024-03-01'));
    expect(project(entitiesProjection, log.events).entities.get(JALISCO)?.objectives.get('training')).toEqual({
      level: 'achieved',
      recordedOn: '2024-03-01',
      note: undefined,
      recordCount: 2,
    });
  });

  it('tracks current and past network memberships, rejoining included', () => {
    const log = eventLog();
    log.entity(GUADALAJARA, joined(GUADALAJARA, 'uclg', '2015-01-01'));
    log.entity(GUADALAJARA, joined(GUADALAJARA, 'c40', '2018-01-01'));
    log.entity(GUADALAJARA, left(GUADALAJARA, 'uclg', '2020-01-01', 'Cuotas'));
    log.entity(GUADALAJARA, joined(GUADALAJARA, 'uclg', '2022-01-01'));
    log.entity(GUADALAJARA, left(GUADALAJARA, 'metropolis', '2022-06-01'));
    const last = log.events[log.events.length - 1];
    const model = project(entitiesProjection, log.events);
    const guadalajara = model.entities.get(GUADALAJARA);
    expect(guadalajara).toMatchObject({
      code: '14039',
      level: 'municipality',
      stateCode: '14',
      memberships: [
        { networkId: 'c40', joinedOn: '2018-01-01', note: undefined },
        { networkId: 'uclg', joinedOn: '2022-01-01', note: undefined },
      ],
      pastMemberships: [{ networkId: 'uclg', joinedOn: '2015-01-01', leftOn: '2020-01-01', reason: 'Cuotas', note: undefined }],
      lastEventPosition: last?.position,
      lastRecordedAt: last?.metadata.recordedAt,
    });
    expect(model.lastPosition).toBe(last?.position);
  });

  it('ignores agreement events and survives a v8 snapshot', () => {
    const log = eventLog();
    log.agreement(agreementIdOf(1), opened({ agreementId: agreementIdOf(1) }));
    log.entity(JALISCO, progress(JALISCO, 'achieved', '2024-03-01'));
    const model = project(entitiesProjection, log.events);
    expect([...model.entities.keys()]).toEqual(['14']);
    expect(plain(v8.deserialize(v8.serialize(model)))).toEqual(plain(model));
  });
});
