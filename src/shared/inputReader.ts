/**
 * Small combinators for reading untrusted input (GraphQL variables, JSON, CSV rows) into typed
 * values at the boundary. Every reader records what is wrong in a shared `IssueLog` instead of
 * throwing, so that one pass reports every problem of a record at once: legal staff correcting an
 * import should not have to resubmit it once per mistake.
 */
import { InvalidInputError, type InputIssue } from './errors';

/** What a reader produced: a value, or nothing because it logged at least one issue. */
export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

export const ok = <T>(value: T): Read<T> => ({ ok: true, value });
/** A failed read; the issue that caused it is already in the log. */
export const FAILED: Read<never> = { ok: false };

export class IssueLog {
  readonly #issues: InputIssue[] = [];

  get issues(): readonly InputIssue[] {
    return this.#issues;
  }

  /** Logs an issue; returns a failed read so callers can `return issues.report(...)`. */
  report(path: string, rule: string, message: string): Read<never> {
    this.#issues.push({ path, rule, message });
    return FAILED;
  }

  /** Takes over the issues of a parser that throws (parseLegalDate, parseUuid). */
  adopt(error: InvalidInputError): Read<never> {
    this.#issues.push(...error.issues);
    return FAILED;
  }
}

export interface Reader<T> {
  /** What a valid value looks like, for messages such as "is required: give …". */
  readonly expected: string;
  read(raw: unknown, path: string, issues: IssueLog): Read<T>;
}

export type ReaderValue<R> = R extends Reader<infer T> ? T : never;

export const reader = <T>(expected: string, read: (raw: unknown, path: string, issues: IssueLog) => Read<T>): Reader<T> => ({
  expected,
  read,
});

/** Runs a reader over one whole input and throws every issue it logged together. */
export const readInput = <T>(read: (issues: IssueLog) => Read<T>): T => {
  const issues = new IssueLog();
  const result = read(issues);
  if (issues.issues.length > 0) throw new InvalidInputError(issues.issues);
  if (!result.ok) throw new Error('A reader failed without logging an issue');
  return result.value;
};

/** Continues with a parsed value: cross-field checks, narrowing to a branded type. */
/** Any value, unchecked: for a field whose reader depends on another field (see its caller). */
export const anyValue = (expected: string): Reader<unknown> => reader(expected, (raw) => ok(raw));

export const andThen = <T, U>(
  base: Reader<T>,
  next: (value: T, path: string, issues: IssueLog) => Read<U>,
  expected = base.expected,
): Reader<U> =>
  reader(expected, (raw, path, issues) => {
    const result = base.read(raw, path, issues);
    return result.ok ? next(result.value, path, issues) : result;
  });

// ---------------------------------------------------------------------------------------------
// Scalars

export const describeGiven = (raw: unknown): string => {
  if (typeof raw === 'string') return JSON.stringify(raw.length > 60 ? `${raw.slice(0, 57)}...` : raw);
  if (raw === null || raw === undefined) return String(raw);
  if (Array.isArray(raw)) return 'a list';
  if (typeof raw === 'object') return 'an object';
  return `${String(raw)} (a ${typeof raw})`;
};

export interface TextOptions {
  readonly max: number;
  /** A format the trimmed text must match, with the rule and the explanation to give when not. */
  readonly format?: { readonly pattern: RegExp; readonly rule: string; readonly explanation: string };
}

