import { agreementsProjection, agreementStatus, agreementViewsOf, AGREEMENT_STATUSES } from '../../projections/agreements';
import { SEED_POLICY_VERSION } from '../../src/policy/seedPolicy';
import {
  AGREEMENT_SORT_FIELDS,
  filterAgreements,
  sortByModelOrder,
  sortOrdinals,
  warmAgreementQueries,
  getAgreement,
  searchAgreements,
  sortAgreements,
  type AgreementFilter,
  type AgreementQueryContext,
  type AgreementSort,
} from '../../src/queries/agreementQueries';
import { countriesOfRegionIn } from '../../src/queries/counting';
import { encodeCursor, type PageRequest } from '../../src/queries/pagination';
import { InvalidInputError } from '../../src/shared/errors';
import type { LegalDate } from '../../src/shared/time';
import type { ProjectedEvent } from '../../src/projectionRunner/registryEvent';
import type { AgreementView, AgreementsModel } from '../../projections/agreements';
import type { AgreementId, Counterpart } from '../../src/agreements/agreementTypes';
import { TEXAS, opened, signed } from '../agreements/agreementFixtures';
import { SAMPLE, SAMPLE_TODAY, agreementIdOf, eventLog, facts, project, sampleRegistry } from '../support/projectedEvents';

const UNESCO: Counterpart = { kind: 'international-organisation', name: 'UNESCO', organisationId: 'unesco' };

const context: AgreementQueryContext = { today: SAMPLE_TODAY, countriesOfRegion: countriesOfRegionIn(SEED_POLICY_VERSION.priorityRegions) };
const log = sampleRegistry();
const model = project(agreementsProjection, log.events);
const d = (iso: string) => iso as LegalDate;
const nameOf = new Map(Object.entries(SAMPLE).map(([name, id]) => [id as string, name]));

const names = (filter: AgreementFilter): string[] =>
  filterAgreements(model, filter, context)
    .map((view) => nameOf.get(view.id) ?? view.id)
    .sort();

const sorted = (sort: AgreementSort, filter: AgreementFilter = {}): string[] =>
  sortAgreements(filterAgreements(model, filter, context), sort).map((view) => nameOf.get(view.id) ?? view.id);

describe('the sample registry', () => {
  it('has one agreement in every status', () => {
    const statuses = [...model.agreements.values()].map((view) => agreementStatus(view, SAMPLE_TODAY));
    expect(new Set(statuses)).toEqual(new Set(AGREEMENT_STATUSES));
  });
});

