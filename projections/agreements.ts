import { type AgreementEventData, type CorrectableEventType } from '../src/agreements/agreementEvents';
import { addMonths, dateOfDay, dayNumber } from '../src/shared/calendarArithmetic';
import {
  AGREEMENT_KINDS,
  type AgreementId,
  type AgreementKind,
  type ApprovalBody,
  type Counterpart,
  type ForceMode,
  type MilestoneKind,
  type OpinionOutcome,
  type RenewalMode,
  type Signatory,
  type TerminationCause,
  type Validity,
} from '../src/agreements/agreementTypes';
import { EncodedRecords, RecordsByKey, type EncodedRecordsData } from '../src/projectionRunner/encodedRecords';
import type { Projection, SnapshotCodec } from '../src/projectionRunner/projection';
import type { ProjectedEvent } from '../src/projectionRunner/registryEvent';
import { listThemes, type CountryCode, type LanguageCode, type MunicipalityCode, type SdgNumber, type StateCode, type ThemeCode } from '../src/reference';
import type { Instant, LegalDate } from '../src/shared/time';

// ---------------------------------------------------------------------------------------------
// The view
// ---------------------------------------------------------------------------------------------

export interface PartyView {
  readonly level: 'state' | 'municipality';
  readonly code: StateCode | MunicipalityCode;
  readonly agency: string;
  /** The party's state: itself for a state, the first two digits of a municipality's CVEGEO. */
  readonly stateCode: StateCode;
}

/** Its key in projections/counterparts is counterpartKey(counterpart), computed on demand. */
export interface CounterpartView {
  readonly counterpart: Counterpart;
  /** The ISO 3166-1 country, when the counterpart has one (international organisations do not). */
  readonly country: CountryCode | undefined;
  /** The AgreementOpened or CounterpartIdentified event that named it. */
  readonly eventId: string;
}

export interface OpinionView {
  readonly eventId: string;
  readonly opinionNumber: string;
  readonly outcome: OpinionOutcome;
  readonly issuedOn: LegalDate;
  /**
   * INTERNAL: the Consultoría Jurídica's observations. Kept so SRE legal staff can read them;
   * never to be shown to the public or to other roles.
   */
  readonly internalObservations: string | undefined;
}

export interface ApprovalView {
  readonly eventId: string;
  readonly body: ApprovalBody;
  readonly entityCode: string;
  readonly approvedOn: LegalDate;
  readonly reference: string;
}

export interface SignatureView {
  readonly eventId: string;
  readonly signedOn: LegalDate;
  readonly place: string;
  readonly signatories: readonly Signatory[];
  readonly languages: readonly LanguageCode[];
}

export interface RegistrationView {
  readonly eventId: string;
  readonly registryNumber: string;
  readonly registeredOn: LegalDate;
}

export interface ForceView {
  readonly eventId: string;
  readonly mode: ForceMode;
  readonly effectiveOn: LegalDate;
}

/** One suspension; `resumedOn` is the first day the agreement applies again. */
export interface SuspensionPeriod {
  readonly suspendedOn: LegalDate;
  readonly reason: string;
  readonly resumedOn: LegalDate | undefined;
}

export interface TerminationView {
  readonly eventId: string;
  readonly cause: TerminationCause;
  readonly terminatedOn: LegalDate;
  readonly reason: string;
}

export interface RenewalView {
  readonly mode: RenewalMode;
  readonly renewedOn: LegalDate;
  readonly newEndsOn: LegalDate | undefined;
}

export interface MilestoneRef {
  readonly eventId: string;
  readonly milestoneId: string;
  readonly kind: MilestoneKind;
  readonly occurredOn: LegalDate;
}

/** Where the end date comes from, so a reader can tell a stated term from a computed one. */
export type EndDateSource = 'validity' | 'duration-from-entry-into-force' | 'duration-from-signature' | 'renewal';

/** Facts the view only counts: a correction of one changes nothing, so they are not kept. */
type CountedType = 'TextRevised' | 'WorkPlanAdopted' | 'AgreementAmended';
type FoldedType = Exclude<CorrectableEventType, CountedType | 'CooperationMilestoneRecorded'>;

/** A lifecycle fact with its data, as applyFact folds it. */
type FoldedFact = { [T in FoldedType]: { readonly eventId: string; readonly type: T; readonly data: AgreementEventData[T] } }[FoldedType];

/**
 * A lifecycle fact as it stands after corrections, kept so a correction can refold the agreement.
 * A view keeps its facts as one line of JSON each in `factLog`, parsed only for a refold
 * (corrections are rare): as objects, the kept data was the largest part of the model, and as an
 * object and three strings per fact, still a quarter of the values a snapshot load builds.
 * Milestones (half of all events) are not facts here: nothing else depends on them, so they live
 * in `milestoneLog` and a correction of one is applied there directly.
 */
export type KeptFact = FoldedFact;

/** The kept facts of a view's factLog, in stream order (corrections applied). */
export const factsOf = (view: Pick<AgreementView, 'factLog'>): KeptFact[] =>
  view.factLog.length === 0
    ? []
    : view.factLog
        .slice(0, -1)
        .split('\n')
        .map((line) => {
          const [eventId, type, data] = JSON.parse(line) as [string, FoldedType, AgreementEventData[FoldedType]];
          return { eventId, type, data } as FoldedFact;
        });

const factLine = (fact: FoldedFact): string => `${JSON.stringify([fact.eventId, fact.type, fact.data])}\n`;

/** One milestone of AgreementView.milestoneLog: event id, milestone id, kind, date. */
export type MilestoneEntry = readonly [eventId: string, milestoneId: string, kind: MilestoneKind, occurredOn: LegalDate];

/** The milestones of a view's milestoneLog, in the order recorded (corrections applied). */
export const milestonesOf = (view: Pick<AgreementView, 'milestoneLog'>): MilestoneEntry[] =>
  view.milestoneLog.length === 0 ? [] : view.milestoneLog.slice(0, -1).split('\n').map((line) => JSON.parse(line) as MilestoneEntry);

const milestoneLine = (entry: MilestoneEntry): string => `${JSON.stringify(entry)}\n`;

/**
 * Current state of one agreement. Optional facts are `undefined` rather than absent so that every
 * view has the same shape (one hidden class, faster reads at 100k agreements).
 */
