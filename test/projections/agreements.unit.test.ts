import v8 from 'node:v8';
import {
  factsOf,
  COLUMN_FLAGS,
  NO_DAY,
  THEME_BITS,
  addMonthsToLegalDate,
  agreementStatus,
  agreementStatusAt,
  agreementsProjection,
  milestonesOf,
  columnsOfViews,
  countryNumber,
  dateOfDay,
  dayNumber,
  forceModeOn,
  isInForceOn,
  searchKey,
  searchKeySlow,
  wasInForceDuring,
  wasInForceDuringAt,
  type AgreementView,
} from '../../projections/agreements';
import type { Counterpart, Validity } from '../../src/agreements/agreementTypes';
import { parseCountryCode, parseMunicipalityCode, unwrap } from '../../src/reference';
import type { SnapshotCodec } from '../../src/projectionRunner/projection';
import { addToLegalDate } from '../../src/shared/time';
import {
  GUADALAJARA,
  KYOTO_CITY,
  TEXAS,
  date,
  favourableOpinion,
  opened,
  registered,
  signed,
  signedData,
  submitted,
} from '../agreements/agreementFixtures';
import { agreementIdOf, eventLog, facts, plain, project } from '../support/projectedEvents';

const A = agreementIdOf(1);
const B = agreementIdOf(2);
const MONTERREY = unwrap(parseMunicipalityCode('19039'));
const MADRID: Counterpart = { kind: 'foreign-local-government', name: 'Madrid', country: unwrap(parseCountryCode('ES')) };
const UNESCO: Counterpart = { kind: 'international-organisation', name: 'UNESCO', organisationId: 'unesco' };

const viewOf = (events: ReturnType<typeof eventLog>['events'], id = A): AgreementView => {
  const view = project(agreementsProjection, events).agreements.get(id);
  if (!view) throw new Error(`no view for ${id}`);
  return view;
};

const idsOf = (set: ReadonlySet<string> | undefined): string[] => [...(set ?? [])].sort();

