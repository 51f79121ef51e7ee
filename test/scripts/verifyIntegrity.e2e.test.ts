import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';
import { generateHistory, writeHistory } from '../../src/generator';
import type { LegalDate } from '../../src/shared/time';
import { runScript } from '../support/cli';

/** `npm run verify` against a store whose SQLite file is then altered behind the registry's back. */
describe('npm run verify', () => {
  let dataDir: string;
  let events: number;
  const verify = (...args: string[]) => runScript('scripts/verifyIntegrity.ts', args, { DATA_DIR: dataDir });
  /** Runs SQL on the store file directly, as someone with access to the disk could. */
  const tamper = <T>(work: (db: Database.Database) => T): T => {
    const db = new Database(path.join(dataDir, 'events.sqlite3'));
    try {
      return work(db);
    } finally {
      db.close();
    }
  };
  type Row = { position: number; stream: string; revision: number; id: string };
  /** An agreement's signature (revision > 0, not its last event): altering it breaks one link. */
  const signature = (offset = 0): Row =>
    tamper((db) =>
      db
        .prepare(
          `SELECT position, stream, revision, id FROM events e WHERE type = 'AgreementSigned'
           AND EXISTS (SELECT 1 FROM events n WHERE n.stream = e.stream AND n.revision = e.revision + 1)
           ORDER BY position LIMIT 1 OFFSET ?`,
        )
        .get(offset) as Row,
    );

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-'));
    const store = SqliteEventStore.open({ dataDir, durability: 'normal' });
    ({ events } = await writeHistory(store, generateHistory({ seed: 7, agreements: 30, to: '2024-01-01' as LegalDate }), { pipelineSameStream: true }));
    await store.close();
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('reports an intact store with what it checked, and exit code 0', async () => {
    const run = await verify();
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`Checked the hash chains of ${events.toLocaleString('en')} events in [\\d,]+ streams \\(every stream of the embedded store in ${dataDir}\\)`));
    expect(run.stdout).toContain('Intact');
  }, 30_000);

  it('finds an event altered in the file, names its stream, revision and id, and exits 1', async () => {
    const target = signature();
    tamper((db) => db.prepare(`UPDATE events SET data = json_set(data, '$.place', 'Otro lugar') WHERE position = ?`).run(target.position));
    const run = await verify();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('BROKEN: 1 break in the hash chains.');
    expect(run.stdout).toContain(`stream ${target.stream} revision ${target.revision} event ${target.id} (position ${target.position}): hash-mismatch`);

    const agreementId = target.stream.replace(/^agreement-/, '');
    const one = await verify('--agreement', agreementId);
    expect(one.code).toBe(1);
    expect(one.stdout).toMatch(new RegExp(`events in 1 stream \\(stream ${target.stream} in `));
    expect(one.stdout).toContain(`revision ${target.revision} event ${target.id}`);
    const other = signature(1);
    expect(await verify('--stream', other.stream)).toMatchObject({ code: 0, stdout: expect.stringContaining('Intact') });
  }, 60_000);

  it('reports every break, including an event removed from the middle of a stream', async () => {
    const altered = signature();
    const removed = signature(1);
    tamper((db) => {
      db.prepare(`UPDATE events SET metadata = json_set(metadata, '$.validAt', '1999-01-01') WHERE position = ?`).run(altered.position);
      db.prepare('DELETE FROM events WHERE position = ?').run(removed.position);
    });
    const next = tamper((db) => db.prepare('SELECT id, revision FROM events WHERE stream = ? AND revision = ?').get(removed.stream, removed.revision + 1) as { id: string; revision: number });
    const run = await verify();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('BROKEN: 2 breaks');
    expect(run.stdout).toContain(`stream ${altered.stream} revision ${altered.revision} event ${altered.id}`);
    expect(run.stdout).toContain(`stream ${removed.stream} revision ${next.revision} event ${next.id}`);
    expect(run.stdout).toContain('previous-hash-mismatch');
  }, 30_000);

  it('says so when the agreement has no stream', async () => {
    const run = await verify('--agreement', '00000000-0000-4000-8000-000000000000');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No stream named agreement-00000000-0000-4000-8000-000000000000');
  }, 30_000);
});