describe('filterAgreements', () => {
  it('without criteria returns everything', () => expect(names({})).toHaveLength(11));

  it('by state, counting municipalities for their state', () => {
    expect(names({ states: ['14'] })).toEqual(['guadalajaraKyoto', 'guadalajaraUnesco', 'jaliscoTexas', 'zapopanQuebec']);
    expect(names({ states: ['19', '08'] })).toEqual(['chihuahuaNewMexico', 'monterreyMadrid', 'nuevoLeonChile']);
    expect(names({ states: ['32'] })).toEqual([]);
  });

  it('by municipality', () => expect(names({ municipalities: ['14039'] })).toEqual(['guadalajaraKyoto', 'guadalajaraUnesco']));

  it('by counterpart country', () => {
    expect(names({ countries: ['US'] })).toEqual(['chihuahuaNewMexico', 'jaliscoTexas', 'tijuanaSanDiego']);
    expect(names({ countries: ['JP', 'ES'] })).toEqual(['guadalajaraKyoto', 'monterreyMadrid']);
  });

  it('by region, through the countries the policy gives it', () => {
    expect(names({ regions: ['north-america'] })).toEqual(['chihuahuaNewMexico', 'jaliscoTexas', 'tijuanaSanDiego', 'zapopanQuebec']);
    expect(names({ regions: ['eu'] })).toEqual(['monterreyMadrid', 'pueblaLyon']);
    expect(names({ regions: ['alianza-del-pacifico'] })).toEqual(['meridaBogota', 'nuevoLeonChile', 'oaxacaCusco']);
    expect(names({ regions: ['atlantis'] })).toEqual([]);
    const custom = { ...context, countriesOfRegion: (region: string) => (region === 'asia' ? ['JP'] : []) };
    expect(filterAgreements(model, { regions: ['asia'] }, custom).map((view) => view.id)).toEqual([SAMPLE.guadalajaraKyoto]);
  });

  it('by kind', () => {
    expect(names({ kinds: ['twinning'] })).toEqual(['guadalajaraKyoto', 'oaxacaCusco', 'pueblaLyon']);
    expect(names({ kinds: ['declaratory-twinning', 'letter-of-intent'] })).toEqual(['meridaBogota', 'nuevoLeonChile']);
  });

  it('by status on today', () => {
    expect(names({ statuses: ['in-force'] })).toEqual(['chihuahuaNewMexico', 'guadalajaraKyoto']);
    expect(names({ statuses: ['suspended', 'expired'] })).toEqual(['jaliscoTexas', 'nuevoLeonChile']);
    expect(filterAgreements(model, { statuses: ['in-force'] }, { ...context, today: d('2024-12-31') }).map((view) => nameOf.get(view.id)).sort()).toEqual([
      'chihuahuaNewMexico',
      'guadalajaraKyoto',
      'jaliscoTexas',
    ]);
  });

  it('by theme and by SDG', () => {
    expect(names({ themes: ['culture'] })).toEqual(['guadalajaraKyoto', 'guadalajaraUnesco', 'meridaBogota', 'oaxacaCusco']);
    expect(names({ sdgs: [13] })).toEqual(['monterreyMadrid']);
    expect(names({ sdgs: [4, 8] })).toEqual(['guadalajaraUnesco', 'jaliscoTexas', 'nuevoLeonChile']);
  });

  it('by signature date range, both ends inclusive', () => {
    expect(names({ signedBetween: { from: d('2019-06-01'), to: d('2021-05-01') } })).toEqual(['guadalajaraKyoto', 'jaliscoTexas', 'zapopanQuebec']);
    expect(names({ signedBetween: { from: d('2024-01-01') } })).toEqual(['chihuahuaNewMexico', 'oaxacaCusco', 'tijuanaSanDiego']);
    expect(names({ signedBetween: { to: d('2018-12-31') } })).toEqual(['nuevoLeonChile']);
  });

  it('by in-force range: in force on at least one day of it', () => {
    expect(names({ inForceBetween: { from: d('2021-01-01'), to: d('2021-03-01') } })).toEqual(['guadalajaraKyoto', 'zapopanQuebec']);
    expect(names({ inForceBetween: { from: d('2020-12-31'), to: d('2020-12-31') } })).toEqual(['guadalajaraKyoto', 'nuevoLeonChile', 'zapopanQuebec']);
    // Guadalajara–Kioto was suspended for all of February 2022.
    expect(names({ inForceBetween: { from: d('2022-02-01'), to: d('2022-02-28') } })).toEqual(['jaliscoTexas', 'zapopanQuebec']);
    expect(names({ inForceBetween: { from: d('2025-02-01') } })).toEqual(['chihuahuaNewMexico', 'guadalajaraKyoto']);
  });

  it('by words of the title, ignoring case and accents; every word must start a title word', () => {
    expect(names({ text: 'hermanamiento KIOTO' })).toEqual(['guadalajaraKyoto']);
    expect(names({ text: 'guadalajara' })).toEqual(['guadalajaraKyoto', 'guadalajaraUnesco']);
    expect(names({ text: 'bogota merida' })).toEqual(['meridaBogota']);
    expect(names({ text: 'Quebec' })).toEqual(['zapopanQuebec']);
    expect(names({ text: 'kio' })).toEqual(['guadalajaraKyoto']);
    expect(names({ text: 'jara' })).toEqual([]);
    expect(names({ text: 'hermanamiento lyon kioto' })).toEqual([]);
    expect(names({ text: '  ' })).toHaveLength(11);
  });

  it('combines criteria with AND and ignores empty lists', () => {
    expect(names({ states: ['14'], statuses: ['in-force', 'terminated'], themes: [] })).toEqual(['guadalajaraKyoto', 'zapopanQuebec']);
    expect(names({ states: ['14'], countries: ['US'], kinds: ['cooperation-agreement'] })).toEqual(['jaliscoTexas']);
    expect(names({ regions: ['north-america'], text: 'acuerdo', signedBetween: { from: d('2024-01-01') } })).toEqual(['chihuahuaNewMexico', 'tijuanaSanDiego']);
    expect(names({ states: ['14'], municipalities: ['19039'] })).toEqual([]);
  });
});

