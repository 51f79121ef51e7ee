import {
  AGREEMENT_EVENT_TYPES,
  agreementEventValidAt,
  type AgreementEvent,
  type AgreementEventData,
  type AgreementEventType,
} from '../src/agreements/agreementEvents';
import {
  AGREEMENT_KINDS,
  APPROVAL_BODIES,
  FORCE_MODES,
  MILESTONE_KINDS,
  OPINION_OUTCOMES,
  RENEWAL_MODES,
  TERMINATION_CAUSES,
  type AgreementId,
  type AgreementKind,
} from '../src/agreements/agreementTypes';
import type { Role } from '../src/eventSourcing/envelope';
import { NO_COUNTRY, THEME_BITS, countryNumber, instantMillis } from './agreements';
import { EncodedRecords, type EncodedRecordsData } from '../src/projectionRunner/encodedRecords';
import { NumberColumn, type ReadonlyNumberColumn } from '../src/projectionRunner/numberColumn';
import { internStrings, uninternStrings, type InternedStrings, type PackedStrings } from '../src/projectionRunner/packedColumns';
import type { Projection, SnapshotCodec } from '../src/projectionRunner/projection';
import type { ProjectedEvent } from '../src/projectionRunner/registryEvent';
import { StringColumn } from '../src/projectionRunner/stringColumn';
import type { Instant, LegalDate } from '../src/shared/time';

/**
 * Every agreement event in log order, stored as columns of numbers and shared strings rather
 * than one object per event: at a million events, objects with their own date strings would cost
 * several times the memory. Facets (states, countries, kind, themes) live once per agreement, so
 * a correction of an agreement's parties refilters all of its entries at once.
 */
export interface TimelineModel {
  /** Log position of each entry (as a number: store positions stay far below 2^53). */
  readonly positions: ReadonlyNumberColumn;
  /** Event id of each entry (packed: see StringColumn). */
  readonly eventIds: StringColumn;
  /** Index into `agreements`. */
  readonly agreementOrdinals: ReadonlyNumberColumn;
  /** Index into TIMELINE_EVENT_TYPES, plus CORRECTED_FLAG once a later event corrected the fact. */
  readonly types: ReadonlyNumberColumn;
  /** Legal date as the number YYYYMMDD (0 when the event has none, as corrections). */
  readonly validAt: ReadonlyNumberColumn;
  /** Recorded instant in milliseconds since the epoch (UTC). */
  readonly recordedAt: ReadonlyNumberColumn;
  /** Index into ROLES. */
  readonly roles: ReadonlyNumberColumn;
  /** A small per-type code: the opinion outcome, milestone kind, force mode… (see summarise). */
  readonly subCodes: ReadonlyNumberColumn;
  /** A short reference: opinion or registry number, milestone id, counterpart name, corrected event id… */
  readonly references: readonly (string | null)[];
  /**
   * Index of the previous entry of the same agreement (-1 for its first): each agreement's entries
   * form a chain ending at facets.lastEntry. Two numbers per event instead of a list per agreement,
   * whose object would be a cache miss on every event.
   */
  readonly previousEntry: ReadonlyNumberColumn;
  /** Facets of each agreement by ordinal (held encoded until changed: see EncodedRecords). */
  readonly agreements: TimelineAgreements;
  /** Id of each agreement by ordinal. */
  readonly agreementIds: readonly AgreementId[];
  readonly agreementOrdinalById: ReadonlyMap<AgreementId, number>;
  /** The facets of `agreements` as numbers, for filters that scan every agreement. */
  readonly facets: TimelineFacetColumns;
  readonly lastPosition: bigint;
}

/**
 * Facets by agreement ordinal, encoded as in AgreementColumns (bit masks, countryNumber): a scan
 * of 100k agreement objects and their lists is bound by memory latency, these arrays are not.
 */