describe('agreements projection', () => {
  describe('given an opening', () => {
    it('then the view holds the opened data, with state codes and counterpart countries, and is indexed', () => {
      const log = eventLog();
      const [opening] = log.agreement(A, opened({ agreementId: A, counterparts: [KYOTO_CITY, UNESCO] }));
      const model = project(agreementsProjection, log.events);
      const view = model.agreements.get(A);
      expect(view).toMatchObject({
        id: A,
        streamName: `agreement-${A}`,
        revision: 0n,
        kind: 'twinning',
        title: 'Hermanamiento Guadalajara–Kioto',
        titleKey: ' hermanamiento guadalajara kioto',
        objectives: ['Intercambio cultural'],
        parties: [{ level: 'municipality', code: '14039', agency: 'Ayuntamiento de Guadalajara', stateCode: '14' }],
        counterparts: [
          { counterpart: KYOTO_CITY, country: 'JP', eventId: opening?.id },
          { counterpart: UNESCO, country: undefined, eventId: opening?.id },
        ],
        themes: ['culture', 'tourism'],
        sdgs: [11],
        languages: ['es', 'ja'],
        validity: { automaticRenewal: true },
        automaticRenewal: true,
        openedOn: '2024-01-10',
        openingEventId: opening?.id,
        milestoneCount: 0,
        lastEventPosition: opening?.position,
        createdRecordedAt: opening?.metadata.recordedAt,
        lastRecordedAt: opening?.metadata.recordedAt,
      });
      expect(idsOf(model.byState.get('14'))).toEqual([A]);
      expect(idsOf(model.byMunicipality.get('14039'))).toEqual([A]);
      expect(idsOf(model.byCountry.get('JP'))).toEqual([A]);
      expect(idsOf(model.byKind.get('twinning'))).toEqual([A]);
      expect(idsOf(model.byTheme.get('tourism'))).toEqual([A]);
      expect(idsOf(model.bySdg.get(11))).toEqual([A]);
      expect(model.lastPosition).toBe(opening?.position);
    });

    it('then a state party is indexed by state only', () => {
      const log = eventLog();
      log.agreement(A, opened({ agreementId: A, parties: [{ level: 'state', code: date('14') as never, agency: 'Gobierno de Jalisco' }] }));
      const model = project(agreementsProjection, log.events);
      expect(idsOf(model.byState.get('14'))).toEqual([A]);
      expect(model.byMunicipality.size).toBe(0);
      expect(model.agreements.get(A)?.parties[0]?.stateCode).toBe('14');
    });
  });

  describe('given a whole lifecycle', () => {
    const log = eventLog();
    const events = log.agreement(
      A,
      opened({ agreementId: A }),
      facts.identified(TEXAS),
      submitted('2024-02-01'),
      facts.opinion('2024-02-20', 'favourable-with-observations', 'DGCP-1', 'Ajustar la cláusula 4'),
      facts.revised('2024-02-25'),
      submitted('2024-02-28'),
      favourableOpinion('2024-03-01', 'DGCP-2'),
      facts.approved('2024-03-10'),
      signed('2024-04-01'),
      facts.copyFiled('2024-04-03'),
      registered('2024-05-01', 'RAI-2024-0001'),
      facts.inForce('2024-04-15', 'provisional-application'),
      facts.inForce('2024-06-01'),
      facts.workPlan('2024-06-10'),
      facts.milestone('m-2', '2024-09-01', 'training'),
      facts.milestone('m-1', '2024-07-01'),
      facts.amended('2024-10-01'),
      facts.renewed('2024-11-01', '2030-12-31'),
      facts.suspended('2024-12-01'),
      facts.resumed('2025-01-10'),
      facts.terminated('2025-03-01', 'mutual-consent'),
    );
    const view = viewOf(log.events);
    const idOf = (index: number) => events[index]?.id;

    it('then every fact is in the view with the event id that recorded it', () => {
      expect(view).toMatchObject({
        revision: 20n,
        counterparts: [{ country: 'JP' }, { counterpart: TEXAS, country: 'US', eventId: idOf(1) }],
        submissions: ['2024-02-01', '2024-02-28'],
        firstSubmittedOn: '2024-02-01',
        lastSubmittedOn: '2024-02-28',
        opinions: [
          { eventId: idOf(3), opinionNumber: 'DGCP-1', outcome: 'favourable-with-observations', issuedOn: '2024-02-20', internalObservations: 'Ajustar la cláusula 4' },
          { eventId: idOf(6), opinionNumber: 'DGCP-2', outcome: 'favourable', issuedOn: '2024-03-01', internalObservations: undefined },
        ],
        revisionCount: 1,
        approvals: [{ eventId: idOf(7), body: 'municipal-council', entityCode: '14039', approvedOn: '2024-03-10' }],
        signature: { eventId: idOf(8), ...signedData('2024-04-01') },
        signedCopyFiledOn: '2024-04-03',
        registration: { eventId: idOf(10), registryNumber: 'RAI-2024-0001', registeredOn: '2024-05-01' },
        force: { eventId: idOf(12), mode: 'in-force', effectiveOn: '2024-06-01' },
        provisionalApplicationOn: '2024-04-15',
        enteredIntoForceOn: '2024-06-01',
        forceStartedOn: '2024-04-15',
        workPlanCount: 1,
        milestoneCount: 2,
        lastMilestone: { eventId: idOf(14), milestoneId: 'm-2', kind: 'training', occurredOn: '2024-09-01' },
        amendmentCount: 1,
        renewalCount: 1,
        lastRenewal: { mode: 'renewed', renewedOn: '2024-11-01', newEndsOn: '2030-12-31' },
        endsOn: '2030-12-31',
        endDateSource: 'renewal',
        suspensions: [{ suspendedOn: '2024-12-01', reason: 'Revisión', resumedOn: '2025-01-10' }],
        termination: { eventId: idOf(20), cause: 'mutual-consent', terminatedOn: '2025-03-01' },
        lastEventPosition: events[20]?.position,
        lastRecordedAt: events[20]?.metadata.recordedAt,
        createdRecordedAt: events[0]?.metadata.recordedAt,
        correctionCount: 0,
      });
      expect(factsOf(view).map((fact) => fact.eventId)).toEqual(events.filter((_, index) => ![4, 13, 14, 15, 16].includes(index)).map((event) => event.id));
    });

    it('then milestones keep only what the view shows, and counted facts are not kept', () => {
      expect(milestonesOf(view)).toEqual([
        [idOf(14), 'm-2', 'training', '2024-09-01'],
        [idOf(15), 'm-1', 'visit', '2024-07-01'],
      ]);
      expect(factsOf(view).map((fact) => fact.type)).not.toContain('AgreementAmended');
      expect(factsOf(view)).toHaveLength(16);
    });

    it('then the counterpart identified later is indexed by its country', () => {
      const model = project(agreementsProjection, log.events);
      expect(idsOf(model.byCountry.get('US'))).toEqual([A]);
    });
  });

  describe('end date', () => {
    const endOf = (validity: Validity | undefined, ...more: Parameters<ReturnType<typeof eventLog>['agreement']>[1][]) => {
      const log = eventLog();
      log.agreement(A, opened({ agreementId: A, ...(validity ? { validity } : {}) }), ...more);
      const view = viewOf(log.events);
      return [view.endsOn, view.endDateSource];
    };

    it('is the stated end date', () => {
      expect(endOf({ endsOn: date('2027-01-01'), automaticRenewal: false })).toEqual(['2027-01-01', 'validity']);
    });
    it('is unknown for a term counted from a signature not yet made', () => {
      expect(endOf({ durationMonths: 12, automaticRenewal: false })).toEqual([undefined, undefined]);
    });
    it('counts the term from the signature, clamping to the end of a shorter month', () => {
      expect(endOf({ durationMonths: 1, automaticRenewal: false }, signed('2024-01-31'))).toEqual(['2024-02-29', 'duration-from-signature']);
    });
    it('counts the term from entry into force, not from provisional application', () => {
      expect(endOf({ durationMonths: 24, automaticRenewal: false }, signed('2024-01-31'), facts.inForce('2024-02-15', 'provisional-application'))).toEqual([
        '2026-01-31',
        'duration-from-signature',
      ]);
      expect(endOf({ durationMonths: 24, automaticRenewal: false }, signed('2024-01-31'), facts.inForce('2024-03-15'))).toEqual([
        '2026-03-15',
        'duration-from-entry-into-force',
      ]);
    });
    it('is the latest renewal that set one; a renewal without a date keeps it', () => {
      expect(
        endOf({ endsOn: date('2025-01-01'), automaticRenewal: false }, signed('2024-04-01'), facts.renewed('2024-12-01', '2026-01-01', 'extended'), facts.renewed('2025-12-01')),
      ).toEqual(['2026-01-01', 'renewal']);
    });
  });

  describe('addMonthsToLegalDate', () => {
    it('is luxon month arithmetic in Mexico City (addToLegalDate)', () => {
      const starts = ['1992-01-31', '1999-12-31', '2000-02-29', '2015-10-31', '2019-03-31', '2023-08-30', '2024-01-29', '2024-02-29', '2025-05-15'];
      for (const start of starts) {
        for (const months of [1, 2, 3, 6, 11, 12, 13, 18, 24, 36, 48, 60, 120, 1200]) {
          expect(addMonthsToLegalDate(date(start), months)).toBe(addToLegalDate(date(start), { months }));
        }
      }
    });
  });

  describe('given corrections', () => {
    it('then a corrected signature date replaces the fact and what derives from it', () => {
      const log = eventLog();
      const [, signature] = log.agreement(A, opened({ agreementId: A, validity: { durationMonths: 12, automaticRenewal: false } }), signed('2024-04-01'));
      log.agreement(A, facts.corrected(signature!, signed('2024-04-05')));
      const view = viewOf(log.events);
      expect(view.signature).toMatchObject({ eventId: signature?.id, signedOn: '2024-04-05' });
      expect(view.endsOn).toBe('2025-04-05');
      expect(view.correctionCount).toBe(1);
      expect(view.revision).toBe(2n);
      expect(factsOf(view)).toHaveLength(2);
    });

    it('then a corrected opening moves the agreement between index entries', () => {
      const log = eventLog();
      const [opening] = log.agreement(A, opened({ agreementId: A }), facts.identified(TEXAS), submitted('2024-02-01'));
      log.agreement(B, opened({ agreementId: B }));
      log.agreement(
        A,
        facts.corrected(
          opening!,
          opened({
            agreementId: A,
            kind: 'cooperation-agreement',
            title: 'Acuerdo Monterrey–Madrid',
            parties: [{ level: 'municipality', code: MONTERREY, agency: 'Municipio de Monterrey' }],
            counterparts: [MADRID],
            themes: ['climate'],
            sdgs: [13],
          }),
        ),
      );
      const model = project(agreementsProjection, log.events);
      const view = model.agreements.get(A);
      expect(view).toMatchObject({
        kind: 'cooperation-agreement',
        title: 'Acuerdo Monterrey–Madrid',
        titleKey: ' acuerdo monterrey madrid',
        parties: [{ code: '19039', stateCode: '19' }],
        counterparts: [{ country: 'ES' }, { country: 'US' }],
        submissions: ['2024-02-01'],
      });
      expect(idsOf(model.byState.get('14'))).toEqual([B]);
      expect(idsOf(model.byState.get('19'))).toEqual([A]);
      expect(idsOf(model.byMunicipality.get('14039'))).toEqual([B]);
      expect(idsOf(model.byMunicipality.get('19039'))).toEqual([A]);
      expect(idsOf(model.byCountry.get('JP'))).toEqual([B]);
      expect(idsOf(model.byCountry.get('ES'))).toEqual([A]);
      expect(idsOf(model.byCountry.get('US'))).toEqual([A]);
      expect(idsOf(model.byKind.get('twinning'))).toEqual([B]);
      expect(idsOf(model.byKind.get('cooperation-agreement'))).toEqual([A]);
      expect(model.byTheme.has('climate')).toBe(true);
      expect(idsOf(model.byTheme.get('culture'))).toEqual([B]);
      expect(idsOf(model.bySdg.get(13))).toEqual([A]);
    });

    it('then an emptied index entry disappears', () => {
      const log = eventLog();
      const [opening] = log.agreement(A, opened({ agreementId: A }));
      log.agreement(A, facts.corrected(opening!, opened({ agreementId: A, counterparts: [MADRID] })));
      const model = project(agreementsProjection, log.events);
      expect(model.byCountry.has('JP')).toBe(false);
    });

    it('then a corrected milestone date changes which milestone is the last', () => {
      const log = eventLog();
      const [, first] = log.agreement(A, opened({ agreementId: A }), facts.milestone('m-1', '2024-06-01'), facts.milestone('m-2', '2024-07-01', 'report'));
      log.agreement(A, facts.corrected(first!, facts.milestone('m-1', '2024-08-01')));
      expect(viewOf(log.events).lastMilestone).toEqual({ eventId: first?.id, milestoneId: 'm-1', kind: 'visit', occurredOn: '2024-08-01' });
    });

    it('then a corrected resumption date changes the suspension period', () => {
      const log = eventLog();
      const [, , , resumption] = log.agreement(A, opened({ agreementId: A }), signed('2024-04-01'), facts.suspended('2024-05-01'), facts.resumed('2024-06-01'));
      log.agreement(A, facts.corrected(resumption!, facts.resumed('2024-07-01')));
      expect(viewOf(log.events).suspensions).toEqual([{ suspendedOn: '2024-05-01', reason: 'Revisión', resumedOn: '2024-07-01' }]);
    });

    it('then a correction naming no fact of the agreement changes nothing but the revision', () => {
      const log = eventLog();
      log.agreement(A, opened({ agreementId: A }), signed('2024-04-01'));
      const stray = eventLog().agreement(B, signed('2024-01-01'))[0];
      const before = viewOf(log.events);
      log.agreement(A, facts.corrected(stray!, signed('2024-04-09')));
      const after = viewOf(log.events);
      expect(after.signature?.signedOn).toBe('2024-04-01');
      expect(after.revision).toBe(before.revision + 1n);
    });
  });

  describe('given events it does not fold', () => {
    it('then events of an unknown agreement, a second opening and other streams change nothing', () => {
      const log = eventLog();
      log.agreement(A, opened({ agreementId: A }));
      const model = project(agreementsProjection, log.events);
      const position = model.lastPosition;
      const later = eventLog({ position: 10_000n });
      later.agreement(B, signed('2024-04-01'));
      later.agreement(A, opened({ agreementId: A, title: 'Otro' }));
      later.entity(GUADALAJARA, { type: 'CityNetworkJoined', data: { entityCode: GUADALAJARA, networkId: 'uclg' as never, joinedOn: date('2024-01-01') } });
      for (const event of later.events) agreementsProjection.apply(model, event);
      expect(model.agreements.size).toBe(1);
      expect(model.agreements.get(A)?.title).toBe('Hermanamiento Guadalajara–Kioto');
      expect(model.lastPosition).toBe(position);
    });
  });

  describe('as a snapshot', () => {
    it('survives its snapshot codec and keeps folding afterwards', () => {
      const log = eventLog();
      const [, signature] = log.agreement(A, opened({ agreementId: A }), signed('2024-04-01'), facts.suspended('2024-05-01'));
      const model = project(agreementsProjection, log.events);
      const codec = agreementsProjection.snapshot as SnapshotCodec<typeof model>;
      const restored = codec.decode(v8.deserialize(v8.serialize(codec.encode(model))));
      expect(plain(restored)).toEqual(plain(model));
      const more = log.agreement(A, facts.resumed('2024-06-01'), facts.corrected(signature!, signed('2024-04-02')));
      for (const event of more) {
        agreementsProjection.apply(model, event);
        agreementsProjection.apply(restored, event);
      }
      expect(plain(restored)).toEqual(plain(model));
      expect(restored.agreements.get(A)?.signature?.signedOn).toBe('2024-04-02');
    });
  });
});

