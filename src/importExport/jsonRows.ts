import { ROW_FIELDS, type RowProblem, type SourceRow } from './importFormat';
import { ImportFileError } from './importFileError';

/*
 * JSON rows: the file is one array of row objects whose keys are the fields of importFormat.ts,
 * lists as arrays and parties, counterparts and signatories as objects shaped as in the API. The
 * whole file is read at once (use CSV for very large imports); each row is numbered by the line
 * its object starts on, found by scanning the text, so a report points into the file.
 */

const KNOWN_FIELDS: ReadonlySet<string> = new Set(ROW_FIELDS);

const lineAt = (text: string, offset: number): number => {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line += 1;
  return line;
};

const isSpace = (character: string | undefined): boolean => character === ' ' || character === '\n' || character === '\r' || character === '\t';

/** Offsets where each element of the top-level array starts; the text is known to be valid JSON. */
const elementOffsets = (text: string): number[] => {
  const offsets: number[] = [];
  let depth = 0;
  let inString = false;
  let expectingElement = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (inString) {
      if (character === '\\') index += 1;
      else if (character === '"') inString = false;
      continue;
    }
    if (isSpace(character)) continue;
    if (depth === 1 && expectingElement && character !== ']') {
      offsets.push(index);
      expectingElement = false;
    }
    if (character === '"') inString = true;
    else if (character === '[' || character === '{') {
      depth += 1;
      if (depth === 1) expectingElement = true;
    } else if (character === ']' || character === '}') depth -= 1;
    else if (character === ',' && depth === 1) expectingElement = true;
  }
  return offsets;
};

/**
 * Where the syntax error is, as a line: where JSON.parse stopped when its message says ("at
 * position N"), else the first row that does not parse on its own (the scan of elementOffsets
 * does not need valid JSON).
 */
const syntaxErrorLine = (text: string, error: unknown): number => {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (position) return lineAt(text, Number(position[1]));
  const offsets = elementOffsets(text);
  for (const [index, start] of offsets.entries()) {
    const element = text.slice(start, offsets[index + 1] ?? text.length).replace(/[\s,\]]+$/, '');
    try {
      JSON.parse(element);
    } catch {
      return lineAt(text, start);
    }
  }
  return 1;
};

/** Said once per row: a row of thousands of unknown fields must not make a report thousands of times its size. */
const UNKNOWN_FIELD = `is not a field of the import format; the fields are ${ROW_FIELDS.join(', ')}.`;
const UNKNOWN_FIELDS_LISTED = 10;

const rowOf = (line: number, value: unknown): SourceRow => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { line, problems: [{ field: 'row', rule: 'not-an-object', message: 'must be an object whose keys are the fields of docs/import-format.md.' }] };
  }
  const problems: RowProblem[] = [];
  const fields: Record<string, unknown> = {};
  let unknown = 0;
  for (const [key, field] of Object.entries(value)) {
    if (!KNOWN_FIELDS.has(key)) {
      unknown += 1;
      if (unknown <= UNKNOWN_FIELDS_LISTED) problems.push({ field: key.length > 100 ? `${key.slice(0, 97)}...` : key, rule: 'unknown-field', message: UNKNOWN_FIELD });
    } else if (field !== null && field !== '') {
      fields[key] = field;
    }
  }
  if (unknown > UNKNOWN_FIELDS_LISTED) {
    problems.push({ field: 'row', rule: 'unknown-field', message: `has ${unknown - UNKNOWN_FIELDS_LISTED} more unknown field(s).` });
  }
  return problems.length > 0 ? { line, problems } : { line, fields };
};

export function* jsonRows(text: string): Generator<SourceRow> {
  const source = text.replace(/^\uFEFF/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    throw new ImportFileError(syntaxErrorLine(source, error), `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`);
  }
  if (!Array.isArray(parsed)) throw new ImportFileError(1, 'The file must be a JSON array of rows, [ { "key": …, … }, … ] (see docs/import-format.md).');
  const offsets = elementOffsets(source);
  // Offsets increase: count the line breaks between one row and the next, not from the top each time.
  let line = 1;
  let counted = 0;
  for (const [index, value] of parsed.entries()) {
    const offset = offsets[index] ?? counted;
    for (let at = source.indexOf('\n', counted); at !== -1 && at < offset; at = source.indexOf('\n', at + 1)) line += 1;
    counted = Math.max(counted, offset);
    yield rowOf(line, value);
  }
}
