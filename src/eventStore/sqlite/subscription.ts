import type { Subscription, SubscriptionFilter, SubscriptionMessage } from '../eventStore';
import type { HeadWatcher } from './headWatcher';
import { toRecordedEvent, type EventRow } from './rows';

export interface CatchUpSource {
  readonly head: HeadWatcher;
  /** Exclusive start cursor (a position for `$all`, a revision for a stream). */
  readonly start: number;
  /** Up to `pageSize` rows strictly after the cursor, in order. */
  readonly fetchAfter: (cursor: number) => EventRow[];
  readonly cursorOf: (row: EventRow) => number;
  readonly accept: (row: EventRow) => boolean;
  readonly pageSize: number;
}

/**
 * A catch-up subscription that reads pages from the file on demand: while the consumer is not
 * pulling, nothing is read, so a slow consumer holds at most one page in memory. When a page
 * comes back short the subscription has reached the head; it then sleeps until an append moves
 * the head (there is no separate live path, so nothing can fall in a gap between catch-up and live).
 */
export const catchUpSubscription = (source: CatchUpSource): Subscription => {
  let closed = false;
  let wakeUp: (() => void) | undefined;

  async function* run(): AsyncGenerator<SubscriptionMessage> {
    let cursor = source.start;
    let caughtUp = false;
    while (!closed) {
      const seenHead = source.head.position;
      const rows = source.fetchAfter(cursor);
      for (const row of rows) {
        cursor = source.cursorOf(row);
        if (source.accept(row)) {
          yield { kind: 'event', event: toRecordedEvent(row) };
          if (closed) return;
        }
      }
      if (rows.length === source.pageSize) {
        // Reads are synchronous: without a turn of the event loop between pages, catching up with
        // a large store would starve timers and sockets (health checks, progress) until the end.
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      if (!caughtUp) {
        caughtUp = true;
        yield { kind: 'caughtUp' };
        if (closed) return;
      }
      await new Promise<void>((resolve) => {
        const cancel = source.head.onceBeyond(seenHead, resolve);
        wakeUp = () => {
          cancel();
          resolve();
        };
      });
      wakeUp = undefined;
    }
  }

  const iterator = run();
  return {
    [Symbol.asyncIterator]: () => iterator,
    unsubscribe: async () => {
      closed = true;
      wakeUp?.();
    },
  };
};

export const matchesFilter = (filter: SubscriptionFilter, streamName: string, type: string): boolean =>
  'streamNamePrefixes' in filter
    ? filter.streamNamePrefixes.some((prefix) => streamName.startsWith(prefix))
    : filter.eventTypePrefixes.some((prefix) => type.startsWith(prefix));
