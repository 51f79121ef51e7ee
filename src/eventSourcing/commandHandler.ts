import type { EventStore, EventToAppend } from '../eventStore/eventStore';
import { StreamNotFoundError, WrongExpectedRevisionError } from '../eventStore/errors';
import type { JsonObject } from '../eventStore/json';
import { canonicalJson } from '../shared/canonicalJson';
import { ConflictError, InvalidInputError } from '../shared/errors';
import type { CommandId } from '../shared/ids';
import { deterministicUuid } from '../shared/ids';
import { legalDateAt, toInstant, type Clock } from '../shared/time';
import type { Decider } from './decider';
import type { Actor, DomainEvent, EventMetadata, StoredDomainEvent } from './envelope';
import { eventHash } from './hashChain';
import { currentSchemaVersion, upcast, type UpcasterRegistry } from './upcasting';

export interface CommandHandlerDeps {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly upcasters: UpcasterRegistry;
}

export interface CommandEnvelope {
  readonly commandId: CommandId;
  readonly actor: Actor;
  /** Defaults to the command id: a command that starts a flow correlates with itself. */
  readonly correlationId?: string;
  /** When given, a stale revision is a ConflictError instead of a transparent retry. */
  readonly expectedRevision?: bigint | 'no_stream';
}

export interface CommandResult<State, Event extends DomainEvent> {
  readonly streamName: string;
  readonly state: State;
  /** The stream's revision after the command (the one to pass as the next expected revision). */
  readonly revision: bigint | 'no_stream';
  /** Global position of the last event written, or of the stream's last event when nothing was. */
  readonly position: bigint | null;
  readonly events: readonly Event[];
  /** The stored ids of `events`, in order. */
  readonly eventIds: readonly string[];
  /** True when this command id had already been handled: nothing was written this time. */
  readonly replayed: boolean;
}

export interface LoadedStream<State, Event extends DomainEvent> {
  readonly state: State;
  readonly events: readonly StoredDomainEvent<Event>[];
  readonly revision: bigint | 'no_stream';
}

/** Attempts when no expected revision was given and another writer got in first. */
const MAX_ATTEMPTS = 4;

