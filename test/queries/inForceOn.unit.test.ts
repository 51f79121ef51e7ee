import { agreementsProjection } from '../../projections/agreements';
import { SEED_POLICY_VERSION } from '../../src/policy/seedPolicy';
import { inForceOn } from '../../src/queries/inForceOn';
import type { LegalDate } from '../../src/shared/time';
import { SAMPLE, project, sampleRegistry } from '../support/projectedEvents';

const model = project(agreementsProjection, sampleRegistry().events);
const regions = SEED_POLICY_VERSION.priorityRegions;
const on = (date: string) => inForceOn(model, date as LegalDate, regions);
const sorted = (...ids: string[]) => [...ids].sort();

describe('inForceOn', () => {
  it('lists what applied on a day, grouped by state, country, region, theme and mode', () => {
    const report = on('2020-12-31');
    expect(report.agreementIds).toEqual(sorted(SAMPLE.guadalajaraKyoto, SAMPLE.nuevoLeonChile, SAMPLE.zapopanQuebec));
    expect(report).toMatchObject({
      date: '2020-12-31',
      total: 3,
      byMode: [
        { key: 'in-force', count: 3 },
        { key: 'provisional-application', count: 0 },
      ],
      byState: [
        { key: '14', count: 2 },
        { key: '19', count: 1 },
      ],
      byCountry: [
        { key: 'CA', count: 1 },
        { key: 'CL', count: 1 },
        { key: 'JP', count: 1 },
      ],
      byRegion: [
        { key: 'alianza-del-pacifico', count: 1 },
        { key: 'eu', count: 0 },
        { key: 'celac', count: 1 },
        { key: 'north-america', count: 1 },
      ],
      withoutPriorityRegion: 1,
      byTheme: [
        { key: 'culture', count: 1 },
        { key: 'education', count: 1 },
        { key: 'tourism', count: 1 },
        { key: 'urban-development', count: 1 },
      ],
    });
  });

  it('leaves out agreements past their term', () => {
    expect(on('2021-01-01').agreementIds).toEqual(sorted(SAMPLE.guadalajaraKyoto, SAMPLE.zapopanQuebec));
  });

  it('leaves out agreements suspended on the day, and counts them again once resumed', () => {
    expect(on('2022-02-01').agreementIds).toEqual(sorted(SAMPLE.jaliscoTexas, SAMPLE.zapopanQuebec));
    expect(on('2022-03-01').agreementIds).toEqual(sorted(SAMPLE.guadalajaraKyoto, SAMPLE.jaliscoTexas, SAMPLE.zapopanQuebec));
  });

  it('leaves out agreements terminated on or before the day', () => {
    expect(on('2023-01-14').agreementIds).toContain(SAMPLE.zapopanQuebec);
    expect(on('2023-01-15').agreementIds).not.toContain(SAMPLE.zapopanQuebec);
  });

  it('counts provisional application, and nothing signed or registered without force', () => {
    const report = on('2025-06-15');
    expect(report.agreementIds).toEqual(sorted(SAMPLE.guadalajaraKyoto, SAMPLE.chihuahuaNewMexico));
    expect(report.byMode).toEqual([
      { key: 'in-force', count: 1 },
      { key: 'provisional-application', count: 1 },
    ]);
    expect(on('2018-02-28').total).toBe(0);
  });
});