describe('filters read from columns', () => {
  it('find an agreement by any of its countries, not only the first', () => {
    const multi = eventLog();
    multi.agreement(agreementIdOf(1), opened({ agreementId: agreementIdOf(1) }), facts.identified(TEXAS));
    multi.agreement(agreementIdOf(2), opened({ agreementId: agreementIdOf(2), counterparts: [UNESCO] }));
    const small = project(agreementsProjection, multi.events);
    const ids = (filter: AgreementFilter) => filterAgreements(small, filter, context).map((view) => view.id);
    expect(ids({ countries: ['US'] })).toEqual([agreementIdOf(1)]);
    expect(ids({ regions: ['north-america'] })).toEqual([agreementIdOf(1)]);
    expect(ids({ countries: ['JP', 'US'] })).toEqual([agreementIdOf(1)]);
    // A code that is no country matches nothing, not the agreements without a country.
    expect(ids({ countries: ['zz'] })).toEqual([]);
    expect(ids({ sdgs: [40] })).toEqual([]);
    expect(ids({ states: ['99'] })).toEqual([]);
  });

  it('work on a derived model without columns, with its own numbering (a reader’s restricted model)', () => {
    const visible = [...model.byOrdinal].filter((view) => view.registration !== undefined || view.kind === 'twinning');
    const renumbered = visible.map((view, ordinal) => Object.create(view, { ordinal: { value: ordinal, enumerable: true } }) as AgreementView);
    const index = (key: (view: AgreementView) => readonly (string | number)[]) => {
      const built = new Map<string | number, Set<AgreementId>>();
      for (const view of renumbered) for (const value of key(view)) built.set(value, (built.get(value) ?? new Set()).add(view.id));
      return built as Map<never, Set<AgreementId>>;
    };
    const restricted: AgreementsModel = {
      agreements: new Map(renumbered.map((view) => [view.id, view])),
      ordinals: new Map(renumbered.map((view) => [view.id, view.ordinal])),
      byOrdinal: agreementViewsOf(renumbered),
      byState: index((view) => view.parties.map((party) => party.stateCode)),
      byMunicipality: index((view) => view.parties.filter((party) => party.level === 'municipality').map((party) => party.code)),
      byCountry: index((view) => view.counterparts.flatMap((counterpart) => (counterpart.country === undefined ? [] : [counterpart.country]))),
      byKind: index((view) => [view.kind]),
      byTheme: index((view) => view.themes),
      bySdg: index((view) => view.sdgs),
      lastPosition: model.lastPosition,
    };
    const visibleIds = new Set(visible.map((view) => view.id));
    for (const filter of [{}, { states: ['14'] }, { text: 'hermanamiento' }, { statuses: ['in-force' as const, 'registered' as const] }, { regions: ['north-america'] }]) {
      for (const sort of [{ field: 'title' as const, direction: 'asc' as const }, { field: 'signedOn' as const, direction: 'desc' as const }]) {
        const expected = searchAgreements(model, { filter, sort, page: { first: 100 } }, context).edges.map((edge) => edge.node.id).filter((id) => visibleIds.has(id));
        expect(searchAgreements(restricted, { filter, sort, page: { first: 100 } }, context).edges.map((edge) => edge.node.id)).toEqual(expected);
      }
    }
  });
});