describe('agreementStatus', () => {
  const statusOf = (today: string, ...events: Parameters<ReturnType<typeof eventLog>['agreement']>[1][]) => {
    const log = eventLog();
    log.agreement(A, ...events);
    return agreementStatus(viewOf(log.events), date(today));
  };
  const base = opened({ agreementId: A, validity: { endsOn: date('2026-12-31'), automaticRenewal: false } });

  it('draft: opened only', () => expect(statusOf('2025-01-01', base)).toBe('draft'));
  it('under-sre-review: submitted, no opinion yet', () => expect(statusOf('2025-01-01', base, submitted('2024-02-01'))).toBe('under-sre-review'));
  it('opinion-issued: an opinion answers the last submission, whatever its outcome', () => {
    expect(statusOf('2025-01-01', base, submitted('2024-02-01'), facts.opinion('2024-03-01', 'unfavourable', 'D-1'))).toBe('opinion-issued');
  });
  it('under-sre-review again after a resubmission', () => {
    expect(statusOf('2025-01-01', base, submitted('2024-02-01'), favourableOpinion('2024-03-01'), facts.revised('2024-03-05'), submitted('2024-03-10'))).toBe(
      'under-sre-review',
    );
  });
  it('declaratory: a declaratory twinning never signed, even with an opinion', () => {
    const declaratory = opened({ agreementId: A, kind: 'declaratory-twinning' });
    expect(statusOf('2025-01-01', declaratory)).toBe('declaratory');
    expect(statusOf('2025-01-01', declaratory, submitted('2024-02-01'), favourableOpinion('2024-03-01'))).toBe('declaratory');
    expect(statusOf('2025-01-01', declaratory, signed('2024-04-01'))).toBe('signed');
  });
  it('signed', () => expect(statusOf('2025-01-01', base, signed('2024-04-01'))).toBe('signed'));
  it('registered', () => expect(statusOf('2025-01-01', base, signed('2024-04-01'), registered('2024-05-01'))).toBe('registered'));
  it('in-force, also when only provisionally applied', () => {
    expect(statusOf('2025-01-01', base, signed('2024-04-01'), registered('2024-05-01'), facts.inForce('2024-06-01'))).toBe('in-force');
    expect(statusOf('2025-01-01', base, signed('2024-04-01'), facts.inForce('2024-04-02', 'provisional-application'))).toBe('in-force');
  });
  it('suspended, and in-force again once resumed', () => {
    const events = [base, signed('2024-04-01'), facts.inForce('2024-06-01'), facts.suspended('2024-09-01')];
    expect(statusOf('2025-01-01', ...events)).toBe('suspended');
    expect(statusOf('2025-01-01', ...events, facts.resumed('2024-10-01'))).toBe('in-force');
  });
  it('expired: past its end date without automatic renewal', () => {
    const events = [base, signed('2024-04-01'), facts.inForce('2024-06-01')];
    expect(statusOf('2026-12-31', ...events)).toBe('in-force');
    expect(statusOf('2027-01-01', ...events)).toBe('expired');
    expect(statusOf('2027-01-01', ...events, facts.suspended('2025-01-01'))).toBe('expired');
    const automatic = opened({ agreementId: A, validity: { endsOn: date('2026-12-31'), automaticRenewal: true } });
    expect(statusOf('2027-01-01', automatic, signed('2024-04-01'), facts.inForce('2024-06-01'))).toBe('in-force');
  });
  it('an unsigned draft does not expire', () => expect(statusOf('2027-01-01', base)).toBe('draft'));
  it('terminated, even past its end date', () => {
    expect(statusOf('2027-06-01', base, signed('2024-04-01'), facts.inForce('2024-06-01'), facts.terminated('2025-03-01'))).toBe('terminated');
    expect(statusOf('2025-01-01', base, submitted('2024-02-01'), facts.terminated('2024-03-01'))).toBe('terminated');
  });
  it('counts each step from its own date: a past day gives the status then', () => {
    const events = [base, submitted('2024-02-01'), favourableOpinion('2024-03-01'), signed('2024-04-01'), registered('2024-05-01'), facts.inForce('2024-06-01'), facts.terminated('2025-03-01')];
    expect(
      ['2024-01-15', '2024-02-15', '2024-03-15', '2024-04-15', '2024-05-15', '2024-06-15', '2025-03-01'].map((today) => statusOf(today, ...events)),
    ).toEqual(['draft', 'under-sre-review', 'opinion-issued', 'signed', 'registered', 'in-force', 'terminated']);
  });
});

