import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteEventStore } from '../../../src/eventStore/sqlite/sqliteEventStore';
import { describeEventStoreConformance } from '../conformance/eventStoreConformance';

describeEventStoreConformance('embedded SQLite store', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-store-'));
  const store = SqliteEventStore.open({ dataDir });
  return {
    store,
    cleanup: async () => {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
});
