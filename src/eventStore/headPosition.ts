import type { EventStore } from './eventStore';

/** Position of the last event in the store, or null when it holds none. Throws when unreachable. */
export const readHeadPosition = async (store: EventStore): Promise<bigint | null> => {
  let head: bigint | null = null;
  for await (const event of store.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 })) head = event.position;
  return head;
};