export interface TimelineFacetColumns {
  /** Index in AGREEMENT_KINDS. */
  readonly kind: readonly number[];
  readonly stateBits: readonly number[];
  readonly themeBits: readonly number[];
  /** The first counterpart country (countryNumber), NO_COUNTRY without one. */
  readonly country: readonly number[];
  /** The first municipal party's CVEGEO as a number, -1 without one. */
  readonly municipality: readonly number[];
  /** FACET_FLAGS: the agreement has facets the numbers above do not hold; read its lists. */
  readonly flags: readonly number[];
  /** The agreement's latest entry (see previousEntry). */
  readonly lastEntry: readonly number[];
  readonly entryCount: readonly number[];
}

/** Entry indexes of agreement `ordinal`, ascending (log order). */
export const entriesOf = (model: TimelineModel, ordinal: number): number[] => {
  const entries: number[] = [];
  for (let index = model.facets.lastEntry[ordinal] ?? -1; index >= 0; index = model.previousEntry.get(index) ?? -1) entries.push(index);
  return entries.reverse();
};

export const FACET_FLAGS = { otherStates: 1, otherThemes: 2, otherCountries: 4, otherMunicipalities: 8 } as const;

/** The agreements of the timeline by ordinal; `get` of one no event changed since a load decodes a copy. */
export interface TimelineAgreements {
  readonly length: number;
  get(ordinal: number): TimelineAgreement;
}

/** The facets of one agreement, as filters of the timeline see them (current, after corrections). */
export interface TimelineAgreement {
  readonly id: AgreementId;
  readonly kind: AgreementKind;
  /** A municipality's state is listed too. */
  readonly states: readonly string[];
  readonly municipalities: readonly string[];
  readonly countries: readonly string[];
  readonly themes: readonly string[];
  readonly openingEventId: string;
  /** Country of each counterpart with the event that named it, to redo `countries` on a correction. */
  readonly counterpartCountries: readonly { readonly eventId: string; readonly country: string | undefined }[];
}

export const TIMELINE_EVENT_TYPES: readonly AgreementEventType[] = AGREEMENT_EVENT_TYPES;
export const CORRECTED_FLAG = 0x100;
export const TYPE_MASK = 0xff;
export const ROLES: readonly Role[] = ['sre-legal', 'subnational', 'parliament', 'admin', 'system'];

export interface TimelineEntry {
  readonly position: bigint;
  readonly eventId: string;
  readonly agreementId: AgreementId;
  readonly type: AgreementEventType;
  readonly validAt: LegalDate | null;
  readonly recordedAt: Instant;
  readonly actorRole: Role;
  /** Short description in Spanish. */
  readonly summary: string;
  readonly reference: string | null;
  /** A later FactCorrected replaced this fact's data; the summary and date show the corrected data. */
  readonly corrected: boolean;
}

// ---------------------------------------------------------------------------------------------
// Encodings
// ---------------------------------------------------------------------------------------------

const TYPE_CODE: ReadonlyMap<string, number> = new Map(TIMELINE_EVENT_TYPES.map((type, index) => [type, index]));
const ROLE_CODE: ReadonlyMap<string, number> = new Map(ROLES.map((role, index) => [role, index]));
const codeIn = (list: readonly string[], value: string): number => list.indexOf(value);
const digit = (text: string, index: number): number => text.charCodeAt(index) - 48;

/** `YYYY-MM-DD` → YYYYMMDD, ordered like the dates. */
export const legalDateCode = (date: string | null | undefined): number =>
  date === null || date === undefined || date.length < 10
    ? 0
    : (digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3)) * 10000 +
      (digit(date, 5) * 10 + digit(date, 6)) * 100 +
      digit(date, 8) * 10 +
      digit(date, 9);

export const legalDateOfCode = (code: number): LegalDate | null => {
  if (code === 0) return null;
  const year = Math.floor(code / 10000);
  const month = Math.floor(code / 100) % 100;
  const day = code % 100;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as LegalDate;
};

