import { createHash } from 'node:crypto';
import type { EventStore, RecordedEvent } from '../eventStore/eventStore';
import { StreamNotFoundError } from '../eventStore/errors';
import type { JsonObject } from '../eventStore/json';
import { canonicalJson } from '../shared/canonicalJson';

/**
 * SHA-256 over the canonical form of everything the registry asserts about an event (its place in
 * its stream, id, type, data and metadata, the previous hash included) except the hash itself and
 * what the store assigns (global position, created timestamp).
 */
export const eventHash = (input: {
  readonly streamName: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: JsonObject;
}): string => {
  const { hash: _ignored, ...metadata } = input.metadata;
  return createHash('sha256')
    .update(
      canonicalJson({
        streamName: input.streamName,
        revision: input.revision.toString(),
        id: input.id,
        type: input.type,
        data: input.data,
        metadata,
      }),
    )
    .digest('hex');
};

export type ChainBreakReason = 'hash-missing' | 'hash-mismatch' | 'previous-hash-mismatch';

export interface ChainBreak {
  readonly streamName: string;
  readonly revision: bigint;
  readonly eventId: string;
  readonly position: bigint;
  readonly reason: ChainBreakReason;
}

export type VerificationReport =
  | { readonly intact: true; readonly eventsChecked: number }
  | { readonly intact: false; readonly eventsChecked: number; readonly firstBreak: ChainBreak };

/** Checks one event against the hash of its predecessor; returns the reason when it breaks. */
const check = (event: RecordedEvent, previousHash: string | null): ChainBreakReason | undefined => {
  const { hash, previousHash: claimedPrevious } = event.metadata;
  if (typeof hash !== 'string') return 'hash-missing';
  if ((claimedPrevious ?? null) !== previousHash) return 'previous-hash-mismatch';
  return eventHash(event) === hash ? undefined : 'hash-mismatch';
};

const breakAt = (event: RecordedEvent, reason: ChainBreakReason): ChainBreak => ({
  streamName: event.streamName,
  revision: event.revision,
  eventId: event.id,
  position: event.position,
  reason,
});

export const verifyStream = async (store: EventStore, streamName: string): Promise<VerificationReport> => {
  let previous: string | null = null;
  let eventsChecked = 0;
  try {
    for await (const event of store.readStream(streamName)) {
      eventsChecked++;
      const reason = check(event, previous);
      if (reason) return { intact: false, eventsChecked, firstBreak: breakAt(event, reason) };
      previous = event.metadata['hash'] as string;
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return { intact: true, eventsChecked };
};

/** Verifies every stream's chain in one pass over `$all`, reporting the first break in log order. */
export const verifyStore = async (store: EventStore): Promise<VerificationReport> => {
  const lastHash = new Map<string, string>();
  let eventsChecked = 0;
  for await (const event of store.readAll()) {
    eventsChecked++;
    const reason = check(event, lastHash.get(event.streamName) ?? null);
    if (reason) return { intact: false, eventsChecked, firstBreak: breakAt(event, reason) };
    lastHash.set(event.streamName, event.metadata['hash'] as string);
  }
  return { intact: true, eventsChecked };
};

export interface ChainScan {
  readonly eventsChecked: number;
  readonly streamsChecked: number;
  /** Every break found, in log order (up to `maxBreaks`). */
  readonly breaks: readonly ChainBreak[];
}

/**
 * Checks every event of `events` (the whole log, or one stream) and goes on past a break: each
 * event is checked against the hash its predecessor carries, so one altered event is reported once
 * and the rest of its stream still verifies. An operator then sees everything that was altered,
 * not just the first. Deleting a stream's last event leaves no trace in a hash chain: only an
 * external copy of the head hashes (an export) shows that.
 */
export const scanChains = async (
  events: AsyncIterable<RecordedEvent>,
  { maxBreaks = 1_000, onEvent }: { readonly maxBreaks?: number; readonly onEvent?: (eventsChecked: number) => void } = {},
): Promise<ChainScan> => {
  const lastHash = new Map<string, string | null>();
  const breaks: ChainBreak[] = [];
  let eventsChecked = 0;
  for await (const event of events) {
    eventsChecked++;
    const reason = check(event, lastHash.get(event.streamName) ?? null);
    if (reason && breaks.length < maxBreaks) breaks.push(breakAt(event, reason));
    const hash = event.metadata['hash'];
    lastHash.set(event.streamName, typeof hash === 'string' ? hash : null);
    onEvent?.(eventsChecked);
  }
  return { eventsChecked, streamsChecked: lastHash.size, breaks };
};