describe('in force on a date', () => {
  const log = eventLog();
  log.agreement(
    A,
    opened({ agreementId: A, validity: { endsOn: date('2026-12-31'), automaticRenewal: false } }),
    signed('2024-04-01'),
    facts.inForce('2024-05-01', 'provisional-application'),
    facts.inForce('2024-06-01'),
    facts.suspended('2024-09-01'),
    facts.resumed('2024-10-01'),
    facts.suspended('2025-02-01'),
    facts.resumed('2025-03-01'),
  );
  const view = viewOf(log.events);

  it('begins with provisional application and stops during suspensions and after the term', () => {
    const on = (day: string) => isInForceOn(view, date(day));
    expect(on('2024-04-30')).toBe(false);
    expect(on('2024-05-01')).toBe(true);
    expect(on('2024-08-31')).toBe(true);
    expect(on('2024-09-01')).toBe(false);
    expect(on('2024-09-30')).toBe(false);
    expect(on('2024-10-01')).toBe(true);
    expect(on('2025-02-15')).toBe(false);
    expect(on('2026-12-31')).toBe(true);
    expect(on('2027-01-01')).toBe(false);
    expect(forceModeOn(view, date('2024-05-15'))).toBe('provisional-application');
    expect(forceModeOn(view, date('2024-06-01'))).toBe('in-force');
  });

  it('applies at some point of a range unless suspensions or the term cover all of it', () => {
    const during = (from?: string, to?: string) => wasInForceDuring(view, from === undefined ? undefined : date(from), to === undefined ? undefined : date(to));
    expect(during('2024-09-01', '2024-09-30')).toBe(false);
    expect(during('2024-09-01', '2024-10-01')).toBe(true);
    expect(during('2024-08-31', '2024-09-30')).toBe(true);
    expect(during('2027-01-01')).toBe(false);
    expect(during(undefined, '2024-04-30')).toBe(false);
    expect(during()).toBe(true);
  });

  it('ends the day of the termination', () => {
    const terminatedLog = eventLog();
    terminatedLog.agreement(A, opened({ agreementId: A }), signed('2024-04-01'), facts.inForce('2024-05-01'), facts.terminated('2025-01-15'));
    const terminatedView = viewOf(terminatedLog.events);
    expect(isInForceOn(terminatedView, date('2025-01-14'))).toBe(true);
    expect(isInForceOn(terminatedView, date('2025-01-15'))).toBe(false);
  });

  it('never applies without force or provisional application', () => {
    const signedLog = eventLog();
    signedLog.agreement(A, opened({ agreementId: A }), signed('2024-04-01'));
    expect(wasInForceDuring(viewOf(signedLog.events), undefined, undefined)).toBe(false);
  });

  it('an open suspension lasts until resumed', () => {
    const openLog = eventLog();
    openLog.agreement(A, opened({ agreementId: A }), signed('2024-04-01'), facts.inForce('2024-05-01'), facts.suspended('2024-06-01'));
    const openView = viewOf(openLog.events);
    expect(isInForceOn(openView, date('2030-01-01'))).toBe(false);
    expect(wasInForceDuring(openView, date('2024-05-15'), undefined)).toBe(true);
  });
});