type CorrectableEvent = Exclude<AgreementEvent, { type: 'FactCorrected' }>;

// Written by detailsOf, read right after: no object per event on the hot path.
let detailSubCode = 0;
let detailReference: string | null = null;
const details = (subCode: number, reference: string | null): void => {
  detailSubCode = subCode;
  detailReference = reference;
};

/** Sets the sub-code and reference an event contributes to its entry. */
const detailsOf = (event: AgreementEvent): void => {
  switch (event.type) {
    case 'AgreementOpened':
      return details(codeIn(AGREEMENT_KINDS, event.data.kind), null);
    case 'CounterpartIdentified':
      return details(0, event.data.counterpart.name);
    case 'SreOpinionIssued':
      return details(codeIn(OPINION_OUTCOMES, event.data.outcome), event.data.opinionNumber);
    case 'ApprovalGranted':
      return details(codeIn(APPROVAL_BODIES, event.data.body), event.data.entityCode);
    case 'AgreementSigned':
      return details(0, event.data.place);
    case 'AgreementRegistered':
      return details(0, event.data.registryNumber);
    case 'AgreementEnteredIntoForce':
      return details(codeIn(FORCE_MODES, event.data.mode), null);
    case 'WorkPlanAdopted':
      return details(0, event.data.period);
    case 'CooperationMilestoneRecorded':
      return details(codeIn(MILESTONE_KINDS, event.data.kind), event.data.milestoneId);
    case 'AgreementRenewed':
      return details(codeIn(RENEWAL_MODES, event.data.mode), event.data.newEndsOn ?? null);
    case 'AgreementTerminated':
      return details(codeIn(TERMINATION_CAUSES, event.data.cause), null);
    case 'FactCorrected':
      return details(TYPE_CODE.get(event.data.correctedType) ?? 0, event.data.correctedEventId);
    case 'TextSubmittedToSre':
    case 'TextRevised':
    case 'SignedCopyFiled':
    case 'AgreementAmended':
    case 'AgreementSuspended':
    case 'AgreementResumed':
      return details(0, null);
    default: {
      const unknown: never = event;
      throw new Error(`Unknown agreement event ${String((unknown as AgreementEvent).type)}`);
    }
  }
};

// ---------------------------------------------------------------------------------------------
// Summaries, rendered on read rather than stored
// ---------------------------------------------------------------------------------------------

const KIND_ES: readonly string[] = ['hermanamiento', 'acuerdo de cooperación', 'memorándum de entendimiento', 'carta de intención', 'hermanamiento declarativo'];
const OUTCOME_ES: readonly string[] = ['favorable', 'desfavorable', 'favorable con observaciones'];
const BODY_ES: readonly string[] = ['cabildo', 'congreso local'];
const MILESTONE_ES: readonly string[] = ['visita', 'intercambio', 'proyecto', 'capacitación', 'asistencia técnica', 'informe', 'evento', 'otro'];
const CAUSE_ES: readonly string[] = ['denuncia', 'mutuo consentimiento', 'otra causa'];
const FACT_ES: Readonly<Record<AgreementEventType, string>> = {
  AgreementOpened: 'de la apertura',
  CounterpartIdentified: 'de la contraparte',
  TextSubmittedToSre: 'del envío a la SRE',
  SreOpinionIssued: 'del dictamen',
  TextRevised: 'de la revisión del texto',
  ApprovalGranted: 'de la aprobación',
  AgreementSigned: 'de la firma',
  SignedCopyFiled: 'del ejemplar firmado',
  AgreementRegistered: 'del registro',
  AgreementEnteredIntoForce: 'de la entrada en vigor',
  WorkPlanAdopted: 'del programa de trabajo',
  CooperationMilestoneRecorded: 'del hito de cooperación',
  AgreementAmended: 'de la modificación',
  AgreementRenewed: 'de la renovación',
  AgreementSuspended: 'de la suspensión',
  AgreementResumed: 'de la reanudación',
  AgreementTerminated: 'de la terminación',
  FactCorrected: 'de la corrección',
};