describe('sortAgreements', () => {
  it('by title, ignoring case and accents', () => {
    expect(sorted({ field: 'title', direction: 'asc' }, { states: ['14', '19'] })).toEqual([
      'jaliscoTexas',
      'guadalajaraUnesco',
      'zapopanQuebec',
      'nuevoLeonChile',
      'guadalajaraKyoto',
      'monterreyMadrid',
    ]);
    expect(sorted({ field: 'title', direction: 'desc' }, { states: ['14', '19'] })[0]).toBe('monterreyMadrid');
  });

  it('by signature date, unsigned agreements last in both directions', () => {
    const asc = sorted({ field: 'signedOn', direction: 'asc' });
    expect(asc.slice(0, 3)).toEqual(['nuevoLeonChile', 'zapopanQuebec', 'guadalajaraKyoto']);
    expect(asc.slice(7).sort()).toEqual(['guadalajaraUnesco', 'meridaBogota', 'monterreyMadrid', 'pueblaLyon']);
    const desc = sorted({ field: 'signedOn', direction: 'desc' });
    expect(desc.slice(0, 3)).toEqual(['oaxacaCusco', 'chihuahuaNewMexico', 'tijuanaSanDiego']);
    expect(desc.slice(7)).toEqual(asc.slice(7).reverse());
  });

  it('by registration, opening and recording dates', () => {
    expect(sorted({ field: 'registeredOn', direction: 'asc' }).slice(0, 2)).toEqual(['guadalajaraKyoto', 'tijuanaSanDiego']);
    expect(sorted({ field: 'openedOn', direction: 'desc' }).slice(0, 2)).toEqual(['pueblaLyon', 'oaxacaCusco']);
    // Recorded in the order the sample appends them: the last agreement recorded last.
    expect(sorted({ field: 'lastRecordedAt', direction: 'desc' })[0]).toBe('chihuahuaNewMexico');
    expect(sorted({ field: 'lastRecordedAt', direction: 'asc' })[0]).toBe('guadalajaraKyoto');
  });

  it('breaks ties by id, so equal dates keep one order', () => {
    // Tijuana–San Diego and Chihuahua–Nuevo México were both opened on 2023-06-01.
    const asc = sorted({ field: 'openedOn', direction: 'asc' }, { states: ['02', '08'] });
    expect(asc).toEqual(['tijuanaSanDiego', 'chihuahuaNewMexico']);
    expect(sorted({ field: 'openedOn', direction: 'desc' }, { states: ['02', '08'] })).toEqual(['chihuahuaNewMexico', 'tijuanaSanDiego']);
  });
});

describe('sortByModelOrder (large results)', () => {
  const sorts = AGREEMENT_SORT_FIELDS.flatMap((field) => (['asc', 'desc'] as const).map((direction) => ({ field, direction })));

  it('orders like sortAgreements, for every field and direction', () => {
    for (const sort of sorts) {
      const views = filterAgreements(model, { states: ['14', '19', '31'] }, context);
      expect(sortByModelOrder(model, views, sort).map((view) => view.id)).toEqual(sortAgreements(views, sort).map((view) => view.id));
      // The small-result path (a plain sort of the ordinals) agrees too.
      expect(sortOrdinals(model, views.map((view) => view.ordinal), sort)).toEqual(sortAgreements(views, sort).map((view) => view.ordinal));
    }
  });

  it('stays right as events change values and add agreements', () => {
    const live = project(agreementsProjection, log.events);
    warmAgreementQueries(live);
    const more = sampleRegistry();
    const position = { next: live.lastPosition };
    const feed = (events: readonly ProjectedEvent[]) => {
      for (const event of events) {
        position.next += 1n;
        agreementsProjection.apply(live, { ...event, position: position.next });
      }
    };
    // One value changes (a signature, a recording time): the model-wide order is patched.
    feed(more.agreement(SAMPLE.pueblaLyon, signed('2016-01-01')));
    for (const sort of sorts) {
      const all = [...live.agreements.values()];
      expect(sortByModelOrder(live, all, sort).map((view) => view.id)).toEqual(sortAgreements(all, sort).map((view) => view.id));
    }
    // Many new agreements: sorted again from scratch.
    feed(more.agreement(agreementIdOf(900), opened({ agreementId: agreementIdOf(900), title: 'Aaa primero' })));
    for (let n = 901; n < 920; n += 1) feed(more.agreement(agreementIdOf(n), opened({ agreementId: agreementIdOf(n), title: `Acuerdo ${n}` })));
    for (const sort of sorts) {
      const all = [...live.agreements.values()];
      expect(sortByModelOrder(live, all, sort).map((view) => view.id)).toEqual(sortAgreements(all, sort).map((view) => view.id));
    }
  });
});

