import { agreementDecider } from '../agreements/agreementDecider';
import { registryNumberDecider } from '../agreements/registryNumber';
import { registryUpcasters } from '../app/upcasters';
import { entityProfileDecider } from '../entities/entityProfileDecider';
import { buildEventsToAppend, type StreamTip } from '../eventSourcing/commandHandler';
import type { DomainEvent, EventMetadata } from '../eventSourcing/envelope';
import type { UpcasterRegistry } from '../eventSourcing/upcasting';
import type { EventStore, EventToAppend } from '../eventStore/eventStore';
import { policyDecider } from '../policy/policyDecider';
import type { HistoryStep, StepDecider } from './historyStep';

export interface WriteProgress {
  readonly steps: number;
  /** Events acknowledged by the store. */
  readonly events: number;
}

export interface WriteHistoryOptions {
  /** Appends in flight at once (default 512): the store commits them as one group. */
  readonly concurrency?: number;
  readonly onProgress?: (progress: WriteProgress) => void;
  /** Events between two progress reports (default 5,000); one more is made at the end. */
  readonly progressEvery?: number;
  readonly upcasters?: UpcasterRegistry;
  /**
   * Let appends to one stream be in flight together. Only for a store that applies appends in
   * submission order, as the embedded SQLite store does (one group commit, in order): there the
   * second append finds the first written. An agreement's facts often follow each other within
   * minutes, so waiting for each one ends the group commit early; this keeps groups large.
   * Off by default: with EventStoreDB nothing orders concurrent appends.
   */
  readonly pipelineSameStream?: boolean;
}

export interface WriteHistoryResult {
  readonly steps: number;
  readonly events: number;
  readonly streams: number;
  readonly eventsByType: Readonly<Record<string, number>>;
}

const VALID_AT: Readonly<Record<StepDecider, (event: DomainEvent) => EventMetadata['validAt']>> = {
  agreement: agreementDecider.validAt as (event: DomainEvent) => EventMetadata['validAt'],
  'registry-number': registryNumberDecider.validAt as (event: DomainEvent) => EventMetadata['validAt'],
  policy: policyDecider.validAt as (event: DomainEvent) => EventMetadata['validAt'],
  'entity-profile': entityProfileDecider.validAt as (event: DomainEvent) => EventMetadata['validAt'],
};

/**
 * Appends a generated history to an empty store, as the command handler would have: the same
 * envelope, ids and hash chain (`buildEventsToAppend`), each append with the exact expected
 * revision. Stream tips are kept here rather than read back, and many appends are in flight at
 * once so that the store can group-commit them; the store keeps submission order, which is
 * recorded-time order, so the global log is in recorded-time order too. Two appends to one stream
 * are never in flight together (the second waits for the first to be acknowledged) unless
 * `pipelineSameStream` says the store orders them itself.
 * Any refusal (a non-empty store, a conflict) stops the writing and is thrown.
 */
export const writeHistory = async (store: EventStore, steps: Iterable<HistoryStep>, options: WriteHistoryOptions = {}): Promise<WriteHistoryResult> => {
  const concurrency = options.concurrency ?? 512;
  const progressEvery = options.progressEvery ?? 5_000;
  const upcasters = options.upcasters ?? registryUpcasters;
  const tips = new Map<string, StreamTip>();
  const inFlightByStream = new Map<string, Promise<void>>();
  const inFlight: Promise<void>[] = [];
  let oldest = 0;
  const eventsByType: Record<string, number> = {};
  let failure: { readonly error: unknown } | undefined;
  let stepsWritten = 0;
  let eventsWritten = 0;
  let nextReport = progressEvery;
  // Registry-number streams hold one claim each and are never written again: no tip to keep.
  let singleUseStreams = 0;

  for (const step of steps) {
    const pending = options.pipelineSameStream ? undefined : inFlightByStream.get(step.streamName);
    if (pending) await pending;
    while (inFlight.length - oldest >= concurrency) {
      await inFlight[oldest];
      inFlight[oldest] = undefined as unknown as Promise<void>;
      oldest += 1;
    }
    if (oldest > 4096) {
      inFlight.splice(0, oldest);
      oldest = 0;
    }
    if (failure) break;

    const tip = tips.get(step.streamName) ?? { revision: 'no_stream', lastHash: null };
    const toAppend = buildEventsToAppend({
      upcasters,
      validAt: VALID_AT[step.decider],
      streamName: step.streamName,
      events: step.events,
      envelope: step.envelope,
      tip,
      recordedAt: step.recordedAt,
    });
    checkIds(step, toAppend);
    const last = toAppend[toAppend.length - 1] as EventToAppend;
    const revision = (tip.revision === 'no_stream' ? -1n : tip.revision) + BigInt(toAppend.length);
    if (step.decider === 'registry-number') singleUseStreams += 1;
    else tips.set(step.streamName, { revision, lastHash: (last.metadata as unknown as EventMetadata).hash });

    const appended = store.appendToStream(step.streamName, toAppend, { expectedRevision: tip.revision }).then(
      () => {
        stepsWritten += 1;
        eventsWritten += toAppend.length;
        for (const event of toAppend) eventsByType[event.type] = (eventsByType[event.type] ?? 0) + 1;
        if (inFlightByStream.get(step.streamName) === appended) inFlightByStream.delete(step.streamName);
        if (options.onProgress && eventsWritten >= nextReport) {
          nextReport = eventsWritten + progressEvery;
          options.onProgress({ steps: stepsWritten, events: eventsWritten });
        }
      },
      (error: unknown) => {
        failure ??= { error };
      },
    );
    inFlightByStream.set(step.streamName, appended);
    inFlight.push(appended);
  }
  await Promise.all(inFlight.slice(oldest));
  if (failure) throw failure.error;
  options.onProgress?.({ steps: stepsWritten, events: eventsWritten });
  return { steps: stepsWritten, events: eventsWritten, streams: tips.size + singleUseStreams, eventsByType };
};

/** The generator evolved its states with these ids: the events written must carry the same. */
const checkIds = (step: HistoryStep, toAppend: readonly EventToAppend[]): void => {
  if (toAppend.length !== step.eventIds.length || toAppend.some((event, index) => event.id !== step.eventIds[index])) {
    throw new Error(`Event ids of ${step.streamName} (command ${step.envelope.commandId}) differ from the generator's: eventIdOf no longer matches buildEventsToAppend.`);
  }
};
