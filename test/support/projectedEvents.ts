import { agreementEventValidAt, AGREEMENT_EVENT_TYPES, type AgreementEvent, type AgreementEventData } from '../../src/agreements/agreementEvents';
import {
  agreementStreamName,
  type AgreementId,
  type Counterpart,
  type ForceMode,
  type MilestoneKind,
  type OpinionOutcome,
  type RenewalMode,
  type SubnationalParty,
  type TerminationCause,
} from '../../src/agreements/agreementTypes';
import { entityProfileEventValidAt, type EntityProfileEvent } from '../../src/entities/entityProfileEvents';
import { entityStreamName, type EntityCode } from '../../src/entities/entityProfileTypes';
import type { Role } from '../../src/eventSourcing/envelope';
import type { Projection } from '../../src/projectionRunner/projection';
import { agreementIdOfStream, type ProjectedEvent, type RegistryEvent } from '../../src/projectionRunner/registryEvent';
import type { CountryCode, LanguageCode, MunicipalityCode, StateCode, SubdivisionCode } from '../../src/reference';
import type { Instant, LegalDate } from '../../src/shared/time';

export interface EventOptions {
  /** Defaults to the fact's own legal date (as the command handler records it). */
  readonly validAt?: LegalDate | null;
  /** Defaults to one minute after the previous event, from 2024-01-01T12:00Z. */
  readonly recordedAt?: string;
  readonly role?: Role;
}

/** A deterministic UUID per event number, so tests can name events by number. */
export const eventIdOf = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const AGREEMENT_TYPES: ReadonlySet<string> = new Set(AGREEMENT_EVENT_TYPES);

const defaultValidAt = (event: RegistryEvent): LegalDate | null => {
  if (AGREEMENT_TYPES.has(event.type)) return agreementEventValidAt(event as AgreementEvent);
  if (event.type === 'StrategyObjectiveProgressRecorded' || event.type === 'CityNetworkJoined' || event.type === 'CityNetworkLeft') {
    return entityProfileEventValidAt(event as EntityProfileEvent);
  }
  if (event.type === 'PolicyVersionPublished') return event.data.effectiveFrom;
  return null;
};

/**
 * Builds ProjectedEvents as the runner would hand them over: one global log with increasing
 * positions, per-stream revisions from 0, event ids eventIdOf(1), eventIdOf(2)… and metadata.
 */
export const eventLog = (start: { readonly position?: bigint; readonly recordedAt?: string } = {}) => {
  const events: ProjectedEvent[] = [];
  const revisions = new Map<string, bigint>();
  let position = start.position ?? 100n;
  let clock = Date.parse(start.recordedAt ?? '2024-01-01T12:00:00.000Z');

  const append = (streamName: string, event: RegistryEvent, options: EventOptions = {}): ProjectedEvent => {
    const revision = (revisions.get(streamName) ?? -1n) + 1n;
    revisions.set(streamName, revision);
    clock = options.recordedAt === undefined ? clock + 60_000 : Date.parse(options.recordedAt);
    const id = eventIdOf(events.length + 1);
    const role = options.role ?? 'sre-legal';
    const recordedAt = new Date(clock).toISOString() as Instant;
    const projected: ProjectedEvent = {
      agreementId: agreementIdOfStream(streamName),
      id,
      streamName,
      revision,
      position,
      event,
      recordedAt,
      role,
      metadata: {
        actor: { id: `actor-${role}`, role, entityScope: [] },
        correlationId: id,
        causationId: id,
        validAt: options.validAt === undefined ? defaultValidAt(event) : options.validAt,
        recordedAt,
        schemaVersion: 1,
        previousHash: null,
        hash: `hash-${id}`,
      },
    };
    position += 10n;
    events.push(projected);
    return projected;
  };

  return {
    events,
    append,
    /** Appends to the stream of one agreement; returns the appended events. */
    agreement: (id: AgreementId, ...facts: readonly (AgreementEvent | readonly [AgreementEvent, EventOptions])[]): ProjectedEvent[] =>
      facts.map((fact) => (Array.isArray(fact) ? append(agreementStreamName(id), fact[0], fact[1]) : append(agreementStreamName(id), fact as AgreementEvent))),
    entity: (code: EntityCode, event: EntityProfileEvent, options?: EventOptions): ProjectedEvent => append(entityStreamName(code), event, options),
  };
};

/** Folds events into a fresh model of the projection, as a rebuild does. */
export const project = <Model>(projection: Projection<Model>, events: readonly ProjectedEvent[]): Model => {
  const model = projection.create();
  for (const event of events) projection.apply(model, event);
  return model;
};

