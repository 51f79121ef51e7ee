import { setTimeout as sleep } from 'node:timers/promises';
import { InvalidStoreInputError } from '../eventStore/errors';
import type { EventStore } from '../eventStore/eventStore';
import type { SnapshotOrigin } from './snapshotFile';

/** Checks a snapshot's last event against the store's log: one event read at its position. */
export const logOrigin =
  (store: Pick<EventStore, 'readAll'>): SnapshotOrigin =>
  async (position, lastEventId) => {
    try {
      for await (const event of store.readAll({ fromPosition: position, maxCount: 1 })) return event.position === position && event.id === lastEventId;
    } catch (error) {
      // No event starts there (a snapshot of another store's log, whose positions mean other things): a definite no.
      if (error instanceof InvalidStoreInputError) return false;
      throw error;
    }
    return false;
  };

/**
 * `origin`, asked again after each delay while it throws. At start-up the store may still be
 * coming up (an EventStoreDB cluster electing its leader), and a snapshot discarded because the
 * check could not be made costs a rebuild of the whole log; a definite answer is never retried.
 */
export const retryingOrigin =
  (origin: SnapshotOrigin, delaysMs: readonly number[]): SnapshotOrigin =>
  async (position, lastEventId) => {
    for (const delay of delaysMs) {
      try {
        return await origin(position, lastEventId);
      } catch {
        await sleep(delay);
      }
    }
    return origin(position, lastEventId);
  };