const at = (list: readonly string[], index: number): string => list[index] ?? '?';

export const summarise = (type: AgreementEventType, subCode: number, reference: string | null): string => {
  switch (type) {
    case 'AgreementOpened':
      return `Apertura del expediente (${at(KIND_ES, subCode)})`;
    case 'CounterpartIdentified':
      return `Contraparte identificada: ${reference ?? ''}`;
    case 'TextSubmittedToSre':
      return 'Texto enviado a la SRE para dictamen';
    case 'SreOpinionIssued':
      return `Dictamen ${reference ?? ''} de la SRE: ${at(OUTCOME_ES, subCode)}`;
    case 'TextRevised':
      return 'Texto revisado';
    case 'ApprovalGranted':
      return `Aprobación del ${at(BODY_ES, subCode)} (${reference ?? ''})`;
    case 'AgreementSigned':
      return `Firma en ${reference ?? ''}`;
    case 'SignedCopyFiled':
      return 'Ejemplar firmado archivado';
    case 'AgreementRegistered':
      return `Inscripción en el registro con el número ${reference ?? ''}`;
    case 'AgreementEnteredIntoForce':
      return subCode === 1 ? 'Inicio de la aplicación provisional' : 'Entrada en vigor';
    case 'WorkPlanAdopted':
      return `Programa de trabajo ${reference ?? ''} adoptado`;
    case 'CooperationMilestoneRecorded':
      return `Hito de cooperación: ${at(MILESTONE_ES, subCode)}`;
    case 'AgreementAmended':
      return 'Modificación del acuerdo';
    case 'AgreementRenewed':
      return `${subCode === 1 ? 'Prórroga' : 'Renovación'}${reference === null ? '' : ` hasta el ${reference}`}`;
    case 'AgreementSuspended':
      return 'Suspensión';
    case 'AgreementResumed':
      return 'Reanudación';
    case 'AgreementTerminated':
      return `Terminación (${at(CAUSE_ES, subCode)})`;
    case 'FactCorrected':
      return `Corrección ${FACT_ES[TIMELINE_EVENT_TYPES[subCode] ?? 'FactCorrected']}`;
    default: {
      const unknown: never = type;
      return String(unknown);
    }
  }
};

/** The entry at `index`, rendered. */
export const timelineEntry = (model: TimelineModel, index: number): TimelineEntry => {
  const typeCode = model.types.get(index) ?? 0;
  const type = TIMELINE_EVENT_TYPES[typeCode & TYPE_MASK] ?? 'FactCorrected';
  const subCode = model.subCodes.get(index) ?? 0;
  const reference = model.references[index] ?? null;
  return {
    position: BigInt(model.positions.get(index) ?? 0),
    eventId: model.eventIds.get(index),
    agreementId: model.agreementIds[model.agreementOrdinals.get(index) ?? 0] ?? ('' as AgreementId),
    type,
    validAt: legalDateOfCode(model.validAt.get(index) ?? 0),
    recordedAt: new Date(model.recordedAt.get(index) ?? 0).toISOString() as Instant,
    actorRole: ROLES[model.roles.get(index) ?? 0] ?? 'system',
    summary: summarise(type, subCode, reference),
    reference,
    corrected: ((model.types.get(index) ?? 0) & CORRECTED_FLAG) !== 0,
  };
};

// ---------------------------------------------------------------------------------------------
// The projection
// ---------------------------------------------------------------------------------------------

interface MutableAgreement {
  readonly id: AgreementId;
  kind: AgreementKind;
  states: string[];
  municipalities: string[];
  countries: string[];
  themes: readonly string[];
  readonly openingEventId: string;
  counterpartCountries: { readonly eventId: string; readonly country: string | undefined }[];
}