/** Reads a stream, upcasts each event to its current schema and folds it into state. */
export const loadStream = async <Command, Event extends DomainEvent, State>(
  deps: Pick<CommandHandlerDeps, 'store' | 'upcasters'>,
  decider: Decider<Command, Event, State>,
  streamName: string,
): Promise<LoadedStream<State, Event>> => {
  let state = decider.initialState();
  const events: StoredDomainEvent<Event>[] = [];
  try {
    for await (const recorded of deps.store.readStream(streamName)) {
      const metadata = recorded.metadata as unknown as EventMetadata;
      // Stored events were validated when written; upcasting brings old schemas to today's shape.
      const event = {
        type: recorded.type,
        data: upcast(deps.upcasters, recorded.type, metadata.schemaVersion ?? 1, recorded.data),
      } as Event;
      state = decider.evolve(state, event, { eventId: recorded.id });
      events.push({ event, id: recorded.id, streamName, revision: recorded.revision, position: recorded.position, metadata });
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  const last = events[events.length - 1];
  return { state, events, revision: last ? last.revision : 'no_stream' };
};

/**
 * The one command handler: read the stream, decide, append with the read revision as the
 * expected revision. Event ids derive from the command id, so a retried command (after a timeout,
 * say) is recognised and answered with its original outcome instead of being applied twice.
 */
export const handleCommand = async <Command, Event extends DomainEvent, State>(
  deps: CommandHandlerDeps,
  decider: Decider<Command, Event, State>,
  streamName: string,
  command: Command,
  envelope: CommandEnvelope,
  /** Runs on the loaded state before anything else, e.g. to check the actor may act on it. */
  guard?: (state: State) => void,
): Promise<CommandResult<State, Event>> => {
  for (let attempt = 1; ; attempt++) {
    const loaded = await loadStream(deps, decider, streamName);
    guard?.(loaded.state);
    const earlier = loaded.events.filter((stored) => stored.metadata.causationId === envelope.commandId);
    if (earlier.length > 0) {
      if (decider.recordedBy && !decider.recordedBy(command, earlier.map((stored) => stored.event))) {
        throw InvalidInputError.of(
          'commandId',
          'command-id-reused',
          `${envelope.commandId} is the id of an earlier command on ${streamName}, which recorded ${earlier.map((stored) => stored.event.type).join(', ')}: give each command its own id (a retry of that command keeps it).`,
        );
      }
      const last = earlier[earlier.length - 1] as StoredDomainEvent<Event>;
      return {
        streamName,
        state: loaded.state,
        revision: loaded.revision,
        position: last.position,
        events: earlier.map((stored) => stored.event),
        eventIds: earlier.map((stored) => stored.id),
        replayed: true,
      };
    }
    if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== loaded.revision) {
      throw new ConflictError(streamName, envelope.expectedRevision, loaded.revision);
    }

    const now = deps.clock();
    const decided = decider.decide(command, loaded.state, { now, today: legalDateAt(now) });
    if (decided.length === 0) {
      const last = loaded.events[loaded.events.length - 1];
      return { streamName, state: loaded.state, revision: loaded.revision, position: last?.position ?? null, events: [], eventIds: [], replayed: false };
    }

    const toAppend = buildEventsToAppend({
      upcasters: deps.upcasters,
      validAt: decider.validAt,
      streamName,
      events: decided,
      envelope,
      tip: { revision: loaded.revision, lastHash: loaded.events[loaded.events.length - 1]?.metadata.hash ?? null },
      recordedAt: toInstant(now),
    });
    try {
      const result = await deps.store.appendToStream(streamName, toAppend, { expectedRevision: loaded.revision });
      const state = decided.reduce(
        (folded, event, index) => decider.evolve(folded, event, { eventId: (toAppend[index] as EventToAppend).id }),
        loaded.state,
      );
      return { streamName, state, revision: result.nextExpectedRevision, position: result.position, events: decided, eventIds: toAppend.map((event) => event.id), replayed: false };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (envelope.expectedRevision !== undefined || attempt >= MAX_ATTEMPTS) {
        throw new ConflictError(streamName, loaded.revision, error.actual);
      }
      // Someone else wrote first: decide again on the fresh state.
    }
  }
};

/**
 * The id of the event at `index` of a command's append to a stream. The same command sent again
 * gives the same ids, which the store takes as a retry of what it already holds. The event's
 * content is part of the name so that the same command id sent at the same moment with other data
 * (two racing requests) gives other ids: the store then refuses the second append as a conflict,
 * and its retry finds the command id used (command-id-reused) instead of answering it as the
 * first one's success.
 */
export const eventIdFor = (commandId: string, streamName: string, index: number, event: DomainEvent): string =>
  deterministicUuid(`${commandId}/${streamName}/${index}/${event.type}/${canonicalJson(event.data)}`);

/** Where a stream stands before an append: its revision and the hash of its last event. */
export interface StreamTip {
  readonly revision: bigint | 'no_stream';
  readonly lastHash: string | null;
}

/**
 * Wraps decided events for the store: ids derived from the command id, the metadata envelope and
 * the hash chain continuing from `tip`. Exported for writers that keep stream state themselves
 * (the history generator, imports) so their events are indistinguishable from handled commands'.
 */
export const buildEventsToAppend = <Event extends DomainEvent>(input: {
  readonly upcasters: UpcasterRegistry;
  readonly validAt: (event: Event) => EventMetadata['validAt'];
  readonly streamName: string;
  readonly events: readonly Event[];
  readonly envelope: CommandEnvelope;
  readonly tip: StreamTip;
  readonly recordedAt: EventMetadata['recordedAt'];
}): EventToAppend[] => {
  const { streamName, envelope } = input;
  let previousHash = input.tip.lastHash;
  let revision = input.tip.revision === 'no_stream' ? -1n : input.tip.revision;
  return input.events.map((event, index) => {
    revision += 1n;
    const data = event.data as JsonObject;
    const id = eventIdFor(envelope.commandId, streamName, index, event);
    const unsigned = {
      actor: envelope.actor,
      correlationId: envelope.correlationId ?? envelope.commandId,
      causationId: envelope.commandId,
      validAt: input.validAt(event),
      recordedAt: input.recordedAt,
      schemaVersion: currentSchemaVersion(input.upcasters, event.type),
      previousHash,
    };
    const metadata = unsigned as unknown as JsonObject;
    const hash = eventHash({ streamName, revision, id, type: event.type, data, metadata });
    previousHash = hash;
    return { id, type: event.type, data, metadata: { ...metadata, hash } };
  });
};