export interface AgreementView {
  readonly id: AgreementId;
  /** Order of opening in the log, 0, 1, 2…: the agreement's index in model.columns. */
  readonly ordinal: number;
  readonly streamName: string;
  /** Revision of the last event of the agreement's stream. */
  readonly revision: bigint;
  readonly kind: AgreementKind;
  readonly title: string;
  /** The title lower-cased, without accents or punctuation, words separated and preceded by one space. */
  readonly titleKey: string;
  readonly objectives: readonly string[];
  readonly parties: readonly PartyView[];
  readonly counterparts: readonly CounterpartView[];
  readonly themes: readonly ThemeCode[];
  readonly sdgs: readonly SdgNumber[];
  readonly languages: readonly LanguageCode[];
  readonly validity: Validity;
  readonly automaticRenewal: boolean;
  readonly openedOn: LegalDate;
  readonly openingEventId: string;
  /** Dates of every submission to the SRE, in the order recorded (the text may go back and forth). */
  readonly submissions: readonly LegalDate[];
  readonly firstSubmittedOn: LegalDate | undefined;
  readonly lastSubmittedOn: LegalDate | undefined;
  readonly opinions: readonly OpinionView[];
  readonly approvals: readonly ApprovalView[];
  readonly signature: SignatureView | undefined;
  readonly signedCopyFiledOn: LegalDate | undefined;
  readonly registration: RegistrationView | undefined;
  /** The latest force fact (provisional application may be followed by entry into force). */
  readonly force: ForceView | undefined;
  readonly provisionalApplicationOn: LegalDate | undefined;
  readonly enteredIntoForceOn: LegalDate | undefined;
  /** The first day it applied, provisionally or in force. */
  readonly forceStartedOn: LegalDate | undefined;
  /** Every suspension in the order recorded; the last one is current when it has no `resumedOn`. */
  readonly suspensions: readonly SuspensionPeriod[];
  readonly termination: TerminationView | undefined;
  readonly renewalCount: number;
  readonly lastRenewal: RenewalView | undefined;
  /** The end date set by the latest renewal or extension that set one. */
  readonly renewedEndsOn: LegalDate | undefined;
  /** Last day of the term, if it has one (see endDateSource). */
  readonly endsOn: LegalDate | undefined;
  readonly endDateSource: EndDateSource | undefined;
  readonly milestoneCount: number;
  /** The milestone with the latest date (history is backfilled, so not necessarily the last recorded). */
  readonly lastMilestone: MilestoneRef | undefined;
  readonly workPlanCount: number;
  readonly amendmentCount: number;
  readonly revisionCount: number;
  readonly correctionCount: number;
  readonly lastEventPosition: bigint;
  readonly lastRecordedAt: Instant;
  readonly createdRecordedAt: Instant;
  /** Not part of the public view: what a correction refolds, one line of JSON per fact (see factsOf). */
  readonly factLog: string;
  /**
   * Not part of the public view: each milestone as one line of JSON (see milestonesOf), one string
   * per agreement rather than four per milestone, which made millions of strings to load.
   */
  readonly milestoneLog: string;
}

/**
 * What queries filter and sort on, one array per field indexed by agreement ordinal. Scanning
 * 100k views object by object is bound by memory latency (every view, date string and title is a
 * separate heap object); the same fields as plain number arrays are scanned ten times faster.
 * Dates are day numbers (see dayNumber), NO_DAY when the fact is missing.
 */
export interface AgreementColumns {
  readonly views: AgreementViews;
  /** The agreement's id: what sorts and lists need without decoding a view. */
  readonly id: readonly AgreementId[];
  /** Index in AGREEMENT_KINDS. */
  readonly kind: readonly number[];
  /** Bit (n − 1) for state n, a municipality's state included; COLUMN_FLAGS.otherStates if a code does not fit. */
  readonly stateBits: readonly number[];
  /** Bit (n − 1) for state n when the state itself is a party. */
  readonly stateLevelBits: readonly number[];
  /** Bit (n − 1) for state n when one of its municipalities is a party. */
  readonly municipalStateBits: readonly number[];
  /** Bit i for the i-th theme of THEME_BITS; COLUMN_FLAGS.otherThemes for a theme without a bit. */
  readonly themeBits: readonly number[];
  /** Bit (n − 1) for SDG n. */
  readonly sdgBits: readonly number[];
  /** countryNumber of the counterparts' country, NO_COUNTRY without one; COLUMN_FLAGS.otherCountries when there are several. */
  readonly country: readonly number[];
  readonly openedDay: readonly number[];
  readonly signedDay: readonly number[];
  readonly registeredDay: readonly number[];
  readonly forceStartDay: readonly number[];
  readonly enteredIntoForceDay: readonly number[];
  /** Last day of the term; NO_DAY without one or with automatic renewal (the term never runs out). */
  readonly endDay: readonly number[];
  readonly terminatedDay: readonly number[];
  /** COLUMN_FLAGS. */
  readonly flags: readonly number[];
  /** lastRecordedAt (ISO instants order as text, as sortAgreements compares them). */
  readonly recordedAt: readonly Instant[];
  readonly titleKey: readonly string[];
}

export const NO_DAY = 0x3fffffff;
export const NO_COUNTRY = -1;
export const COLUMN_FLAGS = { suspensions: 1, otherStates: 2, otherThemes: 4, otherCountries: 8 } as const;

/** An ISO 3166-1 alpha-2 code as a number 0–675 (NO_COUNTRY for anything else): no string to follow in a scan. */
export const countryNumber = (code: string | undefined): number => {
  if (code === undefined || code.length !== 2) return NO_COUNTRY;
  const first = code.charCodeAt(0) - 65;
  const second = code.charCodeAt(1) - 65;
  return first >= 0 && first < 26 && second >= 0 && second < 26 ? first * 26 + second : NO_COUNTRY;
};
/** Themes with a bit in AgreementColumns.themeBits: the first 31 of the vocabulary. */
export const THEME_BITS: ReadonlyMap<string, number> = new Map(
  listThemes()
    .slice(0, 31)
    .map((theme, index) => [theme.code, 1 << index]),
);

/**
 * The views by ordinal. The projection's own are held encoded until an event changes them (see
 * EncodedRecords): `get` of an untouched one decodes a copy, so read views, never change them.
 */
export interface AgreementViews extends Iterable<AgreementView> {
  readonly length: number;
  /** The view with this ordinal, 0 <= ordinal < length. */
  get(ordinal: number): AgreementView;
}

/** Views of a plain array (a model that does not come from the projection), by ordinal. */
export const agreementViewsOf = (views: readonly AgreementView[]): AgreementViews => ({
  length: views.length,
  get: (ordinal) => {
    const view = views[ordinal];
    if (view === undefined) throw new RangeError(`no agreement with ordinal ${ordinal}`);
    return view;
  },
  [Symbol.iterator]: () => views[Symbol.iterator](),
});