/** Agreement ids for tests: agreementIdOf(1), agreementIdOf(2)… */
export const agreementIdOf = (n: number): AgreementId => `6f1f5a4e-2c3b-4d5e-8f90-${n.toString(16).padStart(12, '0')}` as AgreementId;

const day = (iso: string): LegalDate => iso as LegalDate;

/** Agreement facts the shared fixtures (test/agreements/agreementFixtures.ts) do not build. */
export const facts = {
  identified: (counterpart: AgreementEventData['CounterpartIdentified']['counterpart'], identifiedOn = '2024-01-20'): AgreementEvent => ({
    type: 'CounterpartIdentified',
    data: { counterpart, identifiedOn: day(identifiedOn) },
  }),
  opinion: (issuedOn: string, outcome: OpinionOutcome, opinionNumber: string, observations?: string): AgreementEvent => ({
    type: 'SreOpinionIssued',
    data: { opinionNumber, outcome, issuedOn: day(issuedOn), ...(observations === undefined ? {} : { observations }) },
  }),
  revised: (revisedOn: string): AgreementEvent => ({ type: 'TextRevised', data: { revisedOn: day(revisedOn), summary: 'Ajustes de redacción' } }),
  approved: (approvedOn: string, entityCode = '14039'): AgreementEvent => ({
    type: 'ApprovalGranted',
    data: { body: 'municipal-council', entityCode, approvedOn: day(approvedOn), reference: 'Acta de cabildo 12/2024' },
  }),
  copyFiled: (filedOn: string): AgreementEvent => ({ type: 'SignedCopyFiled', data: { filedOn: day(filedOn), documentReference: 'DOC-1' } }),
  inForce: (effectiveOn: string, mode: ForceMode = 'in-force'): AgreementEvent => ({ type: 'AgreementEnteredIntoForce', data: { mode, effectiveOn: day(effectiveOn) } }),
  workPlan: (adoptedOn: string, period = '2024'): AgreementEvent => ({ type: 'WorkPlanAdopted', data: { period, adoptedOn: day(adoptedOn), summary: 'POA' } }),
  milestone: (milestoneId: string, occurredOn: string, kind: MilestoneKind = 'visit'): AgreementEvent => ({
    type: 'CooperationMilestoneRecorded',
    data: { milestoneId, kind, occurredOn: day(occurredOn), description: 'Actividad de cooperación', themes: ['culture'], sdgs: [11] },
  }),
  amended: (amendedOn: string): AgreementEvent => ({ type: 'AgreementAmended', data: { amendedOn: day(amendedOn), summary: 'Adenda' } }),
  renewed: (renewedOn: string, newEndsOn?: string, mode: RenewalMode = 'renewed'): AgreementEvent => ({
    type: 'AgreementRenewed',
    data: { mode, renewedOn: day(renewedOn), ...(newEndsOn === undefined ? {} : { newEndsOn: day(newEndsOn) }) },
  }),
  suspended: (suspendedOn: string): AgreementEvent => ({ type: 'AgreementSuspended', data: { suspendedOn: day(suspendedOn), reason: 'Revisión' } }),
  resumed: (resumedOn: string): AgreementEvent => ({ type: 'AgreementResumed', data: { resumedOn: day(resumedOn) } }),
  terminated: (terminatedOn: string, cause: TerminationCause = 'denounced'): AgreementEvent => ({
    type: 'AgreementTerminated',
    data: { cause, terminatedOn: day(terminatedOn), reason: 'Denuncia' },
  }),
  /** Corrects the fact recorded by `original` with new data of the same type. */
  corrected: (original: ProjectedEvent, replacement: AgreementEvent, reason = 'Error de captura'): AgreementEvent => {
    if (replacement.type === 'FactCorrected' || replacement.type !== original.event.type) throw new Error('A correction keeps the corrected type');
    return {
      type: 'FactCorrected',
      data: { correctedEventId: original.id, correctedType: replacement.type, correctedData: replacement.data, reason },
    };
  },
};

/** A model as plain data, to compare with toEqual (see plainModel). */
export { plainModel as plain } from './plainModel';

// ---------------------------------------------------------------------------------------------
// A small registry for query specs: one agreement per status, spread over states, countries,
// regions, kinds and themes. "Today" for it is SAMPLE_TODAY.
// ---------------------------------------------------------------------------------------------

export const SAMPLE_TODAY = '2025-06-15' as LegalDate;

