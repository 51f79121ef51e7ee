import { runScript } from '../support/cli';

/** Every operator command: `--help` prints the usage and exits 0; an unknown flag exits 2 with it. */
describe.each([
  ['npm start', 'src/main.ts'],
  ['npm run seed:demo', 'scripts/seedDemo.ts'],
  ['npm run generate:history', 'scripts/generateHistory.ts'],
  ['npm run rebuild', 'scripts/rebuildProjections.ts'],
  ['npm run verify', 'scripts/verifyIntegrity.ts'],
  ['npm run token', 'scripts/mintToken.ts'],
  ['npm run store:stats', 'scripts/storeStats.ts'],
])('%s', (command, file) => {
  it('prints its usage for --help and exits 0', async () => {
    const run = await runScript(file, ['--help']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(new RegExp(`^Usage: ${command}`));
    expect(run.stdout).toContain('Options:');
  }, 30_000);

  it('refuses an unknown flag with exit code 2, naming it, with the usage', async () => {
    const run = await runScript(file, ['--no-such-flag']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("'--no-such-flag'");
    expect(run.stderr).toContain(`Usage: ${command}`);
  }, 30_000);
});
