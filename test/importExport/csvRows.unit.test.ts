import { Readable } from 'node:stream';
import { csvFieldName, csvRows } from '../../src/importExport/csvRows';
import { ImportFileError } from '../../src/importExport/importFileError';
import type { SourceRow } from '../../src/importExport/importFormat';

const read = async (input: string | Buffer): Promise<SourceRow[]> => {
  const rows: SourceRow[] = [];
  for await (const row of csvRows(Readable.from([typeof input === 'string' ? Buffer.from(input, 'utf8') : input]))) rows.push(row);
  return rows;
};

const HEADER = 'key,kind,title,parties,openedOn';

describe('reading CSV rows', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and Spanish accents, numbering rows by the line they start on', async () => {
    const rows = await read(
      `${HEADER}\r\n` +
        'A-1,twinning,"Hermanamiento Mérida, Yucatán–Ñuñoa",31050:Ayuntamiento de Mérida,2020-01-01\r\n' +
        '\r\n' +
        'A-2,cooperation-agreement,"Acuerdo ""Puente""\nen dos líneas",19:Secretaría de Economía,2021-02-03\r\n' +
        'A-3,twinning,Último,14039:Ayuntamiento de Guadalajara,2022-03-04',
    );
    expect(rows).toEqual([
      {
        line: 2,
        fields: {
          key: 'A-1',
          kind: 'twinning',
          title: 'Hermanamiento Mérida, Yucatán–Ñuñoa',
          parties: [{ level: 'municipality', code: '31050', agency: 'Ayuntamiento de Mérida' }],
          openedOn: '2020-01-01',
        },
      },
      { line: 4, fields: expect.objectContaining({ key: 'A-2', title: 'Acuerdo "Puente"\nen dos líneas', parties: [{ level: 'state', code: '19', agency: 'Secretaría de Economía' }] }) },
      { line: 6, fields: expect.objectContaining({ key: 'A-3', title: 'Último' }) },
    ]);
  });

  it('accepts a byte-order mark and the ";" a spreadsheet in a Spanish locale writes', async () => {
    const rows = await read('\uFEFFkey;kind;title;parties;openedOn;sdgs;automaticRenewal\nB-1;twinning;Hermanamiento León–Valladolid, España;11020:Ayuntamiento de León;2019-05-05;11|4;sí\n');
    expect(rows).toEqual([
      {
        line: 2,
        fields: expect.objectContaining({ key: 'B-1', title: 'Hermanamiento León–Valladolid, España', sdgs: [11, 4], automaticRenewal: true }),
      },
    ]);
  });

  it('numbers rows right after a quoted field with CRLF line breaks, and finds ";" under a blank first line', async () => {
    const crlf = await read(`${HEADER}\r\nL-1,twinning,"en\r\ntres\r\nlíneas",14039:A,2020-01-01\r\nL-2,twinning,Otro,14039:A,2020-01-02\r\n`);
    expect(crlf.map((row) => row.line)).toEqual([2, 5]);
    const semicolons = await read('\nkey;kind;title;parties;openedOn\nS-1;twinning;Uno, dos;14039:A;2020-01-01\n');
    expect(semicolons).toEqual([{ line: 3, fields: expect.objectContaining({ key: 'S-1', title: 'Uno, dos' }) }]);
  });

  it('names the line where a quote is left open, not the end of the file', async () => {
    const rows = [`${HEADER}`, 'Q-1,twinning,"sin cerrar,14039:A,2020-01-01', ...Array.from({ length: 50 }, (_, index) => `Q-${index + 2},twinning,Bien,14039:A,2020-01-01`)];
    await expect(read(rows.join('\n'))).rejects.toMatchObject({ line: 2 });
  });

  it('builds counterparts from their aligned columns and signatories from side:name:title', async () => {
    const [row] = await read(
      'key,kind,title,parties,openedOn,counterpartKind,counterpartName,counterpartCountry,counterpartSubdivision,counterpartOrganisationId,signatories\n' +
        'C-1,cooperation-agreement,T,19:S,2020-01-01,foreign-subnational-government|foreign-local-government|international-organisation,Texas|Kioto|UNESCO,US|JP|,US-TX|JP-26|,||unesco,mexican:Ana Ruiz:Secretaria: de Economía|counterpart:John Doe:Governor\n',
    );
    expect(row).toMatchObject({
      fields: {
        counterparts: [
          { kind: 'foreign-subnational-government', name: 'Texas', country: 'US', subdivision: 'US-TX' },
          { kind: 'foreign-local-government', name: 'Kioto', country: 'JP', parentSubdivision: 'JP-26' },
          { kind: 'international-organisation', name: 'UNESCO', organisationId: 'unesco' },
        ],
        signatories: [
          { side: 'mexican', name: 'Ana Ruiz', title: 'Secretaria: de Economía' },
          { side: 'counterpart', name: 'John Doe', title: 'Governor' },
        ],
      },
    });
  });

  it('rejects a row with the wrong number of fields, and one whose bytes are not UTF-8, naming the line', async () => {
    const latin1 = Buffer.concat([Buffer.from(`${HEADER}\nD-1,twinning,`, 'utf8'), Buffer.from('Mérida', 'latin1'), Buffer.from(',31050:A,2020-01-01\nD-2,twinning,Sin comillas, con coma,14:A,2020-01-01\n', 'utf8')]);
    const rows = await read(latin1);
    expect(rows).toEqual([
      { line: 2, problems: [expect.objectContaining({ field: 'title', rule: 'not-utf8' })] },
      { line: 3, problems: [expect.objectContaining({ field: 'row', rule: 'column-count' })] },
    ]);
  });

  it('refuses a header with unknown or missing columns, and a file that is not CSV, as a whole', async () => {
    await expect(read('key,kind,titulo,parties\n')).rejects.toThrow(/line 1: .*unknown column "titulo".*missing required column\(s\) title, openedOn/);
    await expect(read(`${HEADER}\nE-1,twinning,"sin cerrar,14:A,2020-01-01\n`)).rejects.toBeInstanceOf(ImportFileError);
    await expect(read('')).rejects.toThrow(/empty/);
  });

  it('names JSON-shaped field paths as CSV columns and items', () => {
    expect(csvFieldName('counterparts[1].country')).toBe('counterpartCountry (item 2)');
    expect(csvFieldName('counterparts[0].parentSubdivision')).toBe('counterpartSubdivision (item 1)');
    expect(csvFieldName('parties[0].code')).toBe('parties (item 1)');
    expect(csvFieldName('signedOn')).toBe('signedOn');
  });
});