export interface AgreementsModel {
  readonly agreements: ReadonlyMap<AgreementId, AgreementView>;
  /**
   * The ordinal of every agreement of the projection, in order of opening: a lookup that decodes
   * no view. A reader's restricted model shares the projection's (hidden agreements included).
   */
  readonly ordinals: ReadonlyMap<AgreementId, number>;
  /** The same views, all and only them, by ordinal: byOrdinal.get(view.ordinal) is view. */
  readonly byOrdinal: AgreementViews;
  /**
   * Kept by the projection (its `views` is byOrdinal itself). A model derived from it with other
   * views or ordinals (a reader's restricted model) leaves it out: queries then build columns from
   * byOrdinal, once per model object.
   */
  readonly columns?: AgreementColumns;
  /** A municipality's agreements count for its state too. */
  readonly byState: ReadonlyMap<string, ReadonlySet<AgreementId>>;
  readonly byMunicipality: ReadonlyMap<string, ReadonlySet<AgreementId>>;
  readonly byCountry: ReadonlyMap<string, ReadonlySet<AgreementId>>;
  readonly byKind: ReadonlyMap<string, ReadonlySet<AgreementId>>;
  readonly byTheme: ReadonlyMap<string, ReadonlySet<AgreementId>>;
  readonly bySdg: ReadonlyMap<number, ReadonlySet<AgreementId>>;
  /** Position of the last event that changed the model (-1 before any): a key for caches of query results. */
  readonly lastPosition: bigint;
}

// ---------------------------------------------------------------------------------------------
// Derived status (pure: the model never reads a clock)
// ---------------------------------------------------------------------------------------------

export const AGREEMENT_STATUSES = [
  'draft',
  'under-sre-review',
  'opinion-issued',
  'declaratory',
  'signed',
  'registered',
  'in-force',
  'suspended',
  'expired',
  'terminated',
] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/**
 * The status on `today`, as the registry now knows the facts. Every step counts only from its own
 * legal date, so a past `today` gives the status on that day. First match wins:
 * 1. terminated: a termination dated on or before today (an explicit fact beats a term that ran out);
 * 2. expired: signed, the end date is before today and there is no automatic renewal;
 * 3. suspended: a suspension covers today (suspendedOn ≤ today < resumedOn);
 * 4. in-force: in force or provisionally applied since on or before today (view.force tells which);
 * 5. registered; 6. signed;
 * 7. declaratory: a declaratory twinning with no signature;
 * 8. opinion-issued: the latest opinion is not older than the latest submission;
 * 9. under-sre-review: submitted, no opinion since; 10. draft.
 */
export const agreementStatus = (view: AgreementView, today: LegalDate): AgreementStatus => {
  if (view.termination && view.termination.terminatedOn <= today) return 'terminated';
  const signedOn = view.signature?.signedOn;
  const signed = signedOn !== undefined && signedOn <= today;
  if (signed && expiredOn(view, today)) return 'expired';
  if (suspendedOn(view, today)) return 'suspended';
  if (view.forceStartedOn !== undefined && view.forceStartedOn <= today) return 'in-force';
  if (view.registration && view.registration.registeredOn <= today) return 'registered';
  if (signed) return 'signed';
  if (view.kind === 'declaratory-twinning') return 'declaratory';
  // Submissions and opinions are compared by date: the latest of each on or before today.
  let lastSubmission: LegalDate | undefined;
  for (const submittedOn of view.submissions) {
    if (submittedOn <= today && (lastSubmission === undefined || submittedOn > lastSubmission)) lastSubmission = submittedOn;
  }
  let lastOpinion: LegalDate | undefined;
  for (const opinion of view.opinions) {
    if (opinion.issuedOn <= today && (lastOpinion === undefined || opinion.issuedOn > lastOpinion)) lastOpinion = opinion.issuedOn;
  }
  if (lastOpinion !== undefined && (lastSubmission === undefined || lastOpinion >= lastSubmission)) return 'opinion-issued';
  if (lastSubmission !== undefined) return 'under-sre-review';
  return 'draft';
};

/** The term ran out before `date`: the end date is the last day the agreement applies. */
const expiredOn = (view: AgreementView, date: LegalDate): boolean =>
  !view.automaticRenewal && view.endsOn !== undefined && view.endsOn < date;

const suspendedOn = (view: AgreementView, date: LegalDate): boolean => {
  for (const period of view.suspensions) {
    if (period.suspendedOn <= date && (period.resumedOn === undefined || date < period.resumedOn)) return true;
  }
  return false;
};

/**
 * Whether the agreement applied (in force or provisionally) on some day of [from, to], both
 * inclusive and either open: it began on or before that day, was not terminated on or before it,
 * its term had not run out and no suspension covered it.
 */
export const wasInForceDuring = (view: AgreementView, from: LegalDate | undefined, to: LegalDate | undefined): boolean => {
  if (view.forceStartedOn === undefined) return false;
  let low = dayNumber(view.forceStartedOn);
  if (from !== undefined) low = Math.max(low, dayNumber(from));
  // `high` is exclusive.
  let high = Number.POSITIVE_INFINITY;
  if (to !== undefined) high = dayNumber(to) + 1;
  if (view.termination) high = Math.min(high, dayNumber(view.termination.terminatedOn));
  if (!view.automaticRenewal && view.endsOn !== undefined) high = Math.min(high, dayNumber(view.endsOn) + 1);
  if (low >= high) return false;
  const periods = view.suspensions;
  if (periods.length === 0) return true;
  const ordered = periods.length === 1 ? periods : [...periods].sort((a, b) => (a.suspendedOn < b.suspendedOn ? -1 : a.suspendedOn > b.suspendedOn ? 1 : 0));
  let cursor = low;
  for (const period of ordered) {
    if (cursor >= high) return false;
    const start = dayNumber(period.suspendedOn);
    if (start > cursor) return true;
    const end = period.resumedOn === undefined ? Number.POSITIVE_INFINITY : dayNumber(period.resumedOn);
    if (end > cursor) cursor = end;
  }
  return cursor < high;
};

/**
 * agreementStatus read from the columns, with `todayDay` = dayNumber(today): the same answer
 * (the tests check it), touching the view only for suspensions and the steps before signature.
 */
export const agreementStatusAt = (columns: AgreementColumns, ordinal: number, today: LegalDate, todayDay: number): AgreementStatus => {
  if ((columns.terminatedDay[ordinal] as number) <= todayDay) return 'terminated';
  const signed = (columns.signedDay[ordinal] as number) <= todayDay;
  if (signed && (columns.endDay[ordinal] as number) < todayDay) return 'expired';
  if (((columns.flags[ordinal] as number) & COLUMN_FLAGS.suspensions) !== 0) return agreementStatus(columns.views.get(ordinal), today);
  if ((columns.forceStartDay[ordinal] as number) <= todayDay) return 'in-force';
  if ((columns.registeredDay[ordinal] as number) <= todayDay) return 'registered';
  if (signed) return 'signed';
  if (columns.kind[ordinal] === DECLARATORY) return 'declaratory';
  return agreementStatus(columns.views.get(ordinal), today);
};
const DECLARATORY = AGREEMENT_KINDS.indexOf('declaratory-twinning');

