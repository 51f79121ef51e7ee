import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AUDIT_RULE_CODES } from '../../projections/auditFindings';
import { graphql, startService, type RunningService } from '../support/cli';

/**
 * `npm start` as a new user runs it: a fresh data directory gets the demo registry, a second start
 * keeps it, `--empty` and DEMO_DATA=off start without it, and the banner's dashboard link carries a
 * token that reads findings. A small demo (200 agreements: one block of every irregular case)
 * keeps it fast; the default size is the realistic one.
 */
describe('npm start on a fresh data directory', () => {
  const dirs: string[] = [];
  let service: RunningService | undefined;
  const freshDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'first-run-'));
    dirs.push(dir);
    return dir;
  };
  const stop = async () => {
    const code = await service?.stop();
    service = undefined;
    return code;
  };
  const tokenOf = (banner: string) => /^ {2}dashboard: http:\/\/\S+\/#token=(\S+)$/m.exec(banner)?.[1];
  const agreementCount = async (url: string, token: string) =>
    ((await graphql(url, '{ agreements(first: 1) { totalCount } }', token)).data?.['agreements'] as { totalCount: number }).totalCount;

  afterEach(async () => {
    await stop();
  });
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads the demo registry, prints a dashboard link whose token reads findings, and keeps the data on the next start', async () => {
    const dataDir = freshDir();
    service = await startService(['--demo-agreements', '200'], { DATA_DIR: dataDir });
    const { banner, url } = service;
    expect(service.stderr()).toMatch(/loading the demo registry \(seed 1, 200 agreements, 2000-01-01 up to \d{4}-\d\d-\d\d\)/);
    expect(service.stderr()).toMatch(/Demo registry: [\d,]+ events .*200 agreements/);
    expect(banner).toMatch(/data: +demo registry loaded: 200 agreements, [\d,]+ events/);
    expect(banner).toContain(`  GraphQL:   ${url}/graphql`);
    expect(banner).toMatch(new RegExp(`^  dashboard: ${url.replace(/\./g, '\\.')}/#token=[\\w-]+\\.[\\w-]+\\.[\\w-]+$`, 'm'));
    expect(banner).toContain('npm run token -- --role');
    const token = tokenOf(banner) as string;

    const summary = await graphql(url, '{ auditSummary { total byRule { rule count } } }', token);
    expect(summary.errors).toBeUndefined();
    const byRule = (summary.data?.['auditSummary'] as { byRule: { rule: string; count: number }[] }).byRule;
    expect(byRule.filter((entry) => entry.count === 0).map((entry) => entry.rule)).toEqual([]);
    expect(byRule).toHaveLength(AUDIT_RULE_CODES.length);
    // Without the token the same question is refused: the link's token is what grants it.
    expect((await graphql(url, '{ auditSummary { total } }')).errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
    expect(await agreementCount(url, token)).toBe(200);
    expect(await stop()).toBe(0);

    service = await startService([], { DATA_DIR: dataDir });
    expect(service.stderr()).not.toMatch(/demo registry/i);
    expect(service.banner).toMatch(/data: +the data already in the store /);
    expect(await agreementCount(service.url, tokenOf(service.banner) as string)).toBe(200);
  }, 120_000);

  it.each([
    ['--empty', ['--empty'], {}],
    ['DEMO_DATA=off', [], { DEMO_DATA: 'off' }],
  ])('starts empty with %s', async (how, args, env) => {
    service = await startService(args, { DATA_DIR: freshDir(), ...env });
    expect(service.stderr()).not.toMatch(/demo registry/i);
    expect(service.banner).toContain(`data:      started empty (${how})`);
    expect(await agreementCount(service.url, tokenOf(service.banner) as string)).toBe(0);
  }, 60_000);

  it('prints no token link in production', async () => {
    service = await startService(['--empty'], { DATA_DIR: freshDir(), NODE_ENV: 'production', AUTH_SECRET: 'p'.repeat(40) });
    expect(service.banner).not.toContain('#token=');
    expect(service.banner).toMatch(/dashboard: http:\/\/\S+\/ +\(sign in with a token/);
  }, 60_000);
});
