import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const SCRIPT = path.join(ROOT, 'scripts/generateSchemaTypes.ts');

/** `npm run codegen -- --check …`, run as a process: graphql-codegen loads ES modules jest cannot. */
const check = (...args: string[]) => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, '--check', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
};

describe('src/graphql/generated/schemaTypes.ts', () => {
  // Each check loads graphql-codegen and generates from the whole SDL: seconds on a busy machine.
  jest.setTimeout(60_000);

  it('is what schema/*.graphql generates now (after changing the SDL, run `npm run codegen`)', () => {
    const { status, output } = check();
    expect(output).toContain('src/graphql/generated/schemaTypes.ts is up to date.');
    expect(status).toBe(0);
  });

  it('is reported stale, naming the first differing line, once the SDL changes', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-'));
    try {
      const schema = path.join(ROOT, 'schema');
      for (const name of fs.readdirSync(schema)) fs.copyFileSync(path.join(schema, name), path.join(directory, name));
      fs.appendFileSync(path.join(directory, 'base.graphql'), '\nextend type RegistryStatus {\n  "A field the committed file lacks."\n  eventCount: Int!\n}\n');
      const { status, output } = check('--schema', directory);
      expect(output).toMatch(/schemaTypes\.ts is stale \(line \d+: .*A field the committed file lacks.*\): run npm run codegen\./);
      expect(status).toBe(1);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
