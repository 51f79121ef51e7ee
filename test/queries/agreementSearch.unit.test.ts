import { agreementsProjection, agreementStatus, AGREEMENT_STATUSES, dayNumber, searchKey, wasInForceDuring, type AgreementView, type AgreementsModel } from '../../projections/agreements';
import { AGREEMENT_KINDS } from '../../src/agreements/agreementTypes';
import { generateHistory } from '../../src/generator/generateHistory';
import { Rng } from '../../src/generator/rng';
import { SEED_POLICY_VERSION } from '../../src/policy/seedPolicy';
import type { ProjectedEvent } from '../../src/projectionRunner/registryEvent';
import {
  AGREEMENT_SORT_FIELDS,
  coarseStatusAt,
  searchAgreements,
  sortAgreements,
  type AgreementFilter,
  type AgreementQueryContext,
  type AgreementSort,
} from '../../src/queries/agreementQueries';
import { countriesOfRegionIn } from '../../src/queries/counting';
import { decodeCursor, encodeCursor, type PageRequest } from '../../src/queries/pagination';
import { inScope, visibleAgreementsModel, type AgreementScope } from '../../src/queries/visibleModels';
import type { LegalDate } from '../../src/shared/time';
import { eventLog } from '../support/projectedEvents';

/*
 * searchAgreements filters into a mask over the projection's ordinals and reads each page off a
 * model-wide sort order. Its oracle here is the rule itself, applied view by view with no index,
 * column or cached order, then sorted by sortAgreements and sliced: on a generated history, for
 * many filter combinations, every sort, pages from both ends, restricted readers, and after the
 * model has moved on.
 */

const TODAY = '2025-06-01' as LegalDate;
const regions = SEED_POLICY_VERSION.priorityRegions;
const context: AgreementQueryContext = { today: TODAY, countriesOfRegion: countriesOfRegionIn(regions) };

/** The generated history as the runner would hand it over. */
const generatedEvents = (seed: number, agreements: number): ProjectedEvent[] => {
  const log = eventLog();
  for (const step of generateHistory({ seed, agreements, to: TODAY })) {
    for (const event of step.events) log.append(step.streamName, event, { recordedAt: step.recordedAt });
  }
  return log.events;
};

const anyOf = <T>(values: readonly T[] | undefined, test: (value: T) => boolean): boolean => values === undefined || values.length === 0 || values.some(test);

const inRange = (date: string | undefined, range: { from?: string; to?: string } | undefined): boolean =>
  range === undefined || (date !== undefined && (range.from === undefined || date >= range.from) && (range.to === undefined || date <= range.to));

/** The filter's rule, one view at a time. */
const naiveMatch = (view: AgreementView, filter: AgreementFilter): boolean => {
  const countries = (codes: readonly string[]) => view.counterparts.some((counterpart) => counterpart.country !== undefined && codes.includes(counterpart.country));
  const regionCountries = filter.regions?.flatMap((region) => context.countriesOfRegion(region));
  const tokens = filter.text === undefined ? [] : searchKey(filter.text).split(' ').filter((token) => token.length > 0);
  return (
    anyOf(filter.states, (state) => view.parties.some((party) => party.stateCode === state)) &&
    anyOf(filter.municipalities, (code) => view.parties.some((party) => party.code === code)) &&
    anyOf(filter.countries, (code) => countries([code])) &&
    (filter.regions === undefined || filter.regions.length === 0 || countries(regionCountries ?? [])) &&
    anyOf(filter.kinds, (kind) => view.kind === kind) &&
    anyOf(filter.themes, (theme) => (view.themes as readonly string[]).includes(theme)) &&
    anyOf(filter.sdgs, (sdg) => (view.sdgs as readonly number[]).includes(sdg)) &&
    anyOf(filter.statuses, (status) => agreementStatus(view, TODAY) === status) &&
    inRange(view.signature?.signedOn, filter.signedBetween) &&
    (filter.inForceBetween === undefined || wasInForceDuring(view, filter.inForceBetween.from, filter.inForceBetween.to)) &&
    tokens.every((token) => view.titleKey.includes(` ${token}`))
  );
};