/** Text, trimmed; blank counts as missing because a blank title or name says nothing. */
const INVISIBLE = /[\p{Cf}\p{Z}\s]/gu;
/** C0 controls and DEL, but tab, line feed and carriage return. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const text = ({ max, format }: TextOptions): Reader<string> =>
  reader(format ? `${format.explanation} (at most ${max} characters)` : `text of at most ${max} characters`, (raw, path, issues) => {
    if (typeof raw !== 'string') return issues.report(path, 'not-text', `must be text; got ${describeGiven(raw)}.`);
    const value = raw.trim();
    // Invisible characters alone (zero-width spaces, direction marks) are as blank as spaces.
    if (value.replace(INVISIBLE, '') === '') return issues.report(path, 'required', `is blank: give text of at most ${max} characters.`);
    if (CONTROL_CHARACTER.test(value)) {
      return issues.report(path, 'control-character', 'holds a control character (such as NUL): remove it; line breaks and tabs are fine.');
    }
    if (LONE_SURROGATE.test(value)) {
      return issues.report(path, 'not-unicode', 'holds half of a character (a lone UTF-16 surrogate), which no file or export can store: send the text as valid Unicode.');
    }
    if (value.length > max) {
      return issues.report(path, 'too-long', `has ${value.length} characters; at most ${max} are allowed: shorten it.`);
    }
    if (format && !format.pattern.test(value)) {
      return issues.report(path, format.rule, `${JSON.stringify(value)} is not valid: give ${format.explanation}.`);
    }
    return ok(value);
  });

export const boolean: Reader<boolean> = reader('true or false', (raw, path, issues) =>
  typeof raw === 'boolean' ? ok(raw) : issues.report(path, 'not-a-boolean', `must be true or false; got ${describeGiven(raw)}.`),
);

export const integer = ({ min, max }: { readonly min: number; readonly max: number }): Reader<number> =>
  reader(`a whole number from ${min} to ${max}`, (raw, path, issues) => {
    if (typeof raw !== 'number' || !Number.isInteger(raw)) {
      return issues.report(path, 'not-an-integer', `must be a whole number from ${min} to ${max}; got ${describeGiven(raw)}.`);
    }
    if (raw < min || raw > max) {
      return issues.report(path, 'out-of-range', `is ${raw}; it must be from ${min} to ${max}.`);
    }
    return ok(raw);
  });

/** One value of a closed list, e.g. an `as const` array; the message lists the allowed values. */
export const member = <V extends string>(isMember: (value: string) => value is V, allowed: readonly string[], what: string): Reader<V> => {
  const choices = allowed.map((value) => JSON.stringify(value)).join(', ');
  return reader(`${what}: one of ${choices}`, (raw, path, issues) => {
    if (typeof raw !== 'string') return issues.report(path, 'not-text', `must be ${what} given as text, one of ${choices}; got ${describeGiven(raw)}.`);
    const value = raw.trim();
    return isMember(value)
      ? ok(value)
      : issues.report(path, 'not-in-vocabulary', `${JSON.stringify(value)} is not ${what}; use one of ${choices}.`);
  });
};

export const oneOf = <const V extends string>(values: readonly V[], what: string): Reader<V> =>
  member((value: string): value is V => values.some((allowed) => allowed === value), values, what);

/**
 * A reference code checked by one of the `parse…Code` functions of `src/reference`. Their rule and
 * message (with its hint) are kept as they are: they already say what is wrong and what to do.
 * The raw input is passed untouched, because those parsers decide themselves how to treat spaces
 * or a number that lost its leading zeros.
 */
export type CodeParser<T> = (
  raw: unknown,
) => { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: { readonly rule: string; readonly message: string } };

export const code = <T>(parse: CodeParser<T>, expected: string): Reader<T> =>
  reader(expected, (raw, path, issues) => {
    const result = parse(raw);
    return result.ok ? ok(result.value) : issues.report(path, result.error.rule, result.error.message);
  });

/** Adapts a parser that throws InvalidInputError, such as parseLegalDate or parseUuid. */
export const throwing = <T>(parse: (raw: unknown, path: string) => T, expected: string): Reader<T> =>
  reader(expected, (raw, path, issues) => {
    try {
      return ok(parse(raw, path));
    } catch (error) {
      if (error instanceof InvalidInputError) return issues.adopt(error);
      throw error;
    }
  });

// ---------------------------------------------------------------------------------------------
// Lists

