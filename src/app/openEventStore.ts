import type { StoreConfig } from '../config/config';
import type { EventStore } from '../eventStore/eventStore';
import { SqliteEventStore } from '../eventStore/sqlite/sqliteEventStore';

export const openEventStore = (config: StoreConfig): EventStore => {
  switch (config.kind) {
    case 'sqlite':
      return SqliteEventStore.open({ dataDir: config.dataDir });
    case 'eventstoredb':
      throw new Error('EventStoreDB adapter: wired in the next commit.');
    default: {
      const unknown: never = config;
      throw new Error(`Unknown store ${JSON.stringify(unknown)}`);
    }
  }
};