/** wasInForceDuring read from the columns, with day numbers (undefined for an open end). */
export const wasInForceDuringAt = (columns: AgreementColumns, ordinal: number, fromDay: number | undefined, toDay: number | undefined): boolean => {
  const start = columns.forceStartDay[ordinal] as number;
  if (start === NO_DAY) return false;
  if (((columns.flags[ordinal] as number) & COLUMN_FLAGS.suspensions) !== 0) {
    const view = columns.views.get(ordinal);
    return wasInForceDuring(view, fromDay === undefined ? undefined : dateOfDay(fromDay), toDay === undefined ? undefined : dateOfDay(toDay));
  }
  const low = fromDay === undefined ? start : Math.max(start, fromDay);
  let high = toDay === undefined ? NO_DAY : toDay + 1;
  const terminated = columns.terminatedDay[ordinal] as number;
  if (terminated < high) high = terminated;
  const end = columns.endDay[ordinal] as number;
  if (end !== NO_DAY && end + 1 < high) high = end + 1;
  return low < high;
};


/** In force (or provisionally applied) on `date`: what Parliament asks about a past day. */
export const isInForceOn = (view: AgreementView, date: LegalDate): boolean => wasInForceDuring(view, date, date);

/** The force mode that applied on `date`, for an agreement in force then. */
export const forceModeOn = (view: AgreementView, date: LegalDate): ForceMode =>
  view.enteredIntoForceOn !== undefined && view.enteredIntoForceOn <= date ? 'in-force' : 'provisional-application';

// ---------------------------------------------------------------------------------------------
// Date and text helpers (hot paths: no luxon, no regex per event)
// ---------------------------------------------------------------------------------------------

const digit = (text: string, index: number): number => text.charCodeAt(index) - 48;



export { dateOfDay, dayNumber };

/** Month arithmetic for rebuilds (see calendarArithmetic: luxon is too slow per event). */
export const addMonthsToLegalDate = addMonths;

/** searchKey by the book: slow (two Unicode regexes and NFD on the whole text), kept as the reference. */
const searchKeyByRegex = (text: string): string => {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  return words.length === 0 ? '' : ` ${words.join(' ')}`;
};

// Latin-1 Supplement and Latin Extended-A/B, folded once at load with searchKeyByRegex into one
// char code each (0: a separator; REGEX: a fold longer than one char, left to the regex path).
// Spanish, French, Portuguese… titles then never reach the regex path.
const FOLD_FROM = 0xa0;
const FOLD_TO = 0x24f;
const REGEX = 0xffff;
const FOLDED = Uint16Array.from({ length: FOLD_TO - FOLD_FROM + 1 }, (_, offset) => {
  const folded = searchKeyByRegex(String.fromCharCode(FOLD_FROM + offset)).trim();
  return folded.length === 0 ? 0 : folded.length === 1 ? folded.charCodeAt(0) : REGEX;
});
let keyBuffer = new Uint16Array(256);

/**
 * Text for matching: lower case, accents and other marks removed, punctuation turned into spaces,
 * each word preceded by one space so that " word" finds a word start with `includes`. One pass
 * over the characters into a reusable buffer, ~10x faster than the regex version it equals (the
 * tests check it) and one flat string at the end; text in other scripts takes the regex path.
 */
export const searchKey = (text: string): string => {
  if (text.length > 4096) return searchKeyByRegex(text);
  if (keyBuffer.length < text.length * 2) keyBuffer = new Uint16Array(text.length * 2);
  const buffer = keyBuffer;
  let length = 0;
  let wordStart = true;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    let letter = 0;
    if (code < 0x80) {
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) letter = code;
      else if (code >= 0x41 && code <= 0x5a) letter = code + 0x20;
    } else if (code >= FOLD_FROM && code <= FOLD_TO) {
      letter = FOLDED[code - FOLD_FROM] as number;
      if (letter === REGEX) return searchKeyByRegex(text);
    } else if (code >= 0x300 && code <= 0x36f) {
      // A combining mark of decomposed text: dropped, and it does not break the word.
      continue;
    } else if (code < 0x2000 || code > 0x206f) {
      // Beyond Latin (the block 2000–206F is general punctuation: separators).
      return searchKeyByRegex(text);
    }
    if (letter === 0) {
      wordStart = true;
      continue;
    }
    if (wordStart) {
      buffer[length++] = 0x20;
      wordStart = false;
    }
    buffer[length++] = letter;
  }
  return length === 0 ? '' : String.fromCharCode.apply(null, buffer.subarray(0, length) as unknown as number[]);
};

/** Exported for the equivalence test only. */
export const searchKeySlow = searchKeyByRegex;

// ---------------------------------------------------------------------------------------------
// The projection
// ---------------------------------------------------------------------------------------------

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface MutableView extends Omit<Mutable<AgreementView>, 'submissions' | 'parties' | 'counterparts' | 'opinions' | 'approvals' | 'suspensions'> {
  submissions: LegalDate[];
  parties: PartyView[];
  counterparts: CounterpartView[];
  opinions: OpinionView[];
  approvals: ApprovalView[];
  suspensions: Mutable<SuspensionPeriod>[];
}

type MutableColumns = { -readonly [K in Exclude<keyof AgreementColumns, 'views'>]: AgreementColumns[K] extends readonly (infer T)[] ? T[] : never } & {
  readonly views: AgreementViews;
};

interface MutableModel {
  /** Ordinal of each agreement, in order of opening (so its keys are the ids by ordinal). */
  ordinals: Map<AgreementId, number>;
  agreements: RecordsByKey<AgreementId, MutableView>;
  byOrdinal: EncodedRecords<MutableView>;
  columns: MutableColumns;
  byState: Map<string, Set<AgreementId>>;
  byMunicipality: Map<string, Set<AgreementId>>;
  byCountry: Map<string, Set<AgreementId>>;
  byKind: Map<string, Set<AgreementId>>;
  byTheme: Map<string, Set<AgreementId>>;
  bySdg: Map<number, Set<AgreementId>>;
  lastPosition: bigint;
}

