import type { SnapshotCodec } from '../projectionRunner/projection';
import { forEachPacked, internStrings, packStrings, type InternedStrings, type PackedStrings } from '../projectionRunner/packedColumns';
import type { Instant, LegalDate } from '../shared/time';
import type { AuditAgreement, AuditModel, DatedFact } from './auditModel';

/*
 * How the audit model is written into a snapshot. At a million events it holds about half a
 * million milestone facts and as many other dated facts, each an object with four or five strings:
 * loaded by `v8.deserialize`, that was millions of heap values, each built by the deserializer and
 * then copied by the young-generation collector. Here the fact lists are written as columns
 * instead: event ids and recorded instants packed into texts (read back as slices, no characters
 * copied), dates and codes interned (a few thousand distinct values), corrections and amounts,
 * which few facts have, on the side. Decoding builds each fact with an object literal of the same
 * shape as auditModel's builders, so the model is the one the projection folds.
 * Singletons (opening, signature, registration, termination) and counterparts stay plain: they
 * share sources by identity (see auditModel's `correct`), which v8.serialize keeps.
 */

/** A fact list of every agreement, in Map order, as columns. */
interface StoredFacts {
  /** Facts of each agreement, in the agreements' Map order. */
  readonly counts: Int32Array;
  readonly eventIds: PackedStrings;
  readonly recordedAt: PackedStrings;
  readonly on: InternedStrings;
  /** [fact index, correctedBy, correctedAt] for the few corrected facts, ascending. */
  readonly corrections: ReadonlyArray<readonly [number, readonly string[], Instant]>;
  /** One column per extra field of the list's facts. */
  readonly extras: readonly StoredColumn[];
}

/** Strings and nulls interned; any other value (code -2) listed apart as [fact index, value], ascending. */
interface StoredColumn {
  readonly strings: InternedStrings;
  readonly others: ReadonlyArray<readonly [number, unknown]>;
}

type Extras = readonly unknown[];
type Build = (eventId: string, recordedAt: Instant, correctedBy: readonly string[] | null, correctedAt: Instant | null, on: LegalDate, extras: Extras) => DatedFact;

interface ListKind {
  readonly list: ListName;
  readonly extras: readonly string[];
  readonly build: Build;
}

type ListName = 'submissions' | 'opinions' | 'forces' | 'renewals' | 'suspensions' | 'resumptions' | 'milestones' | 'activities';

// Literals in the key order of auditModel's builders (datedFact, opinionFact…): one hidden class per kind.
const dated: Build = (eventId, recordedAt, correctedBy, correctedAt, on) => ({ eventId, recordedAt, correctedBy, correctedAt, on });

const LISTS: readonly ListKind[] = [
  { list: 'submissions', extras: [], build: dated },
  {
    list: 'opinions',
    extras: ['outcome', 'opinionNumber'],
    build: (eventId, recordedAt, correctedBy, correctedAt, on, extras) =>
      ({ eventId, recordedAt, correctedBy, correctedAt, on, outcome: extras[0], opinionNumber: extras[1] }) as DatedFact,
  },
  {
    list: 'forces',
    extras: ['mode'],
    build: (eventId, recordedAt, correctedBy, correctedAt, on, extras) => ({ eventId, recordedAt, correctedBy, correctedAt, on, mode: extras[0] }) as DatedFact,
  },
  {
    list: 'renewals',
    extras: ['mode', 'newEndsOn'],
    build: (eventId, recordedAt, correctedBy, correctedAt, on, extras) =>
      ({ eventId, recordedAt, correctedBy, correctedAt, on, mode: extras[0], newEndsOn: extras[1] }) as DatedFact,
  },
  { list: 'suspensions', extras: [], build: dated },
  { list: 'resumptions', extras: [], build: dated },
  {
    list: 'milestones',
    extras: ['milestoneId', 'kind', 'amount', 'borrowingSignal'],
    build: (eventId, recordedAt, correctedBy, correctedAt, on, extras) =>
      ({ eventId, recordedAt, correctedBy, correctedAt, on, milestoneId: extras[0], kind: extras[1], amount: extras[2], borrowingSignal: extras[3] }) as DatedFact,
  },
  {
    list: 'activities',
    extras: ['type'],
    build: (eventId, recordedAt, correctedBy, correctedAt, on, extras) => ({ eventId, recordedAt, correctedBy, correctedAt, on, type: extras[0] }) as DatedFact,
  },
];

