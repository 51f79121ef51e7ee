import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InvalidStoreInputError } from '../../src/eventStore/errors';
import { SqliteEventStore } from '../../src/eventStore/sqlite/sqliteEventStore';
import type { SnapshotOrigin } from '../../src/projectionRunner/snapshotFile';
import { logOrigin, retryingOrigin } from '../../src/projectionRunner/snapshotOrigin';

describe("a snapshot's origin, checked against the store's log", () => {
  let dataDir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'snapshot-origin-'));
    store = SqliteEventStore.open({ dataDir });
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('holds only when the very event is at the very position', async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    const one = await store.appendToStream('agreement-1', [{ id: first, type: 'AgreementOpened', data: {} }]);
    const two = await store.appendToStream('agreement-2', [{ id: second, type: 'AgreementOpened', data: {} }]);
    const origin = logOrigin(store);

    await expect(origin(one.position, first)).resolves.toBe(true);
    await expect(origin(two.position, second)).resolves.toBe(true);
    // Another event at the position, the event at another position, a position past the log's end.
    await expect(origin(one.position, randomUUID())).resolves.toBe(false);
    await expect(origin(two.position, first)).resolves.toBe(false);
    await expect(origin(two.position + 100n, second)).resolves.toBe(false);
  });

  it('does not hold where the store says no event starts (an EventStoreDB log checked against a snapshot of another)', async () => {
    const refusing = { readAll: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new InvalidStoreInputError('fromPosition', 'not-an-event-position', 'no event starts there')) }) }) };
    await expect(logOrigin(refusing)(42n, randomUUID())).resolves.toBe(false);
  });

  it('is asked again while it throws, and never after an answer', async () => {
    let calls = 0;
    const failingTwice: SnapshotOrigin = async () => {
      calls += 1;
      if (calls <= 2) throw new Error('unavailable');
      return false;
    };
    await expect(retryingOrigin(failingTwice, [1, 1, 1])(1n, 'id')).resolves.toBe(false);
    expect(calls).toBe(3);

    calls = 0;
    const failing: SnapshotOrigin = async () => {
      calls += 1;
      throw new Error('unavailable');
    };
    await expect(retryingOrigin(failing, [1, 1])(1n, 'id')).rejects.toThrow('unavailable');
    expect(calls).toBe(3);
  });
});
