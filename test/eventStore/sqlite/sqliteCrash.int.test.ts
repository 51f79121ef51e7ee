import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../../../src/eventStore/sqlite/sqliteEventStore';
import type { RecordedEvent } from '../../../src/eventStore/eventStore';

const WRITER = path.join(__dirname, '..', '..', 'support', 'crashWriter.ts');

interface Ack {
  readonly stream: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly id: string;
}

/** Runs the writer until it has acknowledged `count` appends, then kills it with SIGKILL. */
const runAndKill = (dataDir: string, count: number): Promise<Ack[]> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: Ack[] = [];
    let pending = '';
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [stream, revision, position, id] = line.split(' ');
        acks.push({ stream: stream!, revision: BigInt(revision!), position: BigInt(position!), id: id! });
      }
      if (!killed && acks.length >= count) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    // 'close' fires after stdout is drained: acks still in the pipe when it was killed are counted.
    child.on('close', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(acks) : reject(new Error(`writer exited on its own: ${stderr}`)),
    );
  });

describe('embedded SQLite store under SIGKILL', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-crash-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged append, in order, and the file opens cleanly after a kill', async () => {
    const acks = await runAndKill(dataDir, 3_000);
    expect(acks.length).toBeGreaterThanOrEqual(3_000);

    const check = new Database(path.join(dataDir, 'events.sqlite3'));
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();

    const store = SqliteEventStore.open({ dataDir });
    try {
      const all: RecordedEvent[] = [];
      for await (const event of store.readAll()) all.push(event);
      const byPosition = new Map(all.map((event) => [event.position, event]));
      for (const ack of acks) {
        expect(byPosition.get(ack.position)).toMatchObject({ id: ack.id, streamName: ack.stream, revision: ack.revision });
      }
      // Whatever survived beyond the acknowledged appends is whole: no gaps in any stream.
      const revisions = new Map<string, bigint>();
      for (const event of all) {
        expect(event.revision).toBe((revisions.get(event.streamName) ?? -1n) + 1n);
        revisions.set(event.streamName, event.revision);
      }
      // And the store takes new appends where each stream left off.
      const [stream, last] = [...revisions.entries()][0]!;
      await expect(
        store.appendToStream(stream, [{ id: crypto.randomUUID(), type: 'AfterRestart', data: {} }], { expectedRevision: last }),
      ).resolves.toMatchObject({ nextExpectedRevision: last + 1n });
    } finally {
      await store.close();
    }
  }, 60_000);
});