const createModel = (): AgreementsModel => {
  const ordinals = new Map<AgreementId, number>();
  const byOrdinal = EncodedRecords.empty<MutableView>();
  const model: MutableModel = {
    ordinals,
    agreements: new RecordsByKey(ordinals, byOrdinal),
    byOrdinal,
    columns: emptyColumns(byOrdinal),
    byState: new Map(),
    byMunicipality: new Map(),
    byCountry: new Map(),
    byKind: new Map(),
    byTheme: new Map(),
    bySdg: new Map(),
    lastPosition: -1n,
  };
  return model;
};

// Lists most agreements never fill share one empty array, replaced by a list of their own on the
// first push (see `own`): 100k agreements would otherwise each carry several empty arrays. Never
// push to it: after a snapshot is read back, views share the deserialised copy.
const EMPTY: readonly never[] = [];
const own = <T>(list: T[]): T[] => (list.length === 0 ? [] : list);

const STATE_CODES: readonly StateCode[] = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0') as StateCode);
/** The state of a CVEGEO as a shared constant string, not a fresh two-character copy per party. */
const stateOf = (code: string): StateCode =>
  STATE_CODES[(code.charCodeAt(0) - 48) * 10 + (code.charCodeAt(1) - 48)] ?? (code.slice(0, 2) as StateCode);
const NO_VALIDITY: Validity = { automaticRenewal: false };

// Fields every event touches come first: V8 lays them out in this order, so most events touch one
// or two cache lines of a view rather than its whole length.
const blankView = (id: AgreementId, ordinal: number, streamName: string, projected: ProjectedEvent): MutableView => ({
  id,
  ordinal,
  revision: projected.revision,
  lastEventPosition: projected.position,
  lastRecordedAt: projected.recordedAt,
  milestoneCount: 0,
  lastMilestone: undefined,
  milestoneLog: '',
  workPlanCount: 0,
  factLog: '',
  streamName,
  kind: 'twinning',
  title: '',
  titleKey: '',
  objectives: EMPTY,
  parties: EMPTY as never[],
  counterparts: EMPTY as never[],
  themes: EMPTY,
  sdgs: EMPTY,
  languages: EMPTY,
  validity: NO_VALIDITY,
  automaticRenewal: false,
  openedOn: '' as LegalDate,
  openingEventId: projected.id,
  submissions: EMPTY as never[],
  firstSubmittedOn: undefined,
  lastSubmittedOn: undefined,
  opinions: EMPTY as never[],
  approvals: EMPTY as never[],
  signature: undefined,
  signedCopyFiledOn: undefined,
  registration: undefined,
  force: undefined,
  provisionalApplicationOn: undefined,
  enteredIntoForceOn: undefined,
  forceStartedOn: undefined,
  suspensions: EMPTY as never[],
  termination: undefined,
  renewalCount: 0,
  lastRenewal: undefined,
  renewedEndsOn: undefined,
  endsOn: undefined,
  endDateSource: undefined,
  amendmentCount: 0,
  revisionCount: 0,
  correctionCount: 0,
  createdRecordedAt: projected.recordedAt,
});

/** Clears everything the kept facts determine, before a refold (milestones and counts stay). */
const resetFolded = (view: MutableView): void => {
  view.parties = EMPTY as never[];
  view.counterparts = EMPTY as never[];
  view.submissions = EMPTY as never[];
  view.firstSubmittedOn = undefined;
  view.lastSubmittedOn = undefined;
  view.opinions = EMPTY as never[];
  view.approvals = EMPTY as never[];
  view.signature = undefined;
  view.signedCopyFiledOn = undefined;
  view.registration = undefined;
  view.force = undefined;
  view.provisionalApplicationOn = undefined;
  view.enteredIntoForceOn = undefined;
  view.forceStartedOn = undefined;
  view.suspensions = EMPTY as never[];
  view.termination = undefined;
  view.renewalCount = 0;
  view.lastRenewal = undefined;
  view.renewedEndsOn = undefined;
  view.endsOn = undefined;
  view.endDateSource = undefined;
};

const counterpartView = (counterpart: Counterpart, eventId: string): CounterpartView => ({
  counterpart,
  country: 'country' in counterpart ? counterpart.country : undefined,
  eventId,
});


const folded = (eventId: string, type: FoldedType, data: AgreementEventData[FoldedType]): FoldedFact => ({ eventId, type, data }) as FoldedFact;

/** The latest-dated milestone (ties: the later record, the registry's latest word on that day). */
const lastMilestoneOf = (entries: readonly MilestoneEntry[]): MilestoneRef | undefined => {
  let latest: MilestoneEntry | undefined;
  for (const entry of entries) if (latest === undefined || entry[3] >= latest[3]) latest = entry;
  if (latest === undefined) return undefined;
  return { eventId: latest[0], milestoneId: latest[1], kind: latest[2], occurredOn: latest[3] };
};

const updateEndDate = (view: MutableView): void => {
  if (view.renewedEndsOn !== undefined) {
    view.endsOn = view.renewedEndsOn;
    view.endDateSource = 'renewal';
  } else if (view.validity.endsOn !== undefined) {
    view.endsOn = view.validity.endsOn;
    view.endDateSource = 'validity';
  } else if (view.validity.durationMonths !== undefined && view.enteredIntoForceOn !== undefined) {
    view.endsOn = addMonthsToLegalDate(view.enteredIntoForceOn, view.validity.durationMonths);
    view.endDateSource = 'duration-from-entry-into-force';
  } else if (view.validity.durationMonths !== undefined && view.signature !== undefined) {
    view.endsOn = addMonthsToLegalDate(view.signature.signedOn, view.validity.durationMonths);
    view.endDateSource = 'duration-from-signature';
  } else {
    view.endsOn = undefined;
    view.endDateSource = undefined;
  }
};