export interface ListOptions<T> {
  readonly min?: number;
  readonly max: number;
  /** Refuses repeated items; `at` names the part of the item that repeats, e.g. `.code`. */
  readonly unique?: { readonly key: (item: T) => string; readonly what: string; readonly at?: string };
}

export const list = <T>(item: Reader<T>, { min = 0, max, unique }: ListOptions<T>): Reader<readonly T[]> =>
  reader(`a list of ${min > 0 ? `${min} to ${max}` : `at most ${max}`} items, each ${item.expected}`, (raw, path, issues) => {
    if (!Array.isArray(raw)) return issues.report(path, 'not-a-list', `must be a list; got ${describeGiven(raw)}.`);
    if (raw.length < min) {
      return issues.report(path, 'too-few', `has ${raw.length} item(s); at least ${min} ${min === 1 ? 'is' : 'are'} required.`);
    }
    if (raw.length > max) return issues.report(path, 'too-many', `has ${raw.length} items; at most ${max} are allowed.`);
    const read: { readonly index: number; readonly value: T }[] = [];
    raw.forEach((element: unknown, index) => {
      const result = item.read(element, `${path}[${index}]`, issues);
      if (result.ok) read.push({ index, value: result.value });
    });
    if (unique) reportDuplicates(read, unique, path, issues);
    return read.length === raw.length ? ok(read.map((entry) => entry.value)) : FAILED;
  });

/** Among the items that did read, so a bad item elsewhere in the list does not hide a repeat. */
const reportDuplicates = <T>(
  items: readonly { readonly index: number; readonly value: T }[],
  unique: NonNullable<ListOptions<T>['unique']>,
  path: string,
  issues: IssueLog,
): void => {
  const firstIndex = new Map<string, number>();
  for (const { index, value } of items) {
    const key = unique.key(value);
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, index);
    // The message names the first item by its index only: callers rewrite issue paths into their
    // own terms (data. → input., CSV columns), never messages.
    else issues.report(`${path}[${index}]${unique.at ?? ''}`, 'duplicate', `repeats the ${unique.what} of item [${first}] of the same list (${key}): list each one once.`);
  }
};

// ---------------------------------------------------------------------------------------------
// Objects

export type FieldSpec<T> =
  | { readonly presence: 'required'; readonly reader: Reader<T> }
  | { readonly presence: 'optional'; readonly reader: Reader<T> }
  | { readonly presence: 'default'; readonly reader: Reader<T>; readonly fallback: T };

export const required = <T>(fieldReader: Reader<T>): { readonly presence: 'required'; readonly reader: Reader<T> } => ({
  presence: 'required',
  reader: fieldReader,
});

export const optional = <T>(fieldReader: Reader<T>): { readonly presence: 'optional'; readonly reader: Reader<T> } => ({
  presence: 'optional',
  reader: fieldReader,
});

export const withDefault = <T>(
  fieldReader: Reader<T>,
  fallback: T,
): { readonly presence: 'default'; readonly reader: Reader<T>; readonly fallback: T } => ({ presence: 'default', reader: fieldReader, fallback });

export type Shape = { readonly [key: string]: FieldSpec<unknown> };

type FieldValue<F> = F extends { readonly reader: Reader<infer T> } ? T : never;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { readonly presence: 'optional' } ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
type Flatten<T> = { [K in keyof T]: T[K] } & {};

/** The value an object shape reads: optional fields are absent, never `undefined`. */
export type ObjectOf<S extends Shape> = Flatten<
  { readonly [K in RequiredKeys<S>]: FieldValue<S[K]> } & { readonly [K in OptionalKeys<S>]?: FieldValue<S[K]> }
>;

export const isRecord = (raw: unknown): raw is Readonly<Record<string, unknown>> =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw);

/**
 * Missing, null (GraphQL) and blank (an empty CSV cell) all mean "not given": an optional field is
 * then left out and a required one reported.
 */