interface MutableModel {
  positions: NumberColumn<Float64Array>;
  eventIds: StringColumn;
  agreementOrdinals: NumberColumn<Int32Array>;
  types: NumberColumn<Int32Array>;
  validAt: NumberColumn<Int32Array>;
  recordedAt: NumberColumn<Float64Array>;
  roles: NumberColumn<Int32Array>;
  subCodes: NumberColumn<Int32Array>;
  references: (string | null)[];
  previousEntry: NumberColumn<Int32Array>;
  agreements: EncodedRecords<MutableAgreement>;
  agreementIds: AgreementId[];
  agreementOrdinalById: Map<AgreementId, number>;
  facets: { -readonly [K in keyof TimelineFacetColumns]: number[] };
  lastPosition: bigint;
}

const createModel = (): TimelineModel => {
  const model: MutableModel = {
    positions: NumberColumn.ofDoubles(),
    eventIds: StringColumn.empty(),
    agreementOrdinals: NumberColumn.ofIntegers(),
    types: NumberColumn.ofIntegers(),
    validAt: NumberColumn.ofIntegers(),
    recordedAt: NumberColumn.ofDoubles(),
    roles: NumberColumn.ofIntegers(),
    subCodes: NumberColumn.ofIntegers(),
    references: [],
    previousEntry: NumberColumn.ofIntegers(),
    agreements: EncodedRecords.empty(),
    agreementIds: [],
    agreementOrdinalById: new Map(),
    facets: { kind: [], stateBits: [], themeBits: [], country: [], municipality: [], flags: [], lastEntry: [], entryCount: [] },
    lastPosition: -1n,
  };
  return model;
};

const uniqueCountries = (agreement: MutableAgreement): string[] => {
  const countries: string[] = [];
  for (const { country } of agreement.counterpartCountries) if (country !== undefined && !countries.includes(country)) countries.push(country);
  return countries;
};

const setOpeningFacets = (agreement: MutableAgreement, data: AgreementEventData['AgreementOpened'], eventId: string): void => {
  agreement.kind = data.kind;
  agreement.themes = data.themes;
  const states: string[] = [];
  const municipalities: string[] = [];
  for (const party of data.parties) {
    const state = party.level === 'state' ? party.code : party.code.slice(0, 2);
    if (!states.includes(state)) states.push(state);
    if (party.level === 'municipality' && !municipalities.includes(party.code)) municipalities.push(party.code);
  }
  agreement.states = states;
  agreement.municipalities = municipalities;
  const identified = agreement.counterpartCountries.filter((known) => known.eventId !== eventId);
  agreement.counterpartCountries = [
    ...data.counterparts.map((counterpart) => ({ eventId, country: 'country' in counterpart ? counterpart.country : undefined })),
    ...identified,
  ];
  agreement.countries = uniqueCountries(agreement);
};