const local = (name: string, country: string): Counterpart => ({ kind: 'foreign-local-government', name, country: country as CountryCode });
const municipality = (code: string, agency = 'Ayuntamiento'): SubnationalParty => ({ level: 'municipality', code: code as MunicipalityCode, agency });
const state = (code: string, agency = 'Gobierno del Estado'): SubnationalParty => ({ level: 'state', code: code as StateCode, agency });

const openedWith = (id: AgreementId, data: Partial<AgreementEventData['AgreementOpened']> & Pick<AgreementEventData['AgreementOpened'], 'title' | 'openedOn'>): AgreementEvent => ({
  type: 'AgreementOpened',
  data: {
    agreementId: id,
    kind: 'twinning',
    objectives: [],
    themes: [],
    sdgs: [],
    languages: ['es' as LanguageCode],
    parties: [],
    counterparts: [],
    validity: { automaticRenewal: true },
    ...data,
  },
});

const signedOn = (on: string): AgreementEvent => ({
  type: 'AgreementSigned',
  data: { signedOn: day(on), place: 'Ciudad de México', signatories: [], languages: ['es' as LanguageCode] },
});
const submittedOn = (on: string): AgreementEvent => ({ type: 'TextSubmittedToSre', data: { submittedOn: day(on) } });
const registeredOn = (on: string, registryNumber: string): AgreementEvent => ({ type: 'AgreementRegistered', data: { registryNumber, registeredOn: day(on) } });

export const SAMPLE = {
  /** in-force (suspended 2022-01-01 to 2022-03-01); Guadalajara–Kioto (JP, no priority region). */
  guadalajaraKyoto: agreementIdOf(101),
  /** suspended since 2025-01-01; Jalisco–Texas (US). */
  jaliscoTexas: agreementIdOf(102),
  /** under-sre-review; Monterrey–Madrid (ES). */
  monterreyMadrid: agreementIdOf(103),
  /** declaratory; Mérida–Bogotá (CO). */
  meridaBogota: agreementIdOf(104),
  /** expired on 2020-12-31; Nuevo León–Chile (CL). */
  nuevoLeonChile: agreementIdOf(105),
  /** terminated 2023-01-15; Zapopan–Québec (CA). */
  zapopanQuebec: agreementIdOf(106),
  /** opinion-issued; Guadalajara and Jalisco–UNESCO (no country). */
  guadalajaraUnesco: agreementIdOf(107),
  /** draft; Puebla–Lyon (FR). */
  pueblaLyon: agreementIdOf(108),
  /** signed; Oaxaca–Cusco (PE). */
  oaxacaCusco: agreementIdOf(109),
  /** registered; Tijuana–San Diego (US). */
  tijuanaSanDiego: agreementIdOf(110),
  /** in-force (provisional application); Chihuahua–Nuevo México (US). */
  chihuahuaNewMexico: agreementIdOf(111),
} as const;

