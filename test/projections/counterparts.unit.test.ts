import v8 from 'node:v8';
import { counterpartsProjection } from '../../projections/counterparts';
import { counterpartKey, type Counterpart } from '../../src/agreements/agreementTypes';
import { parseCountryCode, parseMunicipalityCode, unwrap } from '../../src/reference';
import { KYOTO_CITY, TEXAS, opened } from '../agreements/agreementFixtures';
import { agreementIdOf, eventLog, facts, plain, project } from '../support/projectedEvents';

const A = agreementIdOf(1);
const B = agreementIdOf(2);
const MONTERREY = unwrap(parseMunicipalityCode('19039'));
const KYOTO_UPPER: Counterpart = { ...KYOTO_CITY, name: 'KYOTO' };
const OSAKA: Counterpart = { kind: 'foreign-local-government', name: 'Osaka', country: unwrap(parseCountryCode('JP')) };
const OECD: Counterpart = { kind: 'international-organisation', name: 'OCDE', organisationId: 'oecd' };
const KYOTO_KEY = 'foreign-local-government|JP|kyoto';
const TEXAS_KEY = 'foreign-subnational-government|US-TX|texas';

describe('counterparts projection', () => {
  const log = eventLog();
  log.agreement(A, opened({ agreementId: A, counterparts: [KYOTO_CITY, OECD] }), facts.identified(TEXAS));
  log.agreement(B, opened({ agreementId: B, counterparts: [KYOTO_UPPER], parties: [{ level: 'municipality', code: MONTERREY, agency: 'Monterrey' }] }));
  const model = project(counterpartsProjection, log.events);

  it('groups agreements by counterpart key, ignoring the case of the name, with their Mexican parties', () => {
    const kyoto = model.counterparts.get(KYOTO_KEY);
    expect(kyoto).toMatchObject({ key: KYOTO_KEY, kind: 'foreign-local-government', name: 'Kyoto', nameKey: ' kyoto', country: 'JP', subdivision: 'JP-26' });
    expect([...(kyoto?.agreements ?? [])]).toEqual([
      [A, ['14039']],
      [B, ['19039']],
    ]);
    expect(model.counterparts.get(TEXAS_KEY)).toMatchObject({ subdivision: 'US-TX', country: 'US' });
    expect(model.counterparts.get('international-organisation||#oecd')).toMatchObject({ country: undefined, counterpart: OECD });
  });

  it('groups agreements and counterparts by country; organisations have none', () => {
    expect([...model.countries.keys()].sort()).toEqual(['JP', 'US']);
    expect([...(model.countries.get('JP')?.agreementIds ?? [])]).toEqual([A, B]);
    expect([...(model.countries.get('JP')?.counterpartKeys ?? [])]).toEqual([KYOTO_KEY]);
    expect([...(model.countries.get('US')?.agreementIds ?? [])]).toEqual([A]);
  });

  it('moves an agreement when a correction changes its opening or an identified counterpart', () => {
    const corrected = eventLog();
    const [opening, identified] = corrected.agreement(A, opened({ agreementId: A, counterparts: [KYOTO_CITY] }), facts.identified(TEXAS));
    corrected.agreement(A, facts.corrected(opening!, opened({ agreementId: A, counterparts: [OSAKA], parties: [{ level: 'municipality', code: MONTERREY, agency: 'Monterrey' }] })));
    corrected.agreement(A, facts.corrected(identified!, facts.identified(OECD)));
    const after = project(counterpartsProjection, corrected.events);
    expect(after.counterparts.has(KYOTO_KEY)).toBe(false);
    expect(after.counterparts.has(TEXAS_KEY)).toBe(false);
    expect([...(after.counterparts.get('foreign-local-government|JP|osaka')?.agreements ?? [])]).toEqual([[A, ['19039']]]);
    expect(after.counterparts.get('international-organisation||#oecd')?.agreements.get(A)).toEqual(['19039']);
    expect([...after.countries.keys()]).toEqual(['JP']);
    expect([...(after.countries.get('JP')?.counterpartKeys ?? [])]).toEqual(['foreign-local-government|JP|osaka']);
  });

  it('keeps a counterpart other agreements still name when a correction removes it from one', () => {
    const corrected = eventLog();
    const [opening] = corrected.agreement(A, opened({ agreementId: A }));
    corrected.agreement(B, opened({ agreementId: B }));
    corrected.agreement(A, facts.corrected(opening!, opened({ agreementId: A, counterparts: [OSAKA] })));
    const after = project(counterpartsProjection, corrected.events);
    expect([...(after.counterparts.get(KYOTO_KEY)?.agreements.keys() ?? [])]).toEqual([B]);
    expect([...(after.countries.get('JP')?.agreementIds ?? [])].sort()).toEqual([A, B]);
    expect([...(after.countries.get('JP')?.counterpartKeys ?? [])].sort()).toEqual([KYOTO_KEY, 'foreign-local-government|JP|osaka']);
  });

  it('ignores corrections of other facts and survives its snapshot codec', () => {
    const other = eventLog();
    const [, signature] = other.agreement(A, opened({ agreementId: A }), facts.copyFiled('2024-05-01'));
    const before = project(counterpartsProjection, other.events);
    other.agreement(A, facts.corrected(signature!, facts.copyFiled('2024-05-02')));
    const after = project(counterpartsProjection, other.events);
    expect(plain(after)).toEqual(plain(before));
    const codec = counterpartsProjection.snapshot!;
    const roundTrip = (of: typeof model) => codec.decode(v8.deserialize(v8.serialize(codec.encode(of))));
    expect(plain(roundTrip(model))).toEqual(plain(model));
  });

  it('corrects an agreement restored from a snapshot, whose links it held as bytes, as it would have live', () => {
    const corrected = eventLog();
    const [opening] = corrected.agreement(A, opened({ agreementId: A, counterparts: [KYOTO_CITY] }));
    corrected.agreement(B, opened({ agreementId: B, counterparts: [KYOTO_CITY] }));
    const codec = counterpartsProjection.snapshot!;
    const restored = codec.decode(v8.deserialize(v8.serialize(codec.encode(project(counterpartsProjection, corrected.events)))));
    const [correction] = corrected.agreement(A, facts.corrected(opening!, opened({ agreementId: A, counterparts: [OSAKA] })));
    counterpartsProjection.apply(restored, correction!);
    const live = project(counterpartsProjection, corrected.events);
    expect(plain(restored)).toEqual(plain(live));
    // And keeps the correction in its next snapshot (a change to a decoded copy would be lost there).
    expect(plain(codec.decode(v8.deserialize(v8.serialize(codec.encode(restored)))))).toEqual(plain(live));
    expect([...(restored.counterparts.get(KYOTO_KEY)?.agreements.keys() ?? [])]).toEqual([B]);
  });
});

describe('a catalogued organisation recorded under several names', () => {
  it('is one counterpart, keyed by its catalogue id, whether the id, a name or an acronym was given', () => {
    const log = eventLog();
    const names = [
      { kind: 'international-organisation', name: 'UN-Habitat', organisationId: 'un-habitat' },
      { kind: 'international-organisation', name: 'Programa de las Naciones Unidas para los Asentamientos Humanos' },
      { kind: 'international-organisation', name: 'onu-hábitat' },
    ] as const satisfies readonly Counterpart[];
    names.forEach((counterpart, index) => {
      const agreementId = agreementIdOf(10 + index);
      log.agreement(agreementId, opened({ agreementId, kind: 'cooperation-agreement', counterparts: [counterpart] }));
    });
    const model = project(counterpartsProjection, log.events);

    const keys = [...model.counterparts.keys()].filter((key) => key.startsWith('international-organisation'));
    expect(keys).toEqual(['international-organisation||#un-habitat']);
    expect(model.counterparts.get('international-organisation||#un-habitat')?.agreements.size).toBe(3);
    // An organisation outside the catalogue is known by its name.
    expect(counterpartKey({ kind: 'international-organisation', name: ' Red Andina ' })).toBe('international-organisation||red andina');
  });
});
