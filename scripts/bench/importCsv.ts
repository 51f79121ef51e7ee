import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const SAMPLE = path.join(__dirname, '..', '..', 'docs', 'samples', 'agreements-sample.csv');

/**
 * An import file of `rows` valid agreements in the import format: the sample's eight agreements
 * again and again, each copy with its own key and registry number (both must be unique), so
 * every row opens, signs and usually registers its own agreement.
 */
export const generateImportCsv = (rows: number): string => {
  const [header, ...sample] = parse(fs.readFileSync(SAMPLE, 'utf8'), { bom: true }) as string[][];
  if (!header || sample.length === 0) throw new Error(`${SAMPLE} has no rows.`);
  const key = header.indexOf('key');
  const registryNumber = header.indexOf('registryNumber');
  const copies = Array.from({ length: rows }, (_, index) => {
    const row = [...(sample[index % sample.length] as string[])];
    const copy = Math.floor(index / sample.length);
    row[key] = `${row[key]}-G${copy}`;
    if (row[registryNumber]) row[registryNumber] = `${row[registryNumber]}-G${copy}`;
    return row;
  });
  return stringify([header, ...copies]);
};