describe('searchAgreements', () => {
  const search = (page: PageRequest, filter: AgreementFilter = {}) =>
    searchAgreements(model, { filter, sort: { field: 'openedOn', direction: 'asc' }, page }, context);
  const all = sorted({ field: 'openedOn', direction: 'asc' });
  const pageNames = (page: ReturnType<typeof search>) => page.edges.map((edge) => nameOf.get(edge.node.id));

  it('pages forward with first/after', () => {
    const first = search({ first: 4 });
    expect(pageNames(first)).toEqual(all.slice(0, 4));
    expect(first.totalCount).toBe(11);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = search({ first: 4, after: first.pageInfo.endCursor ?? '' });
    expect(pageNames(second)).toEqual(all.slice(4, 8));
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const third = search({ first: 4, after: second.pageInfo.endCursor ?? '' });
    expect(pageNames(third)).toEqual(all.slice(8));
    expect(third.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('pages backward with last/before', () => {
    const last = search({ last: 3 });
    expect(pageNames(last)).toEqual(all.slice(8));
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = search({ last: 3, before: last.pageInfo.startCursor ?? '' });
    expect(pageNames(before)).toEqual(all.slice(5, 8));
    expect(search({ last: 10, before: encodeCursor(2) }).edges).toHaveLength(2);
    expect(search({ last: 10, before: encodeCursor(2) }).pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('gives each edge its own cursor and handles the edges of the list', () => {
    const page = search({ first: 2, after: encodeCursor(0) });
    expect(page.edges.map((edge) => edge.cursor)).toEqual([encodeCursor(1), encodeCursor(2)]);
    expect(search({ first: 5, after: encodeCursor(10) }).edges).toEqual([]);
    expect(search({ first: 5, after: encodeCursor(10) }).pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
    expect(search({ first: 0 }).edges).toEqual([]);
    expect(search({}).edges).toHaveLength(11);
    expect(search({ first: 5 }, { states: ['32'] })).toEqual({ edges: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
  });

  it('refuses malformed cursors and page sizes', () => {
    expect(() => search({ first: 2, after: 'bm9wZQ' })).toThrow(InvalidInputError);
    expect(() => search({ first: -1 })).toThrow(/first: must be a whole number from 0 to 500/);
    expect(() => search({ last: 501 })).toThrow(InvalidInputError);
    expect(() => search({ first: 1.5 })).toThrow(InvalidInputError);
  });

  it('sees new events: cached results last only until the model moves', () => {
    const live = project(agreementsProjection, log.events);
    const query = { filter: { statuses: ['terminated' as const] }, sort: { field: 'title' as const, direction: 'asc' as const } };
    expect(searchAgreements(live, query, context).totalCount).toBe(1);
    const more = sampleRegistry();
    const [termination] = more.agreement(SAMPLE.jaliscoTexas, facts.terminated('2025-05-01'));
    agreementsProjection.apply(live, { ...termination!, position: live.lastPosition + 1n, revision: 3n });
    expect(searchAgreements(live, query, context).totalCount).toBe(2);
  });

  it('getAgreement finds one by id', () => {
    expect(getAgreement(model, SAMPLE.meridaBogota)?.title).toBe('Hermanamiento declarativo Mérida–Bogotá');
    expect(getAgreement(model, 'nope')).toBeUndefined();
  });
});
