import v8 from 'node:v8';
import {
  CORRECTED_FLAG,
  FACET_FLAGS,
  entriesOf,
  legalDateCode,
  legalDateOfCode,
  summarise,
  timelineEntry,
  timelineProjection,
  TIMELINE_EVENT_TYPES,
  type TimelineModel,
} from '../../projections/timeline';
import { THEME_BITS, countryNumber, instantMillis } from '../../projections/agreements';
import type { Counterpart } from '../../src/agreements/agreementTypes';
import { parseCountryCode, parseMunicipalityCode, unwrap } from '../../src/reference';
import { JALISCO, TEXAS, date, favourableOpinion, opened, registered, signed, submitted } from '../agreements/agreementFixtures';
import { agreementIdOf, eventLog, facts, plain, project } from '../support/projectedEvents';

/** Every entry of the timeline, rendered, in log order. */
const entriesIn = (model: TimelineModel) => Array.from({ length: model.positions.length }, (_, index) => timelineEntry(model, index));

const A = agreementIdOf(1);
const B = agreementIdOf(2);
const MONTERREY = unwrap(parseMunicipalityCode('19039'));
const MADRID: Counterpart = { kind: 'foreign-local-government', name: 'Madrid', country: unwrap(parseCountryCode('ES')) };

describe('timeline projection', () => {
  it('lists agreement events in log order with their dates, actor role and a summary', () => {
    const log = eventLog();
    log.agreement(A, opened({ agreementId: A }));
    log.entity(JALISCO, { type: 'CityNetworkJoined', data: { entityCode: JALISCO, networkId: 'uclg' as never, joinedOn: date('2024-01-01') } });
    log.agreement(B, [opened({ agreementId: B, kind: 'cooperation-agreement' }), { role: 'subnational' }]);
    log.agreement(
      A,
      facts.identified(TEXAS),
      submitted('2024-02-01'),
      facts.opinion('2024-03-01', 'favourable-with-observations', 'DGCP-7'),
      facts.revised('2024-03-05'),
      facts.approved('2024-03-10'),
      signed('2024-04-01'),
      facts.copyFiled('2024-04-02'),
      registered('2024-05-01', 'RAI-2024-0001'),
      facts.inForce('2024-05-10', 'provisional-application'),
      facts.inForce('2024-06-01'),
      facts.workPlan('2024-06-10', '2024-2025'),
      facts.milestone('m-1', '2024-07-01', 'technical-assistance'),
      facts.amended('2024-08-01'),
      facts.renewed('2024-09-01', '2030-01-01', 'extended'),
      facts.suspended('2024-10-01'),
      facts.resumed('2024-11-01'),
      facts.terminated('2025-01-15', 'mutual-consent'),
    );
    const model = project(timelineProjection, log.events);
    expect(model.positions).toHaveLength(log.events.length - 1);
    const entries = entriesIn(model);
    expect(entries.map((entry) => entry.summary)).toEqual([
      'Apertura del expediente (hermanamiento)',
      'Apertura del expediente (acuerdo de cooperación)',
      'Contraparte identificada: Texas',
      'Texto enviado a la SRE para dictamen',
      'Dictamen DGCP-7 de la SRE: favorable con observaciones',
      'Texto revisado',
      'Aprobación del cabildo (14039)',
      'Firma en Guadalajara, Jalisco',
      'Ejemplar firmado archivado',
      'Inscripción en el registro con el número RAI-2024-0001',
      'Inicio de la aplicación provisional',
      'Entrada en vigor',
      'Programa de trabajo 2024-2025 adoptado',
      'Hito de cooperación: asistencia técnica',
      'Modificación del acuerdo',
      'Prórroga hasta el 2030-01-01',
      'Suspensión',
      'Reanudación',
      'Terminación (mutuo consentimiento)',
    ]);
    const opening = log.events[0];
    expect(entries[0]).toEqual({
      position: opening?.position,
      eventId: opening?.id,
      agreementId: A,
      type: 'AgreementOpened',
      validAt: '2024-01-10',
      recordedAt: opening?.metadata.recordedAt,
      actorRole: 'sre-legal',
      summary: 'Apertura del expediente (hermanamiento)',
      reference: null,
      corrected: false,
    });
    expect(entries[1]).toMatchObject({ agreementId: B, actorRole: 'subnational', position: log.events[2]?.position });
    expect(entries[13]).toMatchObject({ type: 'CooperationMilestoneRecorded', validAt: '2024-07-01', reference: 'm-1' });
    expect(model.facets.entryCount).toEqual([18, 1]);
    expect(entriesOf(model, 1)).toEqual([1]);
    expect(entriesOf(model, 0)).toEqual([0, ...Array.from({ length: 17 }, (_, index) => index + 2)]);
    expect(model.agreements.get(0)).toMatchObject({ id: A, kind: 'twinning', states: ['14'], municipalities: ['14039'], countries: ['JP', 'US'], themes: ['culture', 'tourism'] });
    expect(model.lastPosition).toBe(log.events[log.events.length - 1]?.position);
  });

  it('shows corrected data on the corrected entry, adds the correction, and refreshes facets', () => {
    const log = eventLog();
    const [opening, , opinion] = log.agreement(A, opened({ agreementId: A }), submitted('2024-02-01'), favourableOpinion('2024-03-01', 'D-1'));
    log.agreement(A, facts.corrected(opinion!, facts.opinion('2024-03-02', 'unfavourable', 'D-1')));
    log.agreement(
      A,
      facts.corrected(opening!, opened({ agreementId: A, kind: 'letter-of-intent', parties: [{ level: 'municipality', code: MONTERREY, agency: 'Monterrey' }], counterparts: [MADRID], themes: ['climate'] })),
    );
    const model = project(timelineProjection, log.events);
    expect(timelineEntry(model, 2)).toMatchObject({ type: 'SreOpinionIssued', validAt: '2024-03-02', summary: 'Dictamen D-1 de la SRE: desfavorable', corrected: true, eventId: opinion?.id });
    expect(timelineEntry(model, 3)).toMatchObject({ type: 'FactCorrected', validAt: null, summary: 'Corrección del dictamen', reference: opinion?.id, corrected: false });
    expect(timelineEntry(model, 0)).toMatchObject({ summary: 'Apertura del expediente (carta de intención)', corrected: true });
    expect(model.agreements.get(0)).toMatchObject({ kind: 'letter-of-intent', states: ['19'], municipalities: ['19039'], countries: ['ES'], themes: ['climate'] });
    expect((model.types.get(2) ?? 0) & CORRECTED_FLAG).toBe(CORRECTED_FLAG);
    expect(model.facets).toEqual({
      kind: [3],
      stateBits: [1 << 18],
      themeBits: [THEME_BITS.get('climate')],
      country: [countryNumber('ES')],
      municipality: [19039],
      flags: [0],
      lastEntry: [4],
      entryCount: [5],
    });
  });

  it('refreshes countries when an identified counterpart is corrected', () => {
    const log = eventLog();
    const [, identified] = log.agreement(A, opened({ agreementId: A }), facts.identified(TEXAS));
    log.agreement(A, facts.corrected(identified!, facts.identified(MADRID)));
    const model = project(timelineProjection, log.events);
    expect(model.agreements.get(0)?.countries).toEqual(['JP', 'ES']);
    expect(model.facets.country[0]).toBe(countryNumber('JP'));
    expect((model.facets.flags[0] ?? 0) & FACET_FLAGS.otherCountries).toBe(FACET_FLAGS.otherCountries);
    expect(timelineEntry(model, 1).summary).toBe('Contraparte identificada: Madrid');
  });

  it('ignores events of unknown agreements and repeated openings', () => {
    const log = eventLog();
    log.agreement(A, opened({ agreementId: A }));
    log.agreement(B, signed('2024-04-01'));
    log.agreement(A, opened({ agreementId: A }));
    const model = project(timelineProjection, log.events);
    expect(model.positions).toHaveLength(1);
    expect(model.agreements.length).toBe(1);
  });

  it('comes back equal through its snapshot codec (typed arrays, packed ids, interned references) and keeps folding', () => {
    const log = eventLog();
    log.agreement(A, opened({ agreementId: A }), facts.identified(TEXAS), submitted('2024-02-01'));
    log.agreement(B, opened({ agreementId: B }), facts.milestone('m-1', '2024-07-01', 'visit'), facts.renewed('2024-09-01', '2030-01-01', 'extended'));
    const model = project(timelineProjection, log.events);
    const codec = timelineProjection.snapshot!;
    const restored = codec.decode(v8.deserialize(v8.serialize(codec.encode(model)))) as typeof model;
    expect(plain(restored)).toEqual(plain(model));
    const more = log.agreement(A, signed('2024-04-01'), facts.milestone('m-2', '2024-08-01', 'visit'));
    for (const event of more) {
      timelineProjection.apply(model, event);
      timelineProjection.apply(restored, event);
    }
    expect(plain(restored)).toEqual(plain(model));
    expect(entriesIn(restored)).toEqual(entriesIn(model));
  });

  it('encodes dates and instants compactly and back', () => {
    expect(legalDateCode('2024-03-09')).toBe(20240309);
    expect(legalDateCode(null)).toBe(0);
    expect(legalDateOfCode(20240309)).toBe('2024-03-09');
    expect(legalDateOfCode(0)).toBeNull();
    expect(instantMillis('2024-03-09T17:05:09.123Z')).toBe(Date.parse('2024-03-09T17:05:09.123Z'));
    expect(instantMillis('2024-03-09T12:05:09-05:00')).toBe(Date.parse('2024-03-09T17:05:09Z'));
  });

  it('has a summary for every event type', () => {
    for (const type of TIMELINE_EVENT_TYPES) expect(summarise(type, 0, 'x')).not.toMatch(/undefined|\?/);
  });
});