describe('searchKey', () => {
  it('ignores case, accents and punctuation', () => {
    expect(searchKey('Hermanamiento GUADALAJARA–Kioto (Japón), año 2024')).toBe(' hermanamiento guadalajara kioto japon ano 2024');
    expect(searchKey('  ')).toBe('');
  });
});

describe('day numbers', () => {
  it('count days since 1970-01-01 as Date.UTC does, and back', () => {
    const wrong: string[] = [];
    for (let day = dayNumber('1899-12-25'); day < dayNumber('2101-01-05'); day += 1) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (dayNumber(iso) !== day || dateOfDay(day) !== iso) wrong.push(iso);
    }
    expect(wrong).toEqual([]);
  });
});

describe('searchKey', () => {
  it('equals the regex definition on Latin, punctuation, combining marks and other scripts', () => {
    const different: number[] = [];
    for (let code = 0; code < 0x3100; code += 1) {
      const text = `Ab${String.fromCharCode(code)}c D${String.fromCharCode(code)}`;
      if (searchKey(text) !== searchKeySlow(text)) different.push(code);
    }
    expect(different).toEqual([]);
    for (const text of ['Ciudad de México–Kioto', 'Québec · Montréal', 'São Paulo', 'Ñuñoa', 'Łódź', 'İstanbul', '東京都', 'Κέρκυρα', 'e\u0301te\u0301', '']) {
      expect(searchKey(text)).toBe(searchKeySlow(text));
    }
  });
});

