import { ImportFileError } from '../../src/importExport/importFileError';
import { jsonRows } from '../../src/importExport/jsonRows';

describe('reading JSON rows', () => {
  it('numbers each row by the line its object starts on, whatever the strings hold', () => {
    const text = `[
  { "key": "A", "title": "Con \\"comillas\\", [corchetes] y {llaves}" },

  {
    "key": "B",
    "themes": ["culture"]
  }, { "key": "C", "sdgs": [11], "validity": null }
]`;
    expect([...jsonRows(text)]).toEqual([
      { line: 2, fields: { key: 'A', title: 'Con "comillas", [corchetes] y {llaves}' } },
      { line: 4, fields: { key: 'B', themes: ['culture'] } },
      { line: 7, problems: [expect.objectContaining({ field: 'validity', rule: 'unknown-field' })] },
    ]);
  });

  it('rejects rows that are not objects, and files that are not an array of rows', () => {
    expect([...jsonRows('[1, {"key": "x", "openedOn": null}]')]).toEqual([
      { line: 1, problems: [expect.objectContaining({ rule: 'not-an-object' })] },
      { line: 1, fields: { key: 'x' } },
    ]);
    expect(() => [...jsonRows('{"key": "x"}')]).toThrow(ImportFileError);
    expect(() => [...jsonRows('[\n{"key": "x"},\n{"key": }\n]')]).toThrow(/line 3: The file is not valid JSON/);
  });
});