export const sampleRegistry = () => {
  const log = eventLog({ recordedAt: '2025-01-01T00:00:00.000Z' });
  const s = SAMPLE;
  log.agreement(
    s.guadalajaraKyoto,
    openedWith(s.guadalajaraKyoto, {
      title: 'Hermanamiento Guadalajara–Kioto',
      openedOn: day('2020-01-10'),
      parties: [municipality('14039', 'Ayuntamiento de Guadalajara')],
      counterparts: [local('Kyoto', 'JP')],
      themes: ['culture', 'tourism'],
      sdgs: [11],
    }),
    submittedOn('2020-02-01'),
    facts.opinion('2020-03-01', 'favourable', 'DGCP-2020-1'),
    signedOn('2020-04-01'),
    registeredOn('2020-05-01', 'RAI-2020-0001'),
    facts.inForce('2020-06-01'),
    facts.suspended('2022-01-01'),
    facts.resumed('2022-03-01'),
    facts.milestone('gk-1', '2023-05-01'),
  );
  log.agreement(
    s.jaliscoTexas,
    openedWith(s.jaliscoTexas, {
      kind: 'cooperation-agreement',
      title: 'Acuerdo de cooperación Jalisco–Texas',
      openedOn: day('2021-02-01'),
      parties: [state('14')],
      counterparts: [{ kind: 'foreign-subnational-government', name: 'Texas', country: 'US' as CountryCode, subdivision: 'US-TX' as SubdivisionCode }],
      themes: ['economic-development'],
      sdgs: [8],
      validity: { automaticRenewal: false },
    }),
    signedOn('2021-05-01'),
    facts.inForce('2021-06-01'),
    facts.suspended('2025-01-01'),
  );
  log.agreement(
    s.monterreyMadrid,
    openedWith(s.monterreyMadrid, {
      kind: 'memorandum-of-understanding',
      title: 'Memorándum Monterrey–Madrid sobre clima',
      openedOn: day('2022-03-01'),
      parties: [municipality('19039')],
      counterparts: [local('Madrid', 'ES')],
      themes: ['climate'],
      sdgs: [13],
    }),
    submittedOn('2022-03-10'),
  );
  log.agreement(
    s.meridaBogota,
    openedWith(s.meridaBogota, {
      kind: 'declaratory-twinning',
      title: 'Hermanamiento declarativo Mérida–Bogotá',
      openedOn: day('2019-05-01'),
      parties: [municipality('31050')],
      counterparts: [local('Bogotá', 'CO')],
      themes: ['culture'],
    }),
  );
  log.agreement(
    s.nuevoLeonChile,
    openedWith(s.nuevoLeonChile, {
      kind: 'letter-of-intent',
      title: 'Carta de intención Nuevo León–Chile',
      openedOn: day('2018-01-01'),
      parties: [state('19')],
      counterparts: [{ kind: 'foreign-national-government', name: 'Gobierno de Chile', country: 'CL' as CountryCode }],
      themes: ['education'],
      sdgs: [4],
      validity: { endsOn: day('2020-12-31'), automaticRenewal: false },
    }),
    signedOn('2018-02-01'),
    facts.inForce('2018-03-01'),
  );
  log.agreement(
    s.zapopanQuebec,
    openedWith(s.zapopanQuebec, {
      kind: 'cooperation-agreement',
      title: 'Acuerdo Zapopan–Québec',
      openedOn: day('2019-01-01'),
      parties: [municipality('14120')],
      counterparts: [{ kind: 'foreign-subnational-government', name: 'Québec', country: 'CA' as CountryCode, subdivision: 'CA-QC' as SubdivisionCode }],
      themes: ['urban-development'],
      sdgs: [11],
    }),
    signedOn('2019-06-01'),
    facts.inForce('2019-07-01'),
    facts.terminated('2023-01-15'),
  );
  log.agreement(
    s.guadalajaraUnesco,
    openedWith(s.guadalajaraUnesco, {
      kind: 'cooperation-agreement',
      title: 'Acuerdo Guadalajara–UNESCO',
      openedOn: day('2023-01-01'),
      parties: [municipality('14039'), state('14')],
      counterparts: [{ kind: 'international-organisation', name: 'UNESCO', organisationId: 'unesco' }],
      themes: ['culture', 'education'],
      sdgs: [4, 11],
    }),
    submittedOn('2023-02-01'),
    facts.opinion('2023-03-01', 'favourable-with-observations', 'DGCP-2023-9', 'Revisar competencias'),
  );
  log.agreement(
    s.pueblaLyon,
    openedWith(s.pueblaLyon, {
      title: 'Proyecto de hermanamiento Puebla–Lyon',
      openedOn: day('2025-01-01'),
      parties: [municipality('21114')],
      counterparts: [local('Lyon', 'FR')],
      themes: ['tourism'],
    }),
  );
  log.agreement(
    s.oaxacaCusco,
    openedWith(s.oaxacaCusco, {
      title: 'Hermanamiento Oaxaca–Cusco',
      openedOn: day('2024-01-01'),
      parties: [municipality('20067')],
      counterparts: [local('Cusco', 'PE')],
      themes: ['culture', 'tourism'],
    }),
    signedOn('2024-06-01'),
  );
  log.agreement(
    s.tijuanaSanDiego,
    openedWith(s.tijuanaSanDiego, {
      kind: 'cooperation-agreement',
      title: 'Acuerdo Tijuana–San Diego',
      openedOn: day('2023-06-01'),
      parties: [municipality('02004')],
      counterparts: [local('San Diego', 'US')],
      themes: ['water'],
    }),
    signedOn('2024-01-01'),
    registeredOn('2024-03-01', 'RAI-2024-0010'),
  );
  log.agreement(
    s.chihuahuaNewMexico,
    openedWith(s.chihuahuaNewMexico, {
      kind: 'cooperation-agreement',
      title: 'Acuerdo Chihuahua–Nuevo México',
      openedOn: day('2023-06-01'),
      parties: [state('08')],
      counterparts: [{ kind: 'foreign-subnational-government', name: 'New Mexico', country: 'US' as CountryCode, subdivision: 'US-NM' as SubdivisionCode }],
      themes: ['economic-development', 'water'],
    }),
    signedOn('2024-02-01'),
    facts.inForce('2024-03-01', 'provisional-application'),
  );
  return log;
};