describe('columns', () => {
  const columnsOfModel = (events: ReturnType<typeof eventLog>['events']) => {
    const model = project(agreementsProjection, events);
    const columns = model.columns;
    if (!columns) throw new Error('the projection keeps columns');
    return { model, columns };
  };

  it('hold each agreement’s facets and dates by ordinal, and follow corrections', () => {
    const log = eventLog();
    const [opening, , signature] = log.agreement(A, opened({ agreementId: A, counterparts: [KYOTO_CITY, TEXAS] }), submitted('2024-02-01'), signed('2024-04-01'));
    log.agreement(B, opened({ agreementId: B, kind: 'declaratory-twinning', validity: { endsOn: date('2026-01-01'), automaticRenewal: false } }));
    const before = columnsOfModel(log.events).columns;
    expect([...before.views].map((view) => view.id)).toEqual([A, B]);
    expect(before.kind).toEqual([0, 4]);
    expect(before.stateBits[0]).toBe(1 << 13);
    expect(before.themeBits[0]).toBe((THEME_BITS.get('culture') ?? 0) | (THEME_BITS.get('tourism') ?? 0));
    expect(before.sdgBits[0]).toBe(1 << 10);
    expect(before.country[0]).toBe(countryNumber('JP'));
    expect((before.flags[0] ?? 0) & COLUMN_FLAGS.otherCountries).toBe(COLUMN_FLAGS.otherCountries);
    expect(before.signedDay).toEqual([dayNumber('2024-04-01'), NO_DAY]);
    expect(before.endDay).toEqual([NO_DAY, dayNumber('2026-01-01')]);
    expect(before.titleKey[0]).toBe(' hermanamiento guadalajara kioto');

    log.agreement(A, facts.corrected(signature!, signed('2024-04-05')));
    log.agreement(
      A,
      facts.corrected(opening!, opened({ agreementId: A, kind: 'cooperation-agreement', parties: [{ level: 'municipality', code: MONTERREY, agency: 'Monterrey' }], counterparts: [MADRID], themes: ['climate'], sdgs: [13] })),
    );
    log.agreement(A, facts.suspended('2024-05-01'));
    const after = columnsOfModel(log.events).columns;
    expect(after.signedDay[0]).toBe(dayNumber('2024-04-05'));
    expect(after.kind[0]).toBe(1);
    expect(after.stateBits[0]).toBe(1 << 18);
    expect(after.themeBits[0]).toBe(THEME_BITS.get('climate'));
    expect(after.sdgBits[0]).toBe(1 << 12);
    expect(after.country[0]).toBe(countryNumber('ES'));
    expect((after.flags[0] ?? 0) & COLUMN_FLAGS.suspensions).toBe(COLUMN_FLAGS.suspensions);
    expect(after.recordedAt[0]).toBe(log.events[log.events.length - 1]?.metadata.recordedAt);
  });

  it('equal columns built afresh from the views (what a derived model gets)', () => {
    const log = eventLog();
    const [, signature] = log.agreement(A, opened({ agreementId: A }), signed('2024-04-01'), facts.inForce('2024-05-01'), facts.milestone('m-1', '2024-06-01'));
    log.agreement(B, opened({ agreementId: B }), submitted('2024-02-01'));
    log.agreement(A, facts.corrected(signature!, signed('2024-04-02')));
    const { model, columns } = columnsOfModel(log.events);
    expect(plain(columnsOfViews(model.byOrdinal))).toEqual(plain(columns));
  });

  it('give the same status and in-force answers as the views, on every day', () => {
    const log = eventLog();
    const lifecycles = [
      [opened({ agreementId: agreementIdOf(1) })],
      [opened({ agreementId: agreementIdOf(2) }), submitted('2024-02-01'), favourableOpinion('2024-03-01'), facts.revised('2024-03-05'), submitted('2024-03-10')],
      [opened({ agreementId: agreementIdOf(3), kind: 'declaratory-twinning' }), submitted('2024-02-01')],
      [opened({ agreementId: agreementIdOf(4), validity: { endsOn: date('2024-12-31'), automaticRenewal: false } }), signed('2024-04-01'), registered('2024-05-01'), facts.inForce('2024-06-01')],
      [opened({ agreementId: agreementIdOf(5) }), signed('2024-04-01'), facts.inForce('2024-05-01', 'provisional-application'), facts.suspended('2024-07-01'), facts.resumed('2024-08-01'), facts.terminated('2024-11-15')],
      [opened({ agreementId: agreementIdOf(6), validity: { durationMonths: 3, automaticRenewal: false } }), signed('2024-04-01'), facts.inForce('2024-05-01'), facts.renewed('2024-07-01', '2024-10-31')],
      [opened({ agreementId: agreementIdOf(7) }), submitted('2024-02-01'), facts.terminated('2024-03-01')],
    ];
    lifecycles.forEach((events, index) => log.agreement(agreementIdOf(index + 1), ...events));
    const { model, columns } = columnsOfModel(log.events);
    const days: string[] = [];
    for (let day = dayNumber('2024-01-01'); day <= dayNumber('2025-01-10'); day += 3) days.push(dateOfDay(day));
    const disagreements: string[] = [];
    for (const view of model.byOrdinal) {
      for (const today of days) {
        const to = dateOfDay(dayNumber(today) + 20);
        if (agreementStatusAt(columns, view.ordinal, date(today), dayNumber(today)) !== agreementStatus(view, date(today))) disagreements.push(`status ${view.ordinal} ${today}`);
        if (wasInForceDuringAt(columns, view.ordinal, dayNumber(today), dayNumber(to)) !== wasInForceDuring(view, date(today), date(to))) disagreements.push(`in force ${view.ordinal} ${today}`);
      }
      if (wasInForceDuringAt(columns, view.ordinal, undefined, undefined) !== wasInForceDuring(view, undefined, undefined)) disagreements.push(`ever ${view.ordinal}`);
    }
    expect(disagreements).toEqual([]);
    // The lifecycles do reach every status the columns answer without the view.
    expect(new Set([...model.byOrdinal].map((view) => agreementStatus(view, date('2024-12-01'))))).toEqual(
      new Set(['draft', 'under-sre-review', 'declaratory', 'in-force', 'terminated', 'expired']),
    );
  });
});