/** Folds one fact (as it stands after corrections) into the view, in place. */
const applyFact = (view: MutableView, fact: FoldedFact): void => {
  switch (fact.type) {
    case 'AgreementOpened': {
      const data = fact.data;
      view.openingEventId = fact.eventId;
      view.kind = data.kind;
      view.title = data.title;
      view.titleKey = searchKey(data.title);
      view.objectives = data.objectives;
      view.themes = data.themes;
      view.sdgs = data.sdgs;
      view.languages = data.languages;
      view.validity = data.validity;
      view.automaticRenewal = data.validity.automaticRenewal;
      view.openedOn = data.openedOn;
      view.parties = data.parties.map((party) => ({
        level: party.level,
        code: party.code,
        agency: party.agency,
        stateCode: stateOf(party.code),
      }));
      // The opening is always the first fact: counterparts identified later come after its own.
      view.counterparts = data.counterparts.map((counterpart) => counterpartView(counterpart, fact.eventId));
      updateEndDate(view);
      return;
    }
    case 'CounterpartIdentified':
      view.counterparts = own(view.counterparts);
      view.counterparts.push(counterpartView(fact.data.counterpart, fact.eventId));
      return;
    case 'TextSubmittedToSre': {
      const on = fact.data.submittedOn;
      view.submissions = own(view.submissions);
      view.submissions.push(on);
      if (view.firstSubmittedOn === undefined || on < view.firstSubmittedOn) view.firstSubmittedOn = on;
      if (view.lastSubmittedOn === undefined || on >= view.lastSubmittedOn) view.lastSubmittedOn = on;
      return;
    }
    case 'SreOpinionIssued': {
      const { opinionNumber, outcome, issuedOn, observations } = fact.data;
      view.opinions = own(view.opinions);
      view.opinions.push({ eventId: fact.eventId, opinionNumber, outcome, issuedOn, internalObservations: observations });
      return;
    }
    case 'ApprovalGranted': {
      const { body, entityCode, approvedOn, reference } = fact.data;
      view.approvals = own(view.approvals);
      view.approvals.push({ eventId: fact.eventId, body, entityCode, approvedOn, reference });
      return;
    }
    case 'AgreementSigned': {
      const { signedOn, place, signatories, languages } = fact.data;
      view.signature = { eventId: fact.eventId, signedOn, place, signatories, languages };
      updateEndDate(view);
      return;
    }
    case 'SignedCopyFiled':
      view.signedCopyFiledOn = fact.data.filedOn;
      return;
    case 'AgreementRegistered':
      view.registration = { eventId: fact.eventId, registryNumber: fact.data.registryNumber, registeredOn: fact.data.registeredOn };
      return;
    case 'AgreementEnteredIntoForce': {
      const { mode, effectiveOn } = fact.data;
      view.force = { eventId: fact.eventId, mode, effectiveOn };
      if (mode === 'in-force') view.enteredIntoForceOn = effectiveOn;
      else view.provisionalApplicationOn = effectiveOn;
      if (view.forceStartedOn === undefined || effectiveOn < view.forceStartedOn) view.forceStartedOn = effectiveOn;
      updateEndDate(view);
      return;
    }
    case 'AgreementRenewed': {
      const { mode, renewedOn, newEndsOn } = fact.data;
      view.renewalCount += 1;
      view.lastRenewal = { mode, renewedOn, newEndsOn };
      if (newEndsOn !== undefined) {
        view.renewedEndsOn = newEndsOn;
        updateEndDate(view);
      }
      return;
    }
    case 'AgreementSuspended':
      view.suspensions = own(view.suspensions);
      view.suspensions.push({ suspendedOn: fact.data.suspendedOn, reason: fact.data.reason, resumedOn: undefined });
      return;
    case 'AgreementResumed': {
      const current = view.suspensions[view.suspensions.length - 1];
      if (current !== undefined && current.resumedOn === undefined) current.resumedOn = fact.data.resumedOn;
      return;
    }
    case 'AgreementTerminated': {
      const { cause, terminatedOn, reason } = fact.data;
      view.termination = { eventId: fact.eventId, cause, terminatedOn, reason };
      return;
    }
    default: {
      const unknown: never = fact;
      throw new Error(`Unknown agreement fact ${String((unknown as FoldedFact).type)}`);
    }
  }
};

const addTo = <K>(index: Map<K, Set<AgreementId>>, key: K, id: AgreementId): void => {
  let ids = index.get(key);
  if (ids === undefined) {
    ids = new Set();
    index.set(key, ids);
  }
  ids.add(id);
};

const removeFrom = <K>(index: Map<K, Set<AgreementId>>, key: K, id: AgreementId): void => {
  const ids = index.get(key);
  if (ids === undefined) return;
  ids.delete(id);
  if (ids.size === 0) index.delete(key);
};

const indexAgreement = (model: MutableModel, view: MutableView, add: boolean): void => {
  const update = add ? addTo : removeFrom;
  const { id } = view;
  update(model.byKind, view.kind, id);
  for (const party of view.parties) {
    update(model.byState, party.stateCode, id);
    if (party.level === 'municipality') update(model.byMunicipality, party.code, id);
  }
  for (const counterpart of view.counterparts) if (counterpart.country !== undefined) update(model.byCountry, counterpart.country, id);
  for (const theme of view.themes) update(model.byTheme, theme, id);
  for (const sdg of view.sdgs) update(model.bySdg, sdg, id);
};

const dayOr = (date: string | undefined): number => (date === undefined ? NO_DAY : dayNumber(date));

/** The column values of one agreement, written from its view. */
const writeColumns = (columns: MutableColumns, view: AgreementView): void => {
  const at = view.ordinal;
  columns.id[at] = view.id;
  columns.kind[at] = AGREEMENT_KINDS.indexOf(view.kind);
  let flags = 0;
  let states = 0;
  let stateLevel = 0;
  let municipal = 0;
  for (const party of view.parties) {
    const state = (party.stateCode.charCodeAt(0) - 48) * 10 + (party.stateCode.charCodeAt(1) - 48);
    if (party.stateCode.length === 2 && state >= 1 && state <= 32) {
      const bit = 1 << (state - 1);
      states |= bit;
      if (party.level === 'state') stateLevel |= bit;
      else municipal |= bit;
    } else {
      flags |= COLUMN_FLAGS.otherStates;
    }
  }
  columns.stateBits[at] = states;
  columns.stateLevelBits[at] = stateLevel;
  columns.municipalStateBits[at] = municipal;
  let themes = 0;
  for (const theme of view.themes) {
    const bit = THEME_BITS.get(theme);
    if (bit === undefined) flags |= COLUMN_FLAGS.otherThemes;
    else themes |= bit;
  }
  columns.themeBits[at] = themes;
  let sdgs = 0;
  for (const sdg of view.sdgs) sdgs |= 1 << (sdg - 1);
  columns.sdgBits[at] = sdgs;
  let country = NO_COUNTRY;
  for (const counterpart of view.counterparts) {
    if (counterpart.country === undefined) continue;
    const number = countryNumber(counterpart.country);
    if (number === NO_COUNTRY || (country !== NO_COUNTRY && number !== country)) flags |= COLUMN_FLAGS.otherCountries;
    else country = number;
  }
  columns.country[at] = country;
  columns.openedDay[at] = dayOr(view.openedOn);
  columns.signedDay[at] = dayOr(view.signature?.signedOn);
  columns.registeredDay[at] = dayOr(view.registration?.registeredOn);
  columns.forceStartDay[at] = dayOr(view.forceStartedOn);
  columns.enteredIntoForceDay[at] = dayOr(view.enteredIntoForceOn);
  columns.endDay[at] = view.automaticRenewal ? NO_DAY : dayOr(view.endsOn);
  columns.terminatedDay[at] = dayOr(view.termination?.terminatedOn);
  if (view.suspensions.length > 0) flags |= COLUMN_FLAGS.suspensions;
  columns.flags[at] = flags;
  columns.recordedAt[at] = view.lastRecordedAt;
  columns.titleKey[at] = view.titleKey;
};

