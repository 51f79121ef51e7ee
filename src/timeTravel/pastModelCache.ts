import type { PastModel, PastModelKey } from '../projectionRunner/registryAsOf';

export interface PastModelCacheOptions {
  /** Models kept at most (six is one whole registry), the least recently used dropped first. */
  readonly maxModels: number;
  /** A model unused this long is dropped: each holds hundreds of megabytes at 1M events. */
  readonly idleMs: number;
  /**
   * An instant is settled, and its models kept, once it lies this far in the past: an event
   * being written bears the clock of its writer, which may lag this one's a little.
   */
  readonly settledAfterMs: number;
  /** Epoch milliseconds now. */
  readonly now: () => number;
}

/** Builds the models of keys the cache does not hold: `loadPastModels`, one result per key in order. */
export type LoadPastModels = (keys: readonly PastModelKey[]) => Promise<ReadonlyArray<PastModel | Error>>;

interface Entry {
  readonly model: Promise<PastModel | Error>;
  lastUsed: number;
}

/**
 * Past read models shared by requests. The registry as of an instant takes a second at 1M
 * events, and a committee reading findings as of a date asks for it again with every page it
 * turns (each request has its own loaders). Once an instant is settled its registry cannot
 * change: an event reaches the log within RECORDING_LAG_MS of the instant recorded on it, so every
 * event recorded up to a settled instant is already written.
 * Models are kept by instant (epoch milliseconds, however it was spelled) and model name; two
 * requests asking at once share one build. Only what builds is kept, never an error, and past
 * models are read, never changed, by the queries (their caches aside), so a viewer's visibility
 * is applied after, as for live models.
 */
export class PastModelCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: PastModelCacheOptions) {}

  /** Models by key, from the cache for settled instants, the rest from `load` (in one call). */
  async load(keys: readonly PastModelKey[], load: LoadPastModels, millisOf: (instant: string) => number): Promise<Array<PastModel | Error>> {
    const now = this.options.now();
    this.dropIdle(now);
    const results: Array<Promise<PastModel | Error>> = [];
    const missing: Array<{ readonly key: PastModelKey; readonly resolve: (result: PastModel | Error) => void; readonly cacheKey: string | undefined }> = [];
    for (const key of keys) {
      const millis = millisOf(key.instant);
      const cacheKey = Number.isFinite(millis) && millis <= now - this.options.settledAfterMs ? `${millis}\n${key.projection}` : undefined;
      const cached = cacheKey === undefined ? undefined : this.entries.get(cacheKey);
      if (cached !== undefined && cacheKey !== undefined) {
        cached.lastUsed = now;
        // Most recently used last: the first entry is the one to drop.
        this.entries.delete(cacheKey);
        this.entries.set(cacheKey, cached);
        results.push(cached.model);
        continue;
      }
      let resolve!: (result: PastModel | Error) => void;
      const model = new Promise<PastModel | Error>((settle) => (resolve = settle));
      if (cacheKey !== undefined) this.keep(cacheKey, { model, lastUsed: now });
      missing.push({ key, resolve, cacheKey });
      results.push(model);
    }
    if (missing.length > 0) {
      let loaded: ReadonlyArray<PastModel | Error>;
      try {
        loaded = await load(missing.map(({ key }) => key));
      } catch (error) {
        loaded = missing.map(() => (error instanceof Error ? error : new Error(String(error))));
      }
      missing.forEach(({ resolve, cacheKey }, index) => {
        const result = loaded[index] ?? new Error('the past model was not built');
        if (result instanceof Error && cacheKey !== undefined) this.entries.delete(cacheKey);
        resolve(result);
      });
    }
    return Promise.all(results);
  }

  /** How many models are kept (for diagnostics and tests). */
  get size(): number {
    return this.entries.size;
  }

  /** Drops models unused for `idleMs`; also called by the service on a timer, so memory goes back without queries. */
  dropIdle(now: number = this.options.now()): void {
    for (const [key, entry] of this.entries) if (now - entry.lastUsed >= this.options.idleMs) this.entries.delete(key);
  }

  private keep(cacheKey: string, entry: Entry): void {
    this.entries.set(cacheKey, entry);
    while (this.entries.size > this.options.maxModels) this.entries.delete(this.entries.keys().next().value as string);
  }
}