const apply = (timeline: TimelineModel, projected: ProjectedEvent): void => {
  const model = timeline as unknown as MutableModel;
  const { event } = projected;
  const typeCode = TYPE_CODE.get(event.type);
  // Only agreement events (policy and entity events are not on the agreements' timeline).
  if (typeCode === undefined) return;
  const agreementEvent = event as AgreementEvent;
  let ordinal: number | undefined;
  if (agreementEvent.type === 'AgreementOpened') {
    const id = agreementEvent.data.agreementId;
    ordinal = model.agreementOrdinalById.get(id);
    if (ordinal !== undefined) return;
    ordinal = model.agreements.length;
    const agreement: MutableAgreement = {
      id,
      kind: agreementEvent.data.kind,
      states: [],
      municipalities: [],
      countries: [],
      themes: [],
      openingEventId: projected.id,
      counterpartCountries: [],
    };
    setOpeningFacets(agreement, agreementEvent.data, projected.id);
    model.agreements.push(agreement);
    model.agreementIds.push(id);
    model.agreementOrdinalById.set(id, ordinal);
    model.facets.lastEntry[ordinal] = -1;
    model.facets.entryCount[ordinal] = 0;
    writeFacets(model, agreement, ordinal);
  } else {
    if (projected.agreementId === null) return;
    ordinal = model.agreementOrdinalById.get(projected.agreementId);
    if (ordinal === undefined) return;
  }
  if (agreementEvent.type === 'CounterpartIdentified') {
    const agreement = model.agreements.mutable(ordinal);
    const { country } = agreementEvent.data.counterpart as { country?: string };
    agreement.counterpartCountries.push({ eventId: projected.id, country });
    if (country !== undefined && !agreement.countries.includes(country)) {
      agreement.countries.push(country);
      writeFacets(model, agreement, ordinal);
    }
  } else if (agreementEvent.type === 'FactCorrected') {
    const agreement = model.agreements.mutable(ordinal);
    correct(model, agreement, ordinal, agreementEvent.data);
    writeFacets(model, agreement, ordinal);
  }

  const index = model.positions.length;
  detailsOf(agreementEvent);
  model.positions.push(Number(projected.position));
  model.eventIds.push(projected.id);
  model.agreementOrdinals.push(ordinal);
  model.types.push(typeCode);
  model.validAt.push(legalDateCode(agreementEventValidAt(agreementEvent)));
  model.recordedAt.push(instantMillis(projected.recordedAt));
  model.roles.push(ROLE_CODE.get(projected.role) ?? ROLE_CODE.get('system') ?? 0);
  model.subCodes.push(detailSubCode);
  model.references.push(detailReference);
  model.previousEntry.push(model.facets.lastEntry[ordinal] ?? -1);
  model.facets.lastEntry[ordinal] = index;
  model.facets.entryCount[ordinal] = (model.facets.entryCount[ordinal] ?? 0) + 1;
  model.lastPosition = projected.position;
};

const writeFacets = (model: MutableModel, agreement: MutableAgreement, ordinal: number): void => {
  const { facets } = model;
  let flags = 0;
  facets.kind[ordinal] = AGREEMENT_KINDS.indexOf(agreement.kind);
  let states = 0;
  for (const state of agreement.states) {
    const number = Number(state);
    if (state.length === 2 && number >= 1 && number <= 32) states |= 1 << (number - 1);
    else flags |= FACET_FLAGS.otherStates;
  }
  facets.stateBits[ordinal] = states;
  let themes = 0;
  for (const theme of agreement.themes) {
    const bit = THEME_BITS.get(theme);
    if (bit === undefined) flags |= FACET_FLAGS.otherThemes;
    else themes |= bit;
  }
  facets.themeBits[ordinal] = themes;
  const country = countryNumber(agreement.countries[0]);
  facets.country[ordinal] = country;
  if (agreement.countries.length > 1 || (agreement.countries.length === 1 && country === NO_COUNTRY)) flags |= FACET_FLAGS.otherCountries;
  const municipality = agreement.municipalities[0];
  const wellFormed = municipality !== undefined && /^\d{5}$/.test(municipality);
  facets.municipality[ordinal] = wellFormed ? Number(municipality) : -1;
  if (agreement.municipalities.length > 1 || (municipality !== undefined && !wellFormed)) flags |= FACET_FLAGS.otherMunicipalities;
  facets.flags[ordinal] = flags;
};