const emptyColumns = (views: AgreementViews): MutableColumns => ({
  views,
  id: [],
  kind: [],
  stateBits: [],
  stateLevelBits: [],
  municipalStateBits: [],
  themeBits: [],
  sdgBits: [],
  country: [],
  openedDay: [],
  signedDay: [],
  registeredDay: [],
  forceStartDay: [],
  enteredIntoForceDay: [],
  endDay: [],
  terminatedDay: [],
  flags: [],
  recordedAt: [],
  titleKey: [],
});

/** Columns of `views` (indexed by their ordinals), for a model that does not carry the projection's. */
export const columnsOfViews = (views: AgreementViews): AgreementColumns => {
  const columns = emptyColumns(views);
  for (const view of views) writeColumns(columns, view);
  return columns;
};

/** Milliseconds of an instant; the registry writes `YYYY-MM-DDTHH:mm:ss.sssZ`, parsed without Date.parse. */
export const instantMillis = (instant: string): number => {
  if (instant.length !== 24 || instant.charCodeAt(23) !== 90 /* Z */) return Date.parse(instant);
  return Date.UTC(
    digit(instant, 0) * 1000 + digit(instant, 1) * 100 + digit(instant, 2) * 10 + digit(instant, 3),
    digit(instant, 5) * 10 + digit(instant, 6) - 1,
    digit(instant, 8) * 10 + digit(instant, 9),
    digit(instant, 11) * 10 + digit(instant, 12),
    digit(instant, 14) * 10 + digit(instant, 15),
    digit(instant, 17) * 10 + digit(instant, 18),
    digit(instant, 20) * 100 + digit(instant, 21) * 10 + digit(instant, 22),
  );
};

const apply = (agreements: AgreementsModel, projected: ProjectedEvent): void => {
  const model = agreements as unknown as MutableModel;
  const { event } = projected;
  switch (event.type) {
    case 'AgreementOpened': {
      const id = event.data.agreementId;
      // The decider never opens an agreement twice; a replayed opening changes nothing.
      if (model.ordinals.has(id)) return;
      const view = blankView(id, model.columns.views.length, projected.streamName, projected);
      const fact: FoldedFact = { eventId: projected.id, type: 'AgreementOpened', data: event.data };
      view.factLog += factLine(fact);
      applyFact(view, fact);
      model.ordinals.set(id, view.ordinal);
      model.byOrdinal.push(view);
      writeColumns(model.columns, view);
      indexAgreement(model, view, true);
      model.lastPosition = projected.position;
      return;
    }
    case 'CooperationMilestoneRecorded': {
      // Half of all events: no fact kept, no column but the recording time. The view is changed
      // when next read (EncodedRecords.update), so a replay after a history snapshot decodes only
      // the views other events change.
      const ordinal = ordinalOf(model, projected);
      if (ordinal === undefined) return;
      const { milestoneId, kind, occurredOn } = event.data;
      const { id: eventId, revision, position, recordedAt } = projected;
      model.byOrdinal.update(ordinal, (view) => {
        view.milestoneLog += milestoneLine([eventId, milestoneId, kind, occurredOn]);
        view.milestoneCount += 1;
        const last = view.lastMilestone as Mutable<MilestoneRef> | undefined;
        // Ties go to the later record, as the registry's latest word on that day. Updated in place:
        // the object is the view's own, and a new one per milestone would be half a million objects.
        if (last === undefined) {
          view.lastMilestone = { eventId, milestoneId, kind, occurredOn };
        } else if (occurredOn >= last.occurredOn) {
          last.eventId = eventId;
          last.milestoneId = milestoneId;
          last.kind = kind;
          last.occurredOn = occurredOn;
        }
        touchView(view, revision, position, recordedAt);
      });
      touchModel(model, ordinal, projected);
      return;
    }
    case 'TextRevised':
    case 'WorkPlanAdopted':
    case 'AgreementAmended': {
      const ordinal = ordinalOf(model, projected);
      if (ordinal === undefined) return;
      const { type } = event;
      const { revision, position, recordedAt } = projected;
      model.byOrdinal.update(ordinal, (view) => {
        if (type === 'TextRevised') view.revisionCount += 1;
        else if (type === 'WorkPlanAdopted') view.workPlanCount += 1;
        else view.amendmentCount += 1;
        touchView(view, revision, position, recordedAt);
      });
      touchModel(model, ordinal, projected);
      return;
    }
    case 'CounterpartIdentified':
    case 'TextSubmittedToSre':
    case 'SreOpinionIssued':
    case 'ApprovalGranted':
    case 'AgreementSigned':
    case 'SignedCopyFiled':
    case 'AgreementRegistered':
    case 'AgreementEnteredIntoForce':
    case 'AgreementRenewed':
    case 'AgreementSuspended':
    case 'AgreementResumed':
    case 'AgreementTerminated': {
      const view = viewOf(model, projected);
      if (view === undefined) return;
      const fact = folded(projected.id, event.type, event.data);
      view.factLog += factLine(fact);
      applyFact(view, fact);
      if (event.type === 'CounterpartIdentified') {
        const added = view.counterparts[view.counterparts.length - 1];
        if (added?.country !== undefined) addTo(model.byCountry, added.country, view.id);
      }
      touch(model, view, projected);
      // Submissions, opinions, approvals and filed copies change no column but the recording time.
      if (event.type !== 'TextSubmittedToSre' && event.type !== 'SreOpinionIssued' && event.type !== 'ApprovalGranted' && event.type !== 'SignedCopyFiled') {
        writeColumns(model.columns, view);
      }
      return;
    }
    case 'FactCorrected': {
      const view = viewOf(model, projected);
      if (view === undefined) return;
      const { correctedEventId, correctedType, correctedData } = event.data;
      view.correctionCount += 1;
      if (correctedType === 'CooperationMilestoneRecorded') {
        correctMilestone(view, correctedEventId, correctedData as AgreementEventData['CooperationMilestoneRecorded']);
      } else if (correctedType !== 'TextRevised' && correctedType !== 'WorkPlanAdopted' && correctedType !== 'AgreementAmended') {
        const kept = factsOf(view);
        const index = kept.findIndex((fact) => fact.eventId === correctedEventId);
        // The decider checks both; a correction it would refuse changes nothing here either.
        if (index >= 0 && kept[index]?.type === correctedType) {
          kept[index] = folded(correctedEventId, correctedType, correctedData as AgreementEventData[FoldedType]);
          view.factLog = kept.map(factLine).join('');
          indexAgreement(model, view, false);
          resetFolded(view);
          for (const fact of kept) applyFact(view, fact);
          indexAgreement(model, view, true);
        }
      }
      touch(model, view, projected);
      writeColumns(model.columns, view);
      return;
    }
    default:
      return;
  }
};

