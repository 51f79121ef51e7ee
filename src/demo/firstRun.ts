import type { Config } from '../config/config';
import { SqliteEventStore } from '../eventStore/sqlite/sqliteEventStore';
import { readModelFiles } from '../app/readModelFiles';
import { DEMO_DEFAULTS, seedEmbeddedStore, storeIsEmpty, StoreNotEmptyError, type DemoOptions, type SeedProgress, type SeedResult } from './demoRegistry';

export type FirstRunOutcome =
  | { readonly kind: 'seeded'; readonly options: DemoOptions; readonly result: SeedResult; readonly seconds: number }
  /** The store holds events: they are kept, whatever they are. */
  | { readonly kind: 'existing-data' }
  /** Started empty on request: `--empty` or DEMO_DATA=off. */
  | { readonly kind: 'empty-requested'; readonly by: 'flag' | 'DEMO_DATA' }
  /** EventStoreDB is never seeded implicitly: it may be shared, and `npm run seed:demo` does it. */
  | { readonly kind: 'external-store' };

export interface FirstRunRequest {
  /** `npm start -- --empty`. */
  readonly empty: boolean;
  /** Overrides the demo's size (tests use a small one); default DEMO_DEFAULTS.agreements. */
  readonly agreements?: number;
  /** The demo history ends the day before this one (today in Mexico City). */
  readonly today: DemoOptions['to'];
  /** Called once, when seeding begins. */
  readonly onSeeding?: (options: DemoOptions) => void;
  readonly onProgress?: SeedProgress;
}

/**
 * What `npm start` does before the service starts: on the embedded store, when it holds no events
 * at all, the demo registry is loaded; any event (even only the seed policy of an earlier `--empty`
 * start) means the store is someone's data and is left alone. The generated history begins with
 * the policy of 2000, so it cannot go after events recorded today.
 */
export const prepareFirstRun = async (config: Config, request: FirstRunRequest): Promise<FirstRunOutcome> => {
  if (config.store.kind !== 'sqlite') return { kind: 'external-store' };
  const { dataDir } = config.store;
  const store = SqliteEventStore.open({ dataDir });
  let empty: boolean;
  try {
    empty = await storeIsEmpty(store);
  } finally {
    await store.close();
  }
  if (!empty) return { kind: 'existing-data' };
  if (request.empty) return { kind: 'empty-requested', by: 'flag' };
  if (!config.demoData) return { kind: 'empty-requested', by: 'DEMO_DATA' };

  const options: DemoOptions = { seed: DEMO_DEFAULTS.seed, agreements: request.agreements ?? DEMO_DEFAULTS.agreements, from: DEMO_DEFAULTS.from, to: request.today };
  request.onSeeding?.(options);
  const started = process.hrtime.bigint();
  let result: SeedResult;
  try {
    result = await seedEmbeddedStore(dataDir, options, readModelFiles(dataDir, config.history), request.onProgress);
  } catch (error) {
    // Another process wrote to the store while the demo was prepared: its data wins.
    if (error instanceof StoreNotEmptyError) return { kind: 'existing-data' };
    throw error;
  }
  return { kind: 'seeded', options, result, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
};
