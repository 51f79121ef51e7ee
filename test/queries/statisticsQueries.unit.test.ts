import { agreementsProjection } from '../../projections/agreements';
import { SEED_POLICY_VERSION } from '../../src/policy/seedPolicy';
import { registryStatistics } from '../../src/queries/statisticsQueries';
import type { LegalDate } from '../../src/shared/time';
import { SAMPLE, SAMPLE_TODAY, facts, project, sampleRegistry } from '../support/projectedEvents';

const context = { today: SAMPLE_TODAY, regions: SEED_POLICY_VERSION.priorityRegions };
const asRecord = (entries: readonly { key: string; count: number }[]) => Object.fromEntries(entries.map((entry) => [entry.key, entry.count]));

describe('registryStatistics', () => {
  const model = project(agreementsProjection, sampleRegistry().events);
  const statistics = registryStatistics(model, context);

  it('counts totals, states (municipalities for their state), regions, themes and kinds', () => {
    expect(statistics).toMatchObject({ asOf: SAMPLE_TODAY, lastPosition: model.lastPosition, total: 11, signed: 7, withoutPriorityRegion: 2 });
    expect(asRecord(statistics.byState)).toEqual({ '02': 1, '08': 1, '14': 4, '19': 2, '20': 1, '21': 1, '31': 1 });
    expect(statistics.byRegion).toEqual([
      { key: 'alianza-del-pacifico', count: 3 },
      { key: 'eu', count: 2 },
      { key: 'celac', count: 3 },
      { key: 'north-america', count: 4 },
    ]);
    expect(asRecord(statistics.byTheme)).toEqual({
      climate: 1,
      culture: 4,
      'economic-development': 2,
      education: 2,
      tourism: 3,
      'urban-development': 1,
      water: 2,
    });
    expect(asRecord(statistics.byKind)).toEqual({ twinning: 3, 'cooperation-agreement': 5, 'memorandum-of-understanding': 1, 'letter-of-intent': 1, 'declaratory-twinning': 1 });
  });

  it('counts statuses on today and years of signature and opening', () => {
    expect(asRecord(statistics.byStatus)).toEqual({
      draft: 1,
      'under-sre-review': 1,
      'opinion-issued': 1,
      declaratory: 1,
      signed: 1,
      registered: 1,
      'in-force': 2,
      suspended: 1,
      expired: 1,
      terminated: 1,
    });
    expect(asRecord(statistics.bySignatureYear)).toEqual({ '2018': 1, '2019': 1, '2020': 1, '2021': 1, '2024': 3 });
    expect(asRecord(statistics.byOpeningYear)).toEqual({ '2018': 1, '2019': 2, '2020': 1, '2021': 1, '2022': 1, '2023': 3, '2024': 1, '2025': 1 });
  });

  it('answers from memory while nothing changed, and recomputes when the model, the day or the regions do', () => {
    expect(registryStatistics(model, context)).toBe(statistics);
    const otherDay = registryStatistics(model, { ...context, today: '2020-12-31' as LegalDate });
    expect(otherDay).not.toBe(statistics);
    expect(asRecord(otherDay.byStatus).expired).toBe(0);
    expect(registryStatistics(model, { ...context, regions: [] }).byRegion).toEqual([]);
    const [termination] = sampleRegistry().agreement(SAMPLE.jaliscoTexas, facts.terminated('2025-05-01'));
    agreementsProjection.apply(model, { ...termination!, position: model.lastPosition + 1n });
    expect(asRecord(registryStatistics(model, context).byStatus)).toMatchObject({ suspended: 0, terminated: 2 });
  });
});