const correctMilestone = (view: MutableView, eventId: string, data: AgreementEventData['CooperationMilestoneRecorded']): void => {
  const entries = milestonesOf(view);
  const at = entries.findIndex((entry) => entry[0] === eventId);
  if (at < 0) return;
  entries[at] = [eventId, data.milestoneId, data.kind, data.occurredOn];
  view.milestoneLog = entries.map(milestoneLine).join('');
  view.lastMilestone = lastMilestoneOf(entries);
};

const ordinalOf = (model: MutableModel, { agreementId }: ProjectedEvent): number | undefined =>
  agreementId === null ? undefined : model.ordinals.get(agreementId);

/** The view an event changes: held as an object from now on (see EncodedRecords). */
const viewOf = (model: MutableModel, projected: ProjectedEvent): MutableView | undefined => {
  const ordinal = ordinalOf(model, projected);
  return ordinal === undefined ? undefined : model.byOrdinal.mutable(ordinal);
};

const touchView = (view: MutableView, revision: bigint, position: bigint, recordedAt: Instant): void => {
  view.revision = revision;
  view.lastEventPosition = position;
  view.lastRecordedAt = recordedAt;
};

const touchModel = (model: MutableModel, ordinal: number, projected: ProjectedEvent): void => {
  model.columns.recordedAt[ordinal] = projected.recordedAt;
  model.lastPosition = projected.position;
};

const touch = (model: MutableModel, view: MutableView, projected: ProjectedEvent): void => {
  touchView(view, projected.revision, projected.position, projected.recordedAt);
  touchModel(model, view.ordinal, projected);
};

type IndexName = 'byState' | 'byMunicipality' | 'byCountry' | 'byKind' | 'byTheme' | 'bySdg';
type StoredIndexes = { readonly [N in IndexName]: ReadonlyMap<MutableModel[N] extends Map<infer K, unknown> ? K : never, Int32Array> };

/**
 * What a snapshot holds: the model with its views as bytes (the ordinals map comes back from
 * columns.id) and each index's sets as ordinals. Why ordinals: the sets hold some 400k ids at a
 * million events, and reading each back as a string of its own took half a load; from ordinals
 * they share the id strings of columns.id.
 */
interface StoredModel extends Omit<MutableModel, 'ordinals' | 'agreements' | 'byOrdinal' | 'columns' | IndexName> {
  readonly views: EncodedRecordsData;
  readonly columns: Omit<MutableColumns, 'views'>;
  readonly indexes: StoredIndexes;
}

const encodeIndex = <K>(index: ReadonlyMap<K, ReadonlySet<AgreementId>>, ordinals: ReadonlyMap<AgreementId, number>): Map<K, Int32Array> =>
  new Map(
    [...index].map(([key, ids]) => {
      const ordinalOfId = (id: AgreementId): number => {
        const ordinal = ordinals.get(id);
        // Written, it would make a snapshot no load accepts: fail the write instead.
        if (ordinal === undefined) throw new Error(`agreements index ${String(key)} names ${id}, which no view has`);
        return ordinal;
      };
      return [key, Int32Array.from(ids, ordinalOfId)];
    }),
  );

const decodeIndex = <K>(stored: ReadonlyMap<K, Int32Array>, ids: readonly AgreementId[]): Map<K, Set<AgreementId>> =>
  new Map(
    [...stored].map(([key, ordinals]) => {
      const set = new Set<AgreementId>();
      for (const ordinal of ordinals) {
        const id = ids[ordinal];
        if (id === undefined) throw new Error(`agreements snapshot: index ${String(key)} names ordinal ${ordinal}, of no agreement`);
        set.add(id);
      }
      return [key, set];
    }),
  );

/**
 * Views go into a snapshot as their bytes and come back undecoded: a load builds no view object,
 * and the model's views stay off the V8 heap until events change them (see EncodedRecords).
 */
const snapshot: SnapshotCodec<AgreementsModel> = {
  encode: (agreements): StoredModel => {
    const model = agreements as unknown as MutableModel;
    const { views: _views, ...plainColumns } = model.columns;
    const { byState, byMunicipality, byCountry, byKind, byTheme, bySdg, ordinals } = model;
    return {
      lastPosition: model.lastPosition,
      views: model.byOrdinal.encode(),
      columns: plainColumns,
      indexes: {
        byState: encodeIndex(byState, ordinals),
        byMunicipality: encodeIndex(byMunicipality, ordinals),
        byCountry: encodeIndex(byCountry, ordinals),
        byKind: encodeIndex(byKind, ordinals),
        byTheme: encodeIndex(byTheme, ordinals),
        bySdg: encodeIndex(bySdg, ordinals),
      },
    };
  },
  decode: (stored): AgreementsModel => {
    const { views, columns, indexes, lastPosition } = stored as StoredModel;
    const byOrdinal = EncodedRecords.decoded<MutableView>(views);
    if (columns.id.length !== byOrdinal.length) throw new Error(`agreements snapshot: ${columns.id.length} ids for ${byOrdinal.length} views`);
    const ordinals = new Map(columns.id.map((id, ordinal) => [id, ordinal]));
    const model: MutableModel = {
      lastPosition,
      ordinals,
      agreements: new RecordsByKey(ordinals, byOrdinal),
      byOrdinal,
      columns: { ...columns, views: byOrdinal },
      byState: decodeIndex(indexes.byState, columns.id),
      byMunicipality: decodeIndex(indexes.byMunicipality, columns.id),
      byCountry: decodeIndex(indexes.byCountry, columns.id),
      byKind: decodeIndex(indexes.byKind, columns.id),
      byTheme: decodeIndex(indexes.byTheme, columns.id),
      bySdg: decodeIndex(indexes.bySdg, columns.id),
    };
    return model;
  },
};

export const agreementsProjection: Projection<AgreementsModel> = {
  name: 'agreements',
  // 2: columns for scans (agreements), facet columns (timeline). 3: kept facts as JSON text, milestones as one string.
  // 4: kept facts as one string per agreement (factLog). 5: views held and written encoded (EncodedRecords).
  // 6: id and party-level columns. 7: index sets written as ordinals.
  version: 7,
  create: createModel,
  apply,
  snapshot,
};
