import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { SAMPLES, csv, twinning } from './importSupport';

/* The two scripts as an operator runs them: exit codes, report and output files. */

const ROOT = path.join(__dirname, '..', '..');
const run = (script: string, args: string[], env: Record<string, string>) =>
  spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });

describe('npm run import / npm run export', () => {
  let dataDir: string;
  beforeAll(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-scripts-'))));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('imports, reports rejected rows with exit code 1, and exports what was imported', () => {
    const good = run('import.ts', [path.join(SAMPLES, 'agreements-sample.json'), '--data-dir', dataDir], {});
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('8 imported');

    const bad = run('import.ts', [path.join(SAMPLES, 'agreements-invalid.csv'), '--data-dir', dataDir, '--actor', 'operador-sre'], {});
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('8 rejected');
    expect(bad.stdout).toMatch(/line 3 \[CHIS-2018-002\], signedOn: 2019-02-30 is not a date on the calendar\./);
    expect(bad.stdout).toMatch(/line 8 \[ZAC-2017-011\], registryNumber: .*REGISTRY_NUMBER_TAKEN/);

    const out = path.join(dataDir, 'agreements.csv');
    const exported = run('export.ts', ['--what', 'agreements', '--format', 'csv', '--state', '19,26', '--out', out, '--data-dir', dataDir], {});
    expect(exported.status).toBe(0);
    const rows = parse(fs.readFileSync(out, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row['title']).sort()).toEqual([
      'Acuerdo de cooperación en materia económica, educativa y de innovación entre el Estado de Nuevo León y el Estado de Texas',
      'Hermanamiento Hermosillo–Tucson',
    ]);
  }, 120_000);

  it('writes nothing of a CSV that cannot be read, even when the broken line comes last', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-scripts-broken-'));
    try {
      // More rows than one read of the file holds (64 KB), so that rows are taken before the broken one is reached.
      const lines = csv(...Array.from({ length: 1_500 }, (_, index) => twinning(`BIG-${index}`))).split('\n');
      const file = path.join(dir, 'broken.csv');
      fs.writeFileSync(file, [...lines, 'RV-SX,twinning,T"x,14039:Ayto,2020-01-10'].join('\n'));
      expect(fs.statSync(file).size).toBeGreaterThan(4 * 65_536);
      const broken = run('import.ts', [file, '--data-dir', dir], {});
      expect(broken.status).not.toBe(0);
      expect(broken.stderr).toContain(`line ${lines.length + 1}`);
      // The store holds the seed policy the import publishes first, and no agreement.
      const exported = run('export.ts', ['--what', 'agreements', '--format', 'json', '--data-dir', dir], {});
      expect(JSON.parse(exported.stdout)).toMatchObject({ count: 0 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('answers a wrong call with the usage and exit code 2', () => {
    const unknownFormat = run('import.ts', ['x.xml', '--data-dir', dataDir], {});
    expect(unknownFormat.status).toBe(2);
    expect(unknownFormat.stderr).toContain('Usage: npm run import');
    // A mistyped data directory, or a dry run against no registry, is not a new empty registry.
    const sample = path.join(SAMPLES, 'agreements-sample.csv');
    const missing = path.join(dataDir, 'nonexistent');
    const mistyped = run('import.ts', [sample, '--data-dir', missing], {});
    expect(mistyped.status).toBe(2);
    expect(mistyped.stderr).toContain(`The data directory ${missing} does not exist`);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-scripts-empty-'));
    const dryRun = run('import.ts', [sample, '--dry-run', '--data-dir', empty], {});
    expect(dryRun.status).toBe(2);
    expect(dryRun.stderr).toContain('holds no registry');
    expect(fs.readdirSync(empty)).toEqual([]);
    fs.rmSync(empty, { recursive: true, force: true });
    expect(fs.existsSync(missing)).toBe(false);
    const badFilter = run('export.ts', ['--what', 'agreements', '--sdg', '18', '--data-dir', dataDir], {});
    expect(badFilter.status).toBe(2);
    expect(badFilter.stderr).toContain('--sdg: "18" is not an SDG');
  }, 60_000);
});
