import { Readable } from 'node:stream';
import { parse, type Options } from 'csv-parse';
import {
  BOOLEAN_FIELDS,
  COUNTERPART_COLUMNS,
  CSV_COLUMNS,
  ITEM_SEPARATOR,
  LIST_FIELDS,
  NUMBER_FIELDS,
  PART_SEPARATOR,
  REQUIRED_COLUMNS,
  type RowProblem,
  type SourceRow,
} from './importFormat';
import { ImportFileError } from './importFileError';

/*
 * CSV rows (RFC 4180: fields with commas, quotes or line breaks are quoted, quotes doubled) in
 * UTF-8, with or without a byte-order mark. Spreadsheets set to Spanish write `;` between fields:
 * the header line tells which separator the file uses. Each row becomes the JSON shape of
 * importFormat.ts, so both formats go through one reader of commands.
 */

const KNOWN_COLUMNS: ReadonlySet<string> = new Set(CSV_COLUMNS);
const REPLACEMENT_CHARACTER = '\uFFFD';
const LINE_BREAK = /\r\n|\r|\n/g;

interface NumberedRecord {
  readonly record: string[];
  /** The file line the record starts on. */
  readonly line: number;
}

/** `;` when the header has more of them than commas (a spreadsheet in a Spanish locale), else `,`. */
const detectDelimiter = (head: string): ',' | ';' => {
  // The header is the first line with anything on it, as for the reader below.
  const firstLine = head.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  const count = (character: string) => firstLine.split(character).length - 1;
  return count(';') > count(',') ? ';' : ',';
};

const items = (cell: string): string[] => cell.split(ITEM_SEPARATOR).map((item) => item.trim()).filter((item) => item !== '');

/** Digits become a number; anything else stays text, for the command reader to name the mistake. */
const numberOrText = (text: string): number | string => (/^\d{1,9}$/.test(text) ? Number(text) : text);

const TRUE = new Set(['true', 'sí', 'si', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);
const booleanOrText = (text: string): boolean | string => {
  const lower = text.toLocaleLowerCase('es');
  return TRUE.has(lower) ? true : FALSE.has(lower) ? false : text;
};

/**
 * `CODE:agency`: a code of one or two characters is a state, a longer one a municipality. Four
 * characters are a municipality whose leading zero a spreadsheet dropped (9002 for 09002), which
 * the API's reader then names ("did you mean 09002?") rather than refusing a state code.
 */
const party = (item: string): Record<string, unknown> => {
  const at = item.indexOf(PART_SEPARATOR);
  const code = (at < 0 ? item : item.slice(0, at)).trim();
  const agency = at < 0 ? undefined : item.slice(at + 1).trim();
  return { level: code.length > 2 ? 'municipality' : 'state', code, ...(agency ? { agency } : {}) };
};

/** `side:name:title`, e.g. `mexican:Pablo Lemus Navarro:Presidente Municipal`. */
const signatory = (item: string): Record<string, unknown> => {
  const first = item.indexOf(PART_SEPARATOR);
  const second = first < 0 ? -1 : item.indexOf(PART_SEPARATOR, first + 1);
  const side = (first < 0 ? item : item.slice(0, first)).trim();
  const name = (first < 0 ? '' : second < 0 ? item.slice(first + 1) : item.slice(first + 1, second)).trim();
  // A title may hold the separator itself: everything after the second one is the title.
  const title = second < 0 ? '' : item.slice(second + 1).trim();
  return { ...(side ? { side } : {}), ...(name ? { name } : {}), ...(title ? { title } : {}) };
};

/** The n-th value of every counterpart column makes the n-th counterpart. */
const counterparts = (cells: ReadonlyMap<string, string>): Record<string, unknown>[] | undefined => {
  const columns = Object.entries(COUNTERPART_COLUMNS).map(([column, field]) => [field, (cells.get(column) ?? '').split(ITEM_SEPARATOR).map((value) => value.trim())] as const);
  if (columns.every(([, values]) => values.every((value) => value === ''))) return undefined;
  const count = Math.max(...columns.map(([, values]) => values.length));
  return Array.from({ length: count }, (_, index) => {
    const counterpart: Record<string, unknown> = {};
    for (const [field, values] of columns) {
      const value = values[index];
      if (value === undefined || value === '') continue;
      // One column for both: a local government's subdivision is the one it lies in.
      const name = field === 'subdivision' && counterpart['kind'] === 'foreign-local-government' ? 'parentSubdivision' : field;
      counterpart[name] = value;
    }
    return counterpart;
  });
};

/** One CSV record (cells by column) in the JSON shape of a row. */
export const csvRecordToFields = (cells: ReadonlyMap<string, string>): Record<string, unknown> => {
  const fields: Record<string, unknown> = {};
  for (const [column, raw] of cells) {
    const cell = raw.trim();
    if (cell === '' || column in COUNTERPART_COLUMNS) continue;
    if (column === 'parties') fields[column] = items(cell).map(party);
    else if (column === 'signatories') fields[column] = items(cell).map(signatory);
    else if (LIST_FIELDS.has(column)) fields[column] = NUMBER_FIELDS.has(column) ? items(cell).map(numberOrText) : items(cell);
    else if (NUMBER_FIELDS.has(column)) fields[column] = numberOrText(cell);
    else if (BOOLEAN_FIELDS.has(column)) fields[column] = booleanOrText(cell);
    else fields[column] = cell;
  }
  const named = counterparts(cells);
  if (named) fields['counterparts'] = named;
  return fields;
};

const COUNTERPART_COLUMN_OF: ReadonlyMap<string, string> = new Map([
  ...Object.entries(COUNTERPART_COLUMNS).map(([column, field]) => [field, column] as const),
  ['parentSubdivision', 'counterpartSubdivision'],
]);

/**
 * A field path of the JSON shape (`counterparts[1].country`, `themes[0]`) in the CSV's terms:
 * the column and, for lists, which item (`counterpartCountry (item 2)`).
 */
export const csvFieldName = (path: string): string => {
  const match = /^([A-Za-z]+)(?:\[(\d+)\])?(?:\.([A-Za-z]+))?/.exec(path);
  if (!match) return path;
  const [, field = path, index, property] = match;
  const item = index === undefined ? '' : ` (item ${Number(index) + 1})`;
  if (field === 'counterparts') return `${(property && COUNTERPART_COLUMN_OF.get(property)) ?? 'counterpartKind'}${item}`;
  return `${field}${item}`;
};

/** Problems of a header named at most: the header of a file that is not CSV at all can be anything. */
const HEADER_PROBLEMS_LISTED = 10;

const quoted = (column: string): string => JSON.stringify(column.length > 60 ? `${column.slice(0, 57)}...` : column);

const headerProblems = (header: readonly string[]): string[] => {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const column of header) {
    if (!KNOWN_COLUMNS.has(column)) problems.push(`unknown column ${quoted(column)}`);
    if (seen.has(column)) problems.push(`column ${quoted(column)} appears twice`);
    seen.add(column);
  }
  if (problems.length > HEADER_PROBLEMS_LISTED) problems.splice(HEADER_PROBLEMS_LISTED, Infinity, `${problems.length - HEADER_PROBLEMS_LISTED} more problem(s)`);
  const missing = REQUIRED_COLUMNS.filter((column) => !seen.has(column));
  if (missing.length > 0) problems.push(`missing required column(s) ${missing.join(', ')}`);
  return problems;
};

