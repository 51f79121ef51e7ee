import type { StoreConfig } from '../config/config';
import type { EventStore } from '../eventStore/eventStore';
import { EsdbEventStore } from '../eventStore/esdb/esdbEventStore';
import { SqliteEventStore } from '../eventStore/sqlite/sqliteEventStore';

export const openEventStore = (config: StoreConfig): EventStore => {
  switch (config.kind) {
    case 'sqlite':
      return SqliteEventStore.open({ dataDir: config.dataDir });
    case 'eventstoredb':
      return EsdbEventStore.connect(config.connectionString);
    default: {
      const unknown: never = config;
      throw new Error(`Unknown store ${JSON.stringify(unknown)}`);
    }
  }
};

/** How the banner and the scripts name the configured store. */
export const describeStore = (config: StoreConfig): string =>
  config.kind === 'sqlite' ? `the embedded store in ${config.dataDir}` : `EventStoreDB at ${config.connectionString}`;