const some = <T>(rng: Rng, values: readonly T[], most: number): T[] => Array.from({ length: rng.int(1, most) }, () => rng.pick(values));

/** A random filter of one to three criteria drawn from what the model holds (plus a few unknown values). */
const randomFilter = (rng: Rng, views: readonly AgreementView[]): AgreementFilter => {
  const sample = () => rng.pick(views);
  const dates = views.flatMap((view) => (view.signature ? [view.signature.signedOn] : [])).sort();
  const date = () => rng.pick(dates);
  const range = () => {
    const [from, to] = [date(), date()].sort();
    return rng.chance(0.2) ? { from: from as LegalDate } : rng.chance(0.2) ? { to: to as LegalDate } : { from: from as LegalDate, to: to as LegalDate };
  };
  const criteria: (() => AgreementFilter)[] = [
    () => ({ states: [...some(rng, views, 2).map((view) => view.parties[0]?.stateCode ?? '01'), ...(rng.chance(0.1) ? ['99'] : [])] }),
    () => ({ municipalities: some(rng, views, 3).flatMap((view) => view.parties.filter((party) => party.level === 'municipality').map((party) => party.code)) }),
    () => ({ countries: [...some(rng, views, 2).flatMap((view) => view.counterparts.flatMap((counterpart) => (counterpart.country ? [counterpart.country] : []))), ...(rng.chance(0.1) ? ['ZZ'] : [])] }),
    () => ({ regions: some(rng, [...regions.map((region) => region.id), 'atlantis'], 2) }),
    () => ({ kinds: some(rng, AGREEMENT_KINDS, 2) }),
    () => ({ themes: some(rng, views, 2).flatMap((view) => view.themes) }),
    () => ({ sdgs: some(rng, [...sample().sdgs, 1, 17, 40], 2) }),
    () => ({ statuses: some(rng, AGREEMENT_STATUSES, 3) }),
    () => ({ signedBetween: range() }),
    () => ({ inForceBetween: range() }),
    () => ({ text: rng.pick(sample().titleKey.split(' ').filter((word) => word.length > 0)).slice(0, rng.int(2, 6)) }),
  ];
  return Object.assign({}, ...some(rng, criteria, 3).map((criterion) => criterion())) as AgreementFilter;
};

const SORTS: readonly AgreementSort[] = AGREEMENT_SORT_FIELDS.flatMap((field) => (['asc', 'desc'] as const).map((direction) => ({ field, direction })));

/** Pages from the front, the middle and the back, forward and backward. */
const pagesOf = (total: number): PageRequest[] => [
  { first: 7 },
  { first: 50 },
  { first: 500 },
  { last: 9 },
  { first: 5, after: encodeCursor(Math.floor(total / 2)) },
  { last: 6, before: encodeCursor(Math.floor(total / 3)) },
  { first: 4, after: encodeCursor(Math.max(0, total - 3)) },
  { first: 3, after: encodeCursor(2), before: encodeCursor(4) },
];

/** Every page of searchAgreements equals the slice of the oracle's sorted list. */
const expectLikeOracle = (model: AgreementsModel, views: readonly AgreementView[], filter: AgreementFilter, sort: AgreementSort): void => {
  const expected = sortAgreements(
    views.filter((view) => naiveMatch(view, filter)),
    sort,
  ).map((view) => view.id);
  for (const page of pagesOf(expected.length)) {
    const found = searchAgreements(model, { filter, sort, page }, context);
    let start = page.after === undefined ? 0 : Math.min(expected.length, decodeCursor(page.after, 'after') + 1);
    let end = page.before === undefined ? expected.length : Math.min(expected.length, decodeCursor(page.before, 'before'));
    if (end < start) end = start;
    if (page.first !== undefined) end = Math.min(end, start + page.first);
    if (page.last !== undefined) start = Math.max(start, end - page.last);
    expect({ filter, sort, page, total: found.totalCount, ids: found.edges.map((edge) => edge.node.id) }).toEqual({ filter, sort, page, total: expected.length, ids: expected.slice(start, end) });
  }
};

