import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveTokenSettings } from '../../src/access/tokenSettings';
import { mintToken } from '../../src/access/tokens';
import { startRegistry, type RunningRegistry } from '../../src/app/registry';
import { loadConfig } from '../../src/config/config';
import { readHeadPosition } from '../../src/eventStore/headPosition';
import type { RecordedEvent } from '../../src/eventStore/eventStore';
import { CSV_COLUMNS } from '../../src/importExport/importFormat';
import { importedAgreementId } from '../../src/importExport/rowCommands';
import { agreementStreamName } from '../../src/agreements/agreementTypes';
import { runScript } from '../support/cli';
import { NOW, csv, sample, twinning } from './importSupport';

/*
 * POST /import/agreements on a running registry (its real HTTP server, embedded store), and the
 * script `npm run import` writing to the same store from another process while it runs.
 */

interface Problem {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}
interface Report {
  readonly import: string;
  readonly format: string;
  readonly actor: { readonly id: string; readonly role: string };
  readonly dryRun: boolean;
  readonly rows: number;
  readonly imported: number;
  readonly unchanged: number;
  readonly events: number;
  readonly position: string | null;
  readonly rejected: { readonly line: number; readonly key?: string; readonly problems: Problem[] }[];
  readonly rejectedCount: number;
}
interface Refusal {
  readonly errors: { readonly message: string; readonly extensions: { readonly code: string; readonly line?: number } }[];
}

type Role = 'sre-legal' | 'admin' | 'subnational' | 'parliament';

const CSV = 'text/csv; charset=utf-8';
const JSON_TYPE = 'application/json';

