/**
 * Tracks the store's last global position and wakes live subscriptions when it moves, so that
 * subscriptions in this process never poll. Commits of other connections (another process on the
 * same file) are found by the store, which is told when the first subscription starts waiting.
 */
export class HeadWatcher {
  private readonly waiters = new Set<{ readonly beyond: bigint; readonly wake: () => void }>();

  constructor(
    private current: bigint,
    private readonly onWaiting: () => void = () => undefined,
  ) {}

  get position(): bigint {
    return this.current;
  }

  /** Whether any subscription is waiting for the head to move. */
  get waiting(): boolean {
    return this.waiters.size > 0;
  }

  advance(position: bigint): void {
    if (position <= this.current) return;
    this.current = position;
    for (const waiter of this.waiters) {
      if (position > waiter.beyond) {
        this.waiters.delete(waiter);
        waiter.wake();
      }
    }
  }

  /** Calls `wake` once the head passes `beyond` (at once if it already has); returns a canceller. */
  onceBeyond(beyond: bigint, wake: () => void): () => void {
    if (this.current > beyond) {
      wake();
      return () => undefined;
    }
    const waiter = { beyond, wake };
    this.waiters.add(waiter);
    if (this.waiters.size === 1) this.onWaiting();
    return () => this.waiters.delete(waiter);
  }

  close(): void {
    for (const waiter of this.waiters) waiter.wake();
    this.waiters.clear();
  }
}
