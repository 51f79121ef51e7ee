import type { EventStore } from '../eventStore/eventStore';
import type { SnapshotOrigin } from './snapshotFile';

/** Checks a snapshot's last event against the store's log: one event read at its position. */
export const logOrigin =
  (store: Pick<EventStore, 'readAll'>): SnapshotOrigin =>
  async (position, lastEventId) => {
    for await (const event of store.readAll({ fromPosition: position, maxCount: 1 })) return event.position === position && event.id === lastEventId;
    return false;
  };