interface StoredAudit extends Omit<AuditModel, 'agreements'> {
  /** The agreements in Map order, their fact lists left out (see `lists`). */
  readonly agreements: readonly AuditAgreement[];
  readonly lists: Readonly<Record<ListName, StoredFacts>>;
}

const listOf = (agreement: AuditAgreement, name: ListName): readonly DatedFact[] => agreement[name];

const encodeColumn = (values: readonly unknown[]): StoredColumn => {
  const others: Array<readonly [number, unknown]> = [];
  const strings = internStrings(values.map((value, index) => {
    if (value === null || typeof value === 'string') return value;
    others.push([index, value]);
    return null;
  }));
  for (const [index] of others) strings.codes[index] = -2;
  return { strings, others };
};

const encodeList = (agreements: readonly AuditAgreement[], kind: ListKind): StoredFacts => {
  const counts = new Int32Array(agreements.length);
  const facts: DatedFact[] = [];
  agreements.forEach((agreement, index) => {
    const list = listOf(agreement, kind.list);
    counts[index] = list.length;
    for (const fact of list) facts.push(fact);
  });
  const corrections: Array<readonly [number, readonly string[], Instant]> = [];
  facts.forEach((fact, index) => {
    if (fact.correctedBy !== null) corrections.push([index, fact.correctedBy, fact.correctedAt as Instant]);
  });
  return {
    counts,
    eventIds: packStrings(facts.map((fact) => fact.eventId)),
    recordedAt: packStrings(facts.map((fact) => fact.recordedAt)),
    on: internStrings(facts.map((fact) => fact.on)),
    corrections,
    extras: kind.extras.map((field) => encodeColumn(facts.map((fact) => (fact as unknown as Record<string, unknown>)[field]))),
  };
};

const decodeList = (agreements: readonly AuditAgreement[], kind: ListKind, stored: StoredFacts): void => {
  const eventIds: string[] = [];
  forEachPacked(stored.eventIds, (_, value) => eventIds.push(value as string));
  const recordedAt: string[] = [];
  forEachPacked(stored.recordedAt, (_, value) => recordedAt.push(value as string));
  const onTable = stored.on.table;
  const onCodes = stored.on.codes;
  const columns = stored.extras;
  const otherAt = columns.map(() => 0);
  const extras: unknown[] = columns.map(() => null);
  let correction = 0;
  let fact = 0;
  for (let index = 0; index < agreements.length; index++) {
    const count = stored.counts[index] as number;
    const list: DatedFact[] = [];
    for (let item = 0; item < count; item++, fact++) {
      for (let column = 0; column < columns.length; column++) {
        const { strings, others } = columns[column] as StoredColumn;
        const code = strings.codes[fact] as number;
        if (code >= 0) {
          extras[column] = strings.table[code];
        } else if (code === -1) {
          extras[column] = null;
        } else {
          const at = otherAt[column] as number;
          extras[column] = (others[at] as readonly [number, unknown])[1];
          otherAt[column] = at + 1;
        }
      }
      const corrected = stored.corrections[correction];
      const isCorrected = corrected !== undefined && corrected[0] === fact;
      if (isCorrected) correction++;
      list.push(
        kind.build(
          eventIds[fact] as string,
          recordedAt[fact] as Instant,
          isCorrected ? corrected[1] : null,
          isCorrected ? corrected[2] : null,
          onTable[onCodes[fact] as number] as LegalDate,
          extras,
        ),
      );
    }
    (agreements[index] as unknown as Record<ListName, DatedFact[]>)[kind.list] = list;
  }
};

export const auditSnapshotCodec: SnapshotCodec<AuditModel> = {
  encode: (model): StoredAudit => {
    const agreements = [...model.agreements.values()];
    const lists = Object.fromEntries(LISTS.map((kind) => [kind.list, encodeList(agreements, kind)])) as Record<ListName, StoredFacts>;
    // The lists' keys stay (as 0) so that decoding puts them back in their place in each object.
    const bare = agreements.map((agreement) => ({ ...agreement, ...Object.fromEntries(LISTS.map((kind) => [kind.list, 0])) }) as unknown as AuditAgreement);
    return { ...model, agreements: bare, lists };
  },
  decode: (stored): AuditModel => {
    const { agreements, lists, position, changes, nextSequence, twinningPairs, pairChangedAt } = stored as StoredAudit;
    for (const kind of LISTS) decodeList(agreements, kind, lists[kind.list]);
    const byId = new Map(agreements.map((agreement) => [agreement.agreementId, agreement]));
    return { position, changes, nextSequence, agreements: byId, twinningPairs, pairChangedAt };
  },
};
