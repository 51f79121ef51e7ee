import { timelineProjection } from '../../projections/timeline';
import { SEED_POLICY_VERSION } from '../../src/policy/seedPolicy';
import { countriesOfRegionIn } from '../../src/queries/counting';
import { matchingTimelineEntries, searchTimeline, type TimelineFilter } from '../../src/queries/timelineQueries';
import type { LegalDate } from '../../src/shared/time';
import { parseMunicipalityCode, unwrap } from '../../src/reference';
import { GUADALAJARA, TEXAS, opened } from '../agreements/agreementFixtures';
import { SAMPLE, agreementIdOf, eventLog, facts, project, sampleRegistry } from '../support/projectedEvents';

const ZAPOPAN = unwrap(parseMunicipalityCode('14120'));

const log = sampleRegistry();
const model = project(timelineProjection, log.events);
const context = { countriesOfRegion: countriesOfRegionIn(SEED_POLICY_VERSION.priorityRegions) };
const all = (filter: TimelineFilter, order: 'asc' | 'desc' = 'asc') => searchTimeline(model, { filter, order, page: { first: 500 } }, context);
const agreementsIn = (filter: TimelineFilter) => [...new Set(all(filter).edges.map((edge) => edge.node.agreementId))].sort();
const d = (iso: string) => iso as LegalDate;

describe('timeline queries', () => {
  it('lists every agreement event in log order, or newest first', () => {
    const page = all({});
    expect(page.totalCount).toBe(log.events.length);
    expect(page.edges.map((edge) => edge.node.eventId)).toEqual(log.events.map((event) => event.id));
    expect(all({}, 'desc').edges.map((edge) => edge.node.eventId)).toEqual(log.events.map((event) => event.id).reverse());
    expect(matchingTimelineEntries(model, {}, context)).toBeUndefined();
  });

  it('filters by the facets of the agreements', () => {
    expect(agreementsIn({ states: ['14'] })).toEqual([SAMPLE.guadalajaraKyoto, SAMPLE.jaliscoTexas, SAMPLE.zapopanQuebec, SAMPLE.guadalajaraUnesco].sort());
    expect(agreementsIn({ municipalities: ['14039'] })).toEqual([SAMPLE.guadalajaraKyoto, SAMPLE.guadalajaraUnesco].sort());
    expect(agreementsIn({ countries: ['JP', 'ES'] })).toEqual([SAMPLE.guadalajaraKyoto, SAMPLE.monterreyMadrid].sort());
    expect(agreementsIn({ regions: ['eu'] })).toEqual([SAMPLE.monterreyMadrid, SAMPLE.pueblaLyon].sort());
    expect(agreementsIn({ kinds: ['letter-of-intent'] })).toEqual([SAMPLE.nuevoLeonChile]);
    expect(agreementsIn({ themes: ['water'] })).toEqual([SAMPLE.tijuanaSanDiego, SAMPLE.chihuahuaNewMexico].sort());
    expect(agreementsIn({ agreementIds: [SAMPLE.meridaBogota, 'unknown'] })).toEqual([SAMPLE.meridaBogota]);
    expect(agreementsIn({ agreementIds: [SAMPLE.meridaBogota], states: ['14'] })).toEqual([]);
    expect(agreementsIn({ regions: ['atlantis'] })).toEqual([]);
  });

  it('finds an agreement by any of its countries and municipalities, not only the first', () => {
    const multi = eventLog();
    const id = agreementIdOf(1);
    multi.agreement(
      id,
      opened({ agreementId: id, parties: [{ level: 'municipality', code: GUADALAJARA, agency: 'Guadalajara' }, { level: 'municipality', code: ZAPOPAN, agency: 'Zapopan' }] }),
      facts.identified(TEXAS),
    );
    const small = project(timelineProjection, multi.events);
    const found = (filter: TimelineFilter) => searchTimeline(small, { filter }, context).totalCount;
    expect(found({ countries: ['US'] })).toBe(2);
    expect(found({ regions: ['north-america'] })).toBe(2);
    expect(found({ municipalities: ['14120'] })).toBe(2);
    expect(found({ countries: ['zz'] })).toBe(0);
    expect(found({ municipalities: ['19039'] })).toBe(0);
  });

  it('filters by event type and by legal date, both ends inclusive', () => {
    const milestones = all({ types: ['CooperationMilestoneRecorded'] });
    expect(milestones.edges.map((edge) => edge.node.reference)).toEqual(['gk-1']);
    const signatures = all({ types: ['AgreementSigned'], validFrom: d('2021-05-01'), validTo: d('2024-01-01') });
    expect(signatures.edges.map((edge) => edge.node.validAt)).toEqual(['2021-05-01', '2024-01-01']);
    const in2022 = all({ validFrom: d('2022-01-01'), validTo: d('2022-12-31') });
    expect(in2022.edges.map((edge) => edge.node.type)).toEqual(['AgreementSuspended', 'AgreementResumed', 'AgreementOpened', 'TextSubmittedToSre']);
  });

  it('finds the same entries whether it visits few agreements or scans the log', () => {
    // One agreement: its own entries are visited. All states: the log is scanned.
    const few = all({ states: ['31'] });
    expect(few.edges.map((edge) => edge.node.summary)).toEqual(['Apertura del expediente (hermanamiento declarativo)']);
    const many = all({ states: ['14', '19', '31', '21', '20', '02', '08'], validFrom: d('2023-01-01') });
    const expected = log.events.filter((event) => event.metadata.validAt !== null && event.metadata.validAt >= '2023-01-01').map((event) => event.id);
    expect(many.edges.map((edge) => edge.node.eventId)).toEqual(expected);
  });

  it('pages with cursors in either order', () => {
    const first = searchTimeline(model, { filter: { states: ['14'] }, page: { first: 5 } }, context);
    expect(first.totalCount).toBe(all({ states: ['14'] }).totalCount);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = searchTimeline(model, { filter: { states: ['14'] }, page: { first: 5, after: first.pageInfo.endCursor ?? '' } }, context);
    expect(next.edges.map((edge) => edge.node.eventId)).toEqual(all({ states: ['14'] }).edges.slice(5, 10).map((edge) => edge.node.eventId));
    const newest = searchTimeline(model, { order: 'desc', page: { first: 1 } }, context);
    expect(newest.edges[0]?.node.eventId).toBe(log.events[log.events.length - 1]?.id);
    const oldest = searchTimeline(model, { order: 'desc', page: { last: 1 } }, context);
    expect(oldest.edges[0]?.node.eventId).toBe(log.events[0]?.id);
    expect(oldest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('sees new events after a cached search', () => {
    const live = project(timelineProjection, log.events);
    const before = searchTimeline(live, { filter: { states: ['31'] } }, context).totalCount;
    const more = sampleRegistry();
    const [submission] = more.agreement(SAMPLE.meridaBogota, { type: 'TextSubmittedToSre', data: { submittedOn: d('2025-02-01') } });
    timelineProjection.apply(live, { ...submission!, position: live.lastPosition + 1n });
    expect(searchTimeline(live, { filter: { states: ['31'] } }, context).totalCount).toBe(before + 1);
  });
});
