import type { Writable } from 'node:stream';
import type { ExportTable, ExportValue } from './exportTable';

export interface CsvOptions {
  /** A UTF-8 byte-order mark first: Excel then reads accents right (default true). */
  readonly bom: boolean;
  /** `,` (RFC 4180, default) or `;` (what Excel expects in a Spanish locale). */
  readonly delimiter: ',' | ';';
}

/** Writes `text` and waits while the destination's buffer is full, so exports never pile up in memory. */
const writeTo = async (output: Writable, text: string): Promise<void> => {
  if (text === '' || output.destroyed) return;
  if (output.write(text)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      for (const event of ['drain', 'close', 'error']) output.off(event, done);
      resolve();
    };
    for (const event of ['drain', 'close', 'error']) output.on(event, done);
  });
};

/** Rows are gathered into chunks of about this many characters before each write. */
const CHUNK = 64 * 1024;

const cellText = (value: ExportValue): string => {
  if (value === null) return '';
  if (Array.isArray(value)) return neutralised(value.join('|'));
  if (typeof value === 'object') return JSON.stringify(value);
  return typeof value === 'string' ? neutralised(value) : String(value);
};

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return before one)
 * gets a leading apostrophe, which Excel and LibreOffice show as text. The exports are opened in
 * spreadsheets by SRE staff, and titles, names and places are typed by other users (OWASP's CSV
 * injection advice). Numbers are written as numbers, so a negative amount is not touched.
 */
const neutralised = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** RFC 4180: a field with the delimiter, a quote, a line break or edge spaces is quoted, quotes doubled. */
export const csvField = (text: string, delimiter: string): string =>
  text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;

const csvLine = (cells: readonly string[], delimiter: string): string => `${cells.map((cell) => csvField(cell, delimiter)).join(delimiter)}\r\n`;

/** Streams the table as CSV: one header row, CRLF line ends, UTF-8. Returns the number of rows. */
export const writeCsv = async (output: Writable, table: ExportTable, options: CsvOptions): Promise<number> => {
  let buffer = `${options.bom ? '\uFEFF' : ''}${csvLine(table.columns, options.delimiter)}`;
  let count = 0;
  for await (const row of table.rows) {
    if (output.destroyed) break;
    buffer += csvLine(row.map(cellText), options.delimiter);
    count += 1;
    if (buffer.length >= CHUNK) {
      await writeTo(output, buffer);
      buffer = '';
    }
  }
  await writeTo(output, buffer);
  return count;
};

/**
 * Streams the table as one JSON document: `header`'s fields, then `items` (one object per row,
 * keys in column order), then `count`. Written item by item, never built whole.
 */
export const writeJson = async (output: Writable, table: ExportTable, header: Readonly<Record<string, unknown>>): Promise<number> => {
  const opening = JSON.stringify({ ...header, columns: table.columns });
  let buffer = `${opening.slice(0, -1)},"items":[`;
  let count = 0;
  for await (const row of table.rows) {
    if (output.destroyed) break;
    const item: Record<string, ExportValue> = {};
    table.columns.forEach((column, index) => (item[column] = row[index] ?? null));
    buffer += `${count === 0 ? '\n' : ',\n'}${JSON.stringify(item)}`;
    count += 1;
    if (buffer.length >= CHUNK) {
      await writeTo(output, buffer);
      buffer = '';
    }
  }
  await writeTo(output, `${buffer}\n],"count":${count}}\n`);
  return count;
};