export const isAbsent = (raw: unknown): boolean => raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');

/** Own properties only: a key such as `constructor` must not be read from the prototype. */
export const fieldOf = (raw: Readonly<Record<string, unknown>>, key: string): unknown => (Object.hasOwn(raw, key) ? raw[key] : undefined);

/** Reads one field of an object; `ok(undefined)` means an optional field that was not given. */
export const readField = <T>(raw: Readonly<Record<string, unknown>>, key: string, spec: FieldSpec<T>, path: string, issues: IssueLog): Read<T | undefined> => {
  const value = fieldOf(raw, key);
  const at = `${path}.${key}`;
  if (!isAbsent(value)) return spec.reader.read(value, at, issues);
  switch (spec.presence) {
    case 'required':
      return issues.report(at, 'required', `is required: give ${spec.reader.expected}.`);
    case 'optional':
      return ok(undefined);
    case 'default':
      return ok(spec.fallback);
  }
};

/** Refuses fields the shape does not know, so that a misspelt optional field is not silently lost. */
export const refuseUnknownFields = (raw: Readonly<Record<string, unknown>>, known: readonly string[], path: string, issues: IssueLog): void => {
  for (const key of Object.keys(raw)) {
    if (known.includes(key)) continue;
    const guess = closest(key, known);
    issues.report(
      `${path}.${key}`,
      'unknown-field',
      `is not a field here${guess ? ` (did you mean "${guess}"?)` : ''}: remove it or correct its name. Fields: ${known.join(', ')}.`,
    );
  }
};

export const object = <S extends Shape>(shape: S): Reader<ObjectOf<S>> => {
  const known = Object.keys(shape);
  return reader(`an object with the fields ${known.join(', ')}`, (raw, path, issues) => {
    if (!isRecord(raw)) return issues.report(path, 'not-an-object', `must be an object with the fields ${known.join(', ')}; got ${describeGiven(raw)}.`);
    const value: Record<string, unknown> = {};
    let allRead = true;
    for (const [key, spec] of Object.entries(shape)) {
      const result = readField(raw, key, spec, path, issues);
      if (!result.ok) allRead = false;
      else if (result.value !== undefined) value[key] = result.value;
    }
    refuseUnknownFields(raw, known, path, issues);
    // Each key was read by its own field reader above: this is the one place the shape's
    // static type and the built record meet.
    return allRead ? ok(value as ObjectOf<S>) : FAILED;
  });
};

/**
 * An object whose shape depends on a tag field (a counterpart's `kind`, a party's `level`). Each
 * variant reads the whole object, tag included, so it also refuses the fields of other variants.
 */
export const variants = <T>(tag: string, what: string, readers: { readonly [tagValue: string]: Reader<T> }): Reader<T> => {
  const tags = Object.keys(readers);
  const tagReader = oneOf(tags, `${what} ${tag}`);
  return reader(`${what}: an object whose ${tag} is one of ${tags.map((t) => JSON.stringify(t)).join(', ')}`, (raw, path, issues) => {
    if (!isRecord(raw)) return issues.report(path, 'not-an-object', `must be ${what} given as an object with a ${tag}; got ${describeGiven(raw)}.`);
    const tagValue = readField(raw, tag, required(tagReader), path, issues);
    if (!tagValue.ok || tagValue.value === undefined) return FAILED;
    const variant = readers[tagValue.value];
    return variant ? variant.read(raw, path, issues) : FAILED;
  });
};

// ---------------------------------------------------------------------------------------------

/** The known name a typo most likely meant: same letters ignoring case, or at most two edits away. */
const closest = (given: string, known: readonly string[]): string | undefined => {
  const lower = given.toLowerCase();
  let best: { readonly name: string; readonly distance: number } | undefined;
  for (const name of known) {
    const distance = name.toLowerCase() === lower ? 0 : editDistance(lower, name.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
};

const editDistance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
};