/** Shows the corrected data on the corrected fact's entry and refreshes the agreement's facets. */
const correct = (model: MutableModel, agreement: MutableAgreement, ordinal: number, data: AgreementEventData['FactCorrected']): void => {
  let target = -1;
  for (let index = model.facets.lastEntry[ordinal] ?? -1; index >= 0; index = model.previousEntry.get(index) ?? -1) {
    if (model.eventIds.get(index) === data.correctedEventId) {
      target = index;
      break;
    }
  }
  if (target < 0 || ((model.types.get(target) ?? 0) & TYPE_MASK) !== TYPE_CODE.get(data.correctedType)) return;
  const corrected = { type: data.correctedType, data: data.correctedData } as CorrectableEvent;
  detailsOf(corrected);
  model.types.set(target, (model.types.get(target) ?? 0) | CORRECTED_FLAG);
  model.validAt.set(target, legalDateCode(agreementEventValidAt(corrected)));
  model.subCodes.set(target, detailSubCode);
  model.references[target] = detailReference;
  if (corrected.type === 'AgreementOpened') {
    setOpeningFacets(agreement, corrected.data, data.correctedEventId);
  } else if (corrected.type === 'CounterpartIdentified') {
    const { country } = corrected.data.counterpart as { country?: string };
    agreement.counterpartCountries = agreement.counterpartCountries.map((known) =>
      known.eventId === data.correctedEventId ? { eventId: known.eventId, country } : known,
    );
    agreement.countries = uniqueCountries(agreement);
  }
};

/** The per-event columns as a snapshot stores them: numbers in typed arrays, strings packed. */
interface StoredTimeline
  extends Omit<
    MutableModel,
    'positions' | 'eventIds' | 'agreementOrdinals' | 'types' | 'validAt' | 'recordedAt' | 'roles' | 'subCodes' | 'references' | 'previousEntry' | 'agreements' | 'agreementOrdinalById'
  > {
  readonly agreements: EncodedRecordsData;
  readonly positions: Float64Array;
  readonly eventIds: PackedStrings;
  readonly agreementOrdinals: Int32Array;
  readonly types: Int32Array;
  readonly validAt: Int32Array;
  readonly recordedAt: Float64Array;
  readonly roles: Int32Array;
  readonly subCodes: Int32Array;
  readonly references: InternedStrings;
  readonly previousEntry: Int32Array;
}

/**
 * A million entries as typed arrays, event ids as one packed text and references (a tenth as many
 * distinct values as entries) interned, instead of millions of heap values (see packedColumns).
 */
const timelineCodec: SnapshotCodec<TimelineModel> = {
  encode: (timeline): StoredTimeline => {
    const model = timeline as unknown as MutableModel;
    return {
      ...model,
      positions: model.positions.stored(),
      eventIds: model.eventIds.toPacked(),
      agreementOrdinals: model.agreementOrdinals.stored(),
      types: model.types.stored(),
      validAt: model.validAt.stored(),
      recordedAt: model.recordedAt.stored(),
      roles: model.roles.stored(),
      subCodes: model.subCodes.stored(),
      references: internStrings(model.references),
      previousEntry: model.previousEntry.stored(),
      agreements: model.agreements.encode(),
    };
  },
  decode: (stored): TimelineModel => {
    const columns = stored as StoredTimeline;
    const model: MutableModel = {
      positions: NumberColumn.of(columns.positions),
      eventIds: StringColumn.fromPacked(columns.eventIds),
      agreementOrdinals: NumberColumn.of(columns.agreementOrdinals),
      types: NumberColumn.of(columns.types),
      validAt: NumberColumn.of(columns.validAt),
      recordedAt: NumberColumn.of(columns.recordedAt),
      roles: NumberColumn.of(columns.roles),
      subCodes: NumberColumn.of(columns.subCodes),
      references: uninternStrings(columns.references),
      previousEntry: NumberColumn.of(columns.previousEntry),
      agreements: EncodedRecords.decoded(columns.agreements),
      agreementIds: columns.agreementIds,
      agreementOrdinalById: new Map(columns.agreementIds.map((id, ordinal) => [id, ordinal])),
      facets: columns.facets,
      lastPosition: columns.lastPosition,
    };
    return model;
  },
};

export const timelineProjection: Projection<TimelineModel> = {
  name: 'timeline',
  // 2: columns for scans (agreements), facet columns (timeline). 3: snapshot codec (typed arrays, packed strings).
  // 4: event ids kept packed (StringColumn), agreements held encoded (EncodedRecords).
  version: 4,
  create: createModel,
  apply,
  snapshot: timelineCodec,
};