describe('searchAgreements against the rule applied view by view (generated history)', () => {
  const events = generatedEvents(17, 700);
  const model = agreementsProjection.create();
  for (const event of events) agreementsProjection.apply(model, event);
  const views = [...model.byOrdinal];
  const rng = Rng.of('agreementSearch', 1);
  const filters: AgreementFilter[] = [{}, { statuses: ['in-force'] }, { states: ['14'], statuses: ['in-force'] }, ...Array.from({ length: 60 }, () => randomFilter(rng, views))];

  it('gives the same totals and pages for many filters, every sort and pages from both ends', () => {
    expect(views.length).toBe(700);
    // The filters are not all trivially empty or full.
    const totals = filters.map((filter) => views.filter((view) => naiveMatch(view, filter)).length);
    expect(totals.filter((total) => total > 0 && total < views.length).length).toBeGreaterThan(30);
    for (const filter of filters) for (const sort of SORTS) expectLikeOracle(model, views, filter, sort);
  });

  it('reads statuses off the columns as agreementStatus gives them, leaving only the steps before signature to the view', () => {
    const columns = model.columns;
    if (columns === undefined) throw new Error('The projection keeps columns.');
    const beforeSignature = new Set(['draft', 'under-sre-review', 'opinion-issued']);
    for (const today of ['2003-02-01', '2012-07-15', '2019-12-31', TODAY] as LegalDate[]) {
      const coarse = views.map((view) => coarseStatusAt(columns, view.ordinal, today, dayNumber(today)));
      views.forEach((view, index) => {
        const exact = agreementStatus(view, today);
        const code = coarse[index] as number;
        expect([view.id, code === AGREEMENT_STATUSES.length ? beforeSignature.has(exact) : AGREEMENT_STATUSES[code] === exact]).toEqual([view.id, true]);
      });
      // Both kinds of answer occur, so both are checked.
      expect(coarse.some((code) => code === AGREEMENT_STATUSES.length)).toBe(true);
      expect(coarse.some((code) => code < AGREEMENT_STATUSES.length)).toBe(true);
    }
  });

  it('gives a restricted reader the same as the rule over the agreements it may see', () => {
    const scopes: AgreementScope[] = [
      { kind: 'published' },
      { kind: 'published-and-own', entities: [...new Set(views.slice(0, 40).flatMap((view) => view.parties.map((party) => party.code)))].slice(0, 3) },
    ];
    for (const scope of scopes) {
      const restricted = visibleAgreementsModel(model, scope);
      const seen = views.filter((view) => inScope(scope, view));
      expect(seen.length).toBeLessThan(views.length);
      for (const filter of filters.slice(0, 20)) for (const sort of SORTS.filter((_, index) => index % 3 === 0)) expectLikeOracle(restricted, seen, filter, sort);
    }
  });

  it('stays right as the model moves on: values change and agreements are added', () => {
    const live = agreementsProjection.create();
    const [early, late] = [events.slice(0, Math.floor(events.length * 0.7)), events.slice(Math.floor(events.length * 0.7))];
    for (const event of early) agreementsProjection.apply(live, event);
    // Orders and matches are built and cached at the earlier position…
    for (const sort of SORTS) searchAgreements(live, { filter: {}, sort, page: { first: 10 } }, context);
    // …then a few events at a time (patched orders), and the rest at once (sorted again).
    for (const [index, event] of late.entries()) {
      agreementsProjection.apply(live, event);
      if (index < 40 && index % 8 === 0) {
        const now = [...live.byOrdinal];
        for (const sort of SORTS) expectLikeOracle(live, now, filters[index % filters.length] ?? {}, sort);
      }
    }
    const now = [...live.byOrdinal];
    for (const filter of filters.slice(0, 10)) for (const sort of SORTS) expectLikeOracle(live, now, filter, sort);
  });
});
