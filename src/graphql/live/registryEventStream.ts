import { agreementsProjection } from '../../../projections/agreements';
import type { Subscription } from '../../eventStore/eventStore';
import { toProjectedEvent, type ProjectedEvent } from '../../projectionRunner/registryEvent';
import type { RegistryContext } from '../context';
import type { RegistryEventFilter } from '../generated/schemaTypes';
import { eventVisibleTo } from './eventVisibility';
import { stallWatchdog } from './slowConsumer';

export interface DeliveredEvent {
  readonly cursor: bigint;
  readonly event: ProjectedEvent;
}

const matches = (filter: RegistryEventFilter | undefined, event: ProjectedEvent, partyCodes: () => readonly string[]): boolean => {
  if (!filter) return true;
  if (filter.types?.length && !filter.types.includes(event.event.type)) return false;
  if (filter.agreementIds?.length && !filter.agreementIds.some((id) => event.agreementId === id)) return false;
  if (filter.entityCodes?.length) {
    const own = event.streamName.startsWith('entity-') ? [event.streamName.slice('entity-'.length)] : partyCodes();
    if (!own.some((code) => filter.entityCodes?.includes(code))) return false;
  }
  return true;
};

/**
 * Every event after `after` (exclusive) that the caller may see, then live ones. It is one
 * catch-up subscription on the store from the client's cursor, so resuming — even after a server
 * restart — delivers exactly what follows the cursor: no gap, no duplicate, no hand-over between a
 * "catch-up" and a "live" source. Each event waits until the read models have applied it, so
 * visibility and the fields resolved for it agree with what queries would answer at that point.
 */
export function registryEventStream(context: RegistryContext, after: bigint | undefined, filter: RegistryEventFilter | undefined): AsyncIterableIterator<DeliveredEvent> {
  const subscription = context.services.commands.store.subscribeToAll({ fromPosition: after ?? 'end' });
  const events = deliver(context, subscription, filter);
  // An async generator's return() waits for its pending await (the next stored event) to settle,
  // so a client that leaves during a quiet spell would hold its store subscription until the next
  // event. Ending the store subscription first wakes that await at once.
  return {
    next: () => events.next(),
    return: async () => {
      await subscription.unsubscribe();
      return events.return(undefined);
    },
    throw: (error?: unknown) => events.throw(error),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

async function* deliver(context: RegistryContext, subscription: Subscription, filter: RegistryEventFilter | undefined): AsyncGenerator<DeliveredEvent, undefined> {
  const { services } = context;
  const watchdog = stallWatchdog(context);
  try {
    for await (const message of subscription) {
      if (message.kind === 'caughtUp') continue;
      const event = toProjectedEvent(message.event, services.commands.upcasters);
      if (!event) continue;
      await services.runner.waitFor(event.position, services.readYourWritesTimeoutMs);
      const agreements = services.runner.model(agreementsProjection);
      const partyCodes = () => (event.agreementId === null ? [] : (agreements.agreements.get(event.agreementId)?.parties.map((party) => party.code) ?? []));
      if (!matches(filter, event, partyCodes) || !eventVisibleTo(context.viewer, event, agreements)) continue;
      watchdog.arm();
      yield { cursor: event.position, event };
      watchdog.disarm();
    }
  } finally {
    watchdog.disarm();
    await subscription.unsubscribe();
  }
  return undefined;
}
