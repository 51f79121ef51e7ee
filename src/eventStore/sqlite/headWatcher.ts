/**
 * Tracks the store's last global position and wakes live subscriptions when it moves, so that
 * subscriptions in this process never poll.
 */
export class HeadWatcher {
  private readonly waiters = new Set<{ readonly beyond: bigint; readonly wake: () => void }>();

  constructor(private current: bigint) {}

  get position(): bigint {
    return this.current;
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
    return () => this.waiters.delete(waiter);
  }

  close(): void {
    for (const waiter of this.waiters) waiter.wake();
    this.waiters.clear();
  }
}