/** A chunked input as text chunks, with its first chunk available before the rest. */
async function* withFirst(first: Buffer | string, rest: AsyncIterator<Buffer | string>): AsyncGenerator<Buffer | string> {
  yield first;
  for (let next = await rest.next(); next.done !== true; next = await rest.next()) yield next.value;
}

/**
 * Reads CSV rows. The header row names the columns (any order, unknown ones refused); each later
 * row is numbered by the file line it starts on. A malformed file (an unclosed quote) stops the
 * reading with an ImportFileError naming the line; rows before it were already handed over.
 */
export async function* csvRows(input: AsyncIterable<Buffer | string>): AsyncGenerator<SourceRow> {
  const chunks = input[Symbol.asyncIterator]();
  const first = await chunks.next();
  if (first.done === true) throw new ImportFileError(1, 'The file is empty: it needs a header row naming the columns (see docs/import-format.md).');
  const head = typeof first.value === 'string' ? first.value : first.value.subarray(0, 65_536).toString('utf8');
  // Rows are numbered as the parser reads them, from each record's own text: the parser reads ahead
  // of the rows taken (an error ends the reading before the rows parsed first are taken), and its
  // own count takes a CRLF inside a quoted field for two lines.
  let parsedEnd = 0;
  const numbered = (parsed: unknown, context: { readonly raw: string | undefined }): NumberedRecord => {
    const line = parsedEnd + 1;
    parsedEnd += context.raw?.match(LINE_BREAK)?.length ?? 0;
    // With `raw`, the parser hands each record over with its text, as { record, raw }.
    return { record: (parsed as { readonly record: string[] }).record, line };
  };
  const options: Options = {
    bom: true,
    delimiter: detectDelimiter(head.replace(/^\uFEFF/, '')),
    raw: true,
    relax_column_count: true,
    skip_empty_lines: false,
    // Typed by csv-parse as giving back a record of cells: it gives back whatever the callback makes.
    on_record: numbered as unknown as NonNullable<Options['on_record']>,
  };
  const parser = Readable.from(withFirst(first.value, chunks)).pipe(parse(options));
  let header: string[] | undefined;
  try {
    for await (const { record, line } of parser as AsyncIterable<NumberedRecord>) {
      if (record.every((cell) => cell.trim() === '')) continue;
      if (header === undefined) {
        header = record.map((cell) => cell.trim());
        const problems = headerProblems(header);
        if (problems.length > 0) {
          throw new ImportFileError(line, `The header row has ${problems.join('; ')}. The columns are: ${CSV_COLUMNS.join(', ')} (see docs/import-format.md).`);
        }
        continue;
      }
      yield readRecord(line, header, record);
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    // The faulty record starts where the last one parsed ended (a quote left open is only found
    // at the end of the file).
    throw new ImportFileError(parsedEnd + 1, `The file is not valid CSV: ${error instanceof Error ? error.message : String(error)}. Quote fields that hold commas, quotes or line breaks, and double the quotes inside them.`);
  }
  if (header === undefined) throw new ImportFileError(1, 'The file is empty: it needs a header row naming the columns (see docs/import-format.md).');
}

const readRecord = (line: number, header: readonly string[], record: readonly string[]): SourceRow => {
  const problems: RowProblem[] = [];
  if (record.length !== header.length) {
    problems.push({
      field: 'row',
      rule: 'column-count',
      message: `has ${record.length} fields but the header has ${header.length}: quote fields that hold the separator, and give one field per column (empty ones too).`,
    });
  }
  const cells = new Map<string, string>();
  header.forEach((column, index) => {
    const cell = record[index] ?? '';
    if (cell.includes(REPLACEMENT_CHARACTER)) {
      problems.push({
        field: column,
        rule: 'not-utf8',
        message: 'holds bytes that are not UTF-8 (accents saved in another encoding): save the file as "CSV UTF-8" and import it again.',
      });
    }
    cells.set(column, cell);
  });
  return problems.length > 0 ? { line, problems } : { line, fields: csvRecordToFields(cells) };
};
