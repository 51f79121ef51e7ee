import { UnavailableError } from '../shared/errors';

export interface BuildLimitOptions {
  /** Builds run at once. */
  readonly running: number;
  /** Builds waiting for a turn; one more is refused. */
  readonly waiting: number;
  /** What a refused caller is told to wait before asking again. */
  readonly retryAfterSeconds: number;
}

/**
 * Bounds the past registries built at once. Each build loads and replays its read models (up to
 * the size of a history snapshot, about 0.6 GB at 1M events) and holds them until its requests are
 * answered: requests as of many different instants at once would otherwise take the process past
 * its memory. Past the waiting line a request is refused at once (UNAVAILABLE, retry after a few
 * seconds) rather than queued without end. Registries already built (PastModelCache) never wait.
 */
export class BuildLimit {
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private readonly options: BuildLimitOptions) {}

  async run<T>(build: () => Promise<T>): Promise<T> {
    if (this.active >= this.options.running) {
      if (this.queue.length >= this.options.waiting) {
        throw new UnavailableError(
          `The registry is building ${this.active} past registries and ${this.queue.length} more are waiting: ask again in ${this.options.retryAfterSeconds} seconds.`,
          this.options.retryAfterSeconds,
        );
      }
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await build();
    } finally {
      // The turn passes to the next in line, if any, without ever going free in between.
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }

  /** Builds running and waiting (for diagnostics and tests). */
  get load(): { readonly running: number; readonly waiting: number } {
    return { running: this.active, waiting: this.queue.length };
  }
}