describe('POST /import/agreements', () => {
  let dataDir: string;
  let registry: RunningRegistry;
  let log: string[];
  let tokenCount = 0;
  let token: (role: Role, entities?: string[]) => Promise<string>;

  const post = (body: string | Buffer, contentType: string | undefined, authorization?: string, query = ''): Promise<Response> =>
    fetch(`${registry.url}/import/agreements${query}`, {
      method: 'POST',
      headers: { ...(contentType ? { 'content-type': contentType } : {}), ...(authorization ? { authorization } : {}) },
      body,
    });
  const report = async (response: Response): Promise<Report> => {
    const text = await response.text();
    expect({ status: response.status, text: response.status === 200 ? '' : text }).toEqual({ status: 200, text: '' });
    return JSON.parse(text) as Report;
  };
  const refusal = async (response: Response, status: number, code: string): Promise<Refusal['errors'][number]> => {
    const body = (await response.json()) as Refusal;
    expect({ status: response.status, code: body.errors[0]?.extensions.code }).toEqual({ status, code });
    return body.errors[0] as Refusal['errors'][number];
  };
  const events = async (): Promise<RecordedEvent[]> => {
    const all: RecordedEvent[] = [];
    for await (const event of registry.store.readAll()) all.push(event);
    return all;
  };
  const graphql = async (query: string, authorization: string) => {
    const response = await fetch(`${registry.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query }) });
    return (await response.json()) as { data?: { agreements: { totalCount: number; edges: { node: { title: string } }[] } }; extensions?: { consistency?: { reached: boolean } } };
  };
  const alive = async () => expect((await fetch(`${registry.url}/healthz`)).status).toBe(200);

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-import-http-'));
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir });
    log = [];
    registry = await startRegistry(config, { clock: () => NOW, log: (line) => log.push(line), processMetrics: false });
    await registry.caughtUp;
    const settings = resolveTokenSettings(config.auth);
    if (settings.key.kind !== 'secret') throw new Error('expected a development secret');
    const secret = { ...settings, key: settings.key };
    // A subject per token: each caller has its own rate-limit bucket.
    token = async (role, entities) => `Bearer ${await mintToken(secret, { sub: `${role}-${++tokenCount}`, role, ...(entities ? { entities } : {}) })}`;
  }, 60_000);

  afterAll(async () => {
    await registry.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('imports a CSV for SRE legal staff, recorded as the token subject, and the answer’s position reads it back', async () => {
    const authorization = await token('sre-legal');
    const first = await report(await post(sample('agreements-sample.csv'), CSV, authorization));
    expect(first).toMatchObject({ import: 'agreements', format: 'csv', dryRun: false, rows: 8, imported: 8, unchanged: 0, rejected: [], rejectedCount: 0 });
    expect(first.actor).toEqual({ id: expect.stringMatching(/^sre-legal-/), role: 'system' });
    expect(first.position).toBe(String(await readHeadPosition(registry.store)));
    const written = (await events()).filter((event) => event.streamName === agreementStreamName(importedAgreementId('JAL-GDL-1995-001')));
    expect(written.map((event) => event.metadata['actor'])).toEqual(written.map(() => ({ id: first.actor.id, role: 'system', entityScope: [] })));

    const read = await graphql(`{ agreements(first: 100, consistentWith: "${first.position}") { totalCount edges { node { title } } } }`, authorization);
    expect(read.extensions?.consistency?.reached).toBe(true);
    expect(read.data?.agreements.edges.map((edge) => edge.node.title)).toContain('Hermanamiento Guadalajara–Kioto');

    // Importing it again (here as JSON, by an administrator) changes nothing.
    const again = await report(await post(sample('agreements-sample.json'), JSON_TYPE, await token('admin')));
    expect(again).toMatchObject({ format: 'json', rows: 8, imported: 0, unchanged: 8, rejected: [], position: null });
  });

  it('answers the script’s report for rejected rows, in the CSV’s own column names, and a dry run writes nothing', async () => {
    const before = await readHeadPosition(registry.store);
    const dry = await report(await post(sample('agreements-invalid.csv'), CSV, await token('sre-legal'), '?dryRun=true'));
    expect(dry).toMatchObject({ dryRun: true, rows: 9, imported: 1, rejectedCount: 8, position: null });
    expect(await readHeadPosition(registry.store)).toBe(before);
    expect(Object.fromEntries(dry.rejected.map((row) => [row.line, row.problems.map((problem) => `${problem.field}:${problem.rule}`)]))).toMatchObject({
      3: ['signedOn:legal-date-invalid', 'signatureLanguages:required'],
      5: ['registeredOn:DATE_BEFORE_SIGNATURE'],
      7: ['key:duplicate-key'],
      10: ['row:column-count'],
    });
    const row5 = dry.rejected.find((row) => row.line === 5);
    expect(row5).toEqual({ line: 5, key: 'OAX-2014-009', outcome: 'rejected', problems: [{ field: 'registeredOn', rule: 'DATE_BEFORE_SIGNATURE', message: 'registeredOn (2014-03-01) is before the signature (2014-09-12).' }] });
  });

  it('lets a subnational token import its own entities’ rows and rejects, row by row, other entities’ rows and SRE steps', async () => {
    const authorization = await token('subnational', ['14039']);
    const answer = await report(
      await post(
        csv(
          twinning('SUB-OWN'),
          twinning('SUB-OTHER', { parties: '19039:Ayuntamiento de Monterrey' }),
          twinning('SUB-REGISTERS', { registryNumber: 'RAI/2020/0777', registeredOn: '2020-04-01' }),
        ),
        CSV,
        authorization,
      ),
    );
    expect(answer.actor).toEqual({ id: expect.stringMatching(/^subnational-/), role: 'subnational' });
    expect(answer).toMatchObject({ rows: 3, imported: 1 });
    expect(answer.rejected.map((row) => [row.line, row.key, row.problems.map((problem) => `${problem.field}:${problem.rule}`)])).toEqual([
      [3, 'SUB-OTHER', ['parties:FORBIDDEN']],
      [4, 'SUB-REGISTERS', ['registeredOn:FORBIDDEN']],
    ]);
    const own = (await events()).filter((event) => event.streamName === agreementStreamName(importedAgreementId('SUB-OWN')));
    expect(answer.rejected[0]?.problems[0]?.message).toBe(
      'None of your entities (14039) is a party to the agreement of key "SUB-OTHER": you can act only on your own entities\' agreements.',
    );
    expect(answer.rejected[1]?.problems[0]?.message).toBe('RegisterAgreement is for sre-legal; your role is subnational.');
    expect(own.map((event) => (event.metadata['actor'] as { role: string }).role)).toEqual(['subnational', 'subnational']);
  });

  it('answers 401 without a valid token and 403 to Parliament, before reading the file', async () => {
    const file = sample('agreements-sample.csv');
    expect((await refusal(await post(file, CSV), 401, 'UNAUTHENTICATED')).message).toMatch(/bearer token/);
    expect((await post(file, CSV, 'Bearer not-a-token')).status).toBe(401);
    expect((await refusal(await post(file, CSV, await token('parliament')), 403, 'FORBIDDEN')).message).toMatch(/your role is parliament/);
  });

  it('refuses a file that cannot be read with 400 and its line, writing nothing of it, not even the rows before', async () => {
    const before = await readHeadPosition(registry.store);
    const unclosed = `${csv(twinning('BEFORE-THE-BREAK'))}\nBROKEN,twinning,"never closed\n`;
    const error = await refusal(await post(unclosed, CSV, await token('sre-legal')), 400, 'BAD_USER_INPUT');
    expect(error.extensions.line).toBe(3);
    expect(error.message).toMatch(/^The file cannot be read, nothing was imported: line 3: The file is not valid CSV/);
    const json = await refusal(await post('[\n  { "key": "A" },\n  { "key": \n', JSON_TYPE, await token('sre-legal')), 400, 'BAD_USER_INPUT');
    expect(json.message).toMatch(/not valid JSON/);
    expect(json.extensions.line).toBe(3);
    expect((await refusal(await post('key,nonsense\n1,2\n', CSV, await token('sre-legal')), 400, 'BAD_USER_INPUT')).message).toMatch(/unknown column "nonsense"/);
    expect(await readHeadPosition(registry.store)).toBe(before);
  });

  it('refuses other content types, encodings and parameters by name', async () => {
    const authorization = await token('sre-legal');
    const file = sample('agreements-sample.csv');
    expect((await refusal(await post(file, 'text/plain', authorization), 415, 'UNSUPPORTED_MEDIA_TYPE')).message).toMatch(/send the file as text\/csv or application\/json/);
    expect((await refusal(await post(Buffer.from(file), undefined, authorization), 415, 'UNSUPPORTED_MEDIA_TYPE')).message).toMatch(/Content-Type is missing/);
    expect((await refusal(await post(file, 'text/csv; charset=iso-8859-1', authorization), 415, 'UNSUPPORTED_MEDIA_TYPE')).message).toMatch(/must be UTF-8/);
    // Names every object inherits are no media type either (they once answered a message of {} or none).
    for (const inherited of ['constructor', '__proto__']) {
      expect((await refusal(await post(file, inherited, authorization), 415, 'UNSUPPORTED_MEDIA_TYPE')).message).toBe(
        `Content-Type "${inherited}": send the file as text/csv or application/json (see docs/import-format.md).`,
      );
    }
    expect((await refusal(await post(file, CSV, authorization, '?dryRun=yes'), 400, 'BAD_USER_INPUT')).message).toBe('dryRun must be true or false (given once).');
    expect((await refusal(await post(file, CSV, authorization, '?format=csv'), 400, 'BAD_USER_INPUT')).message).toMatch(/Unknown parameter "format"/);
    expect((await refusal(await fetch(`${registry.url}/import/findings`, { method: 'POST', headers: { authorization, 'content-type': CSV }, body: file }), 404, 'NOT_FOUND')).message).toMatch(
      /POST \/import\/agreements/,
    );
  });

  it('refuses a body over 10 MB with 413, whether it says its length or streams it', async () => {
    const authorization = await token('sre-legal');
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 'a');
    expect((await refusal(await post(big, CSV, authorization), 413, 'PAYLOAD_TOO_LARGE')).message).toMatch(/larger than 10 MB/);
    const chunks = Array.from({ length: 12 }, () => Buffer.alloc(1024 * 1024, 'b'));
    const streamed = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${registry.url}/import/agreements`, {
      method: 'POST',
      headers: { authorization, 'content-type': CSV },
      body: streamed,
      duplex: 'half',
    } as RequestInit);
    await refusal(response, 413, 'PAYLOAD_TOO_LARGE');
    await alive();
  });

  it('never fails on hostile input: binary junk, huge lines, deep nesting, endless unknown fields', async () => {
    const authorization = await token('sre-legal');
    const before = await readHeadPosition(registry.store);
    const statuses: number[] = [];
    const send = async (body: string | Buffer, type: string) => {
      const response = await post(body, type, authorization);
      statuses.push(response.status);
      const text = await response.text();
      expect(() => JSON.parse(text)).not.toThrow();
      return { status: response.status, size: text.length, body: JSON.parse(text) as Report & Refusal };
    };
    const junk = randomBytes(2 * 1024 * 1024);
    await send(junk, CSV);
    await send(junk, JSON_TYPE);
    await send(Buffer.concat([Buffer.from(`${CSV_COLUMNS.join(',')}\n`), junk]), CSV);
    // One line of 9 MB: a key and a title far over their limits.
    const huge = await send(csv(twinning('x'.repeat(2_000_000), { title: 'y'.repeat(5_000_000) })), CSV);
    expect(huge.status).toBe(200);
    expect(huge.body.rejected[0]?.problems.map((problem) => `${problem.field}:${problem.rule}`)).toEqual(['key:too-long']);
    expect(huge.size).toBeLessThan(2_100_000);
    expect((await send('['.repeat(5_000_000), JSON_TYPE)).status).toBe(400);
    expect((await send(`[${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}]`, JSON_TYPE)).status).toBe(200);
    // A row of 800,000 unknown fields gets a report of a few, not a million.
    const unknown = await send(`[{${Array.from({ length: 800_000 }, (_, index) => `"f${index}":0`).join(',')}}]`, JSON_TYPE);
    expect(unknown.status).toBe(200);
    expect(unknown.size).toBeLessThan(20_000);
    expect(unknown.body.rejected[0]?.problems.at(-1)).toEqual({ field: 'row', rule: 'unknown-field', message: 'has 799990 more unknown field(s).' });
    // 20,000 empty rows, one a line: each is numbered, the first thousand listed, all counted.
    const empty = await send(`[${'{}\n,'.repeat(19_999)}{}]`, JSON_TYPE);
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ rows: 20_000, rejectedCount: 20_000 });
    expect(empty.body.rejected).toHaveLength(1_000);
    expect(empty.body.rejected[999]).toMatchObject({ line: 1_000, problems: [{ field: 'key', rule: 'required' }] });
    // Too many rows for one request.
    const many = await send(`${CSV_COLUMNS.join(',')}\n${'k,,,,\n'.repeat(30_000)}`, CSV);
    expect(many.status).toBe(413);
    expect(many.body.errors[0]?.message).toMatch(/more than 20000 rows/);
    expect(statuses.slice(0, 3)).toEqual([400, 400, 400]);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(await readHeadPosition(registry.store)).toBe(before);
    await alive();
  }, 60_000);

  it('follows `npm run import` writing to the same store from another process while it runs', async () => {
    const file = path.join(dataDir, 'other-process.csv');
    fs.writeFileSync(file, csv(twinning('FROM-THE-SCRIPT-1'), twinning('FROM-THE-SCRIPT-2', { registryNumber: 'RAI/2020/0999', registeredOn: '2020-04-01' })));
    const run = await runScript('scripts/import.ts', [file, '--data-dir', dataDir, '--json']);
    expect(run.code).toBe(0);
    const position = (JSON.parse(run.stdout) as Report).position;
    expect(position).not.toBeNull();
    // No restart: the server's read models reach the other process's last write by themselves.
    expect(await registry.runner.waitFor(BigInt(position as string), 5_000)).toBe(true);
    const read = await graphql(`{ agreements(first: 10, filter: { text: "FROM-THE-SCRIPT" }) { totalCount } }`, await token('sre-legal'));
    expect(read.data?.agreements.totalCount ?? read).toBe(2);
  }, 60_000);

});
