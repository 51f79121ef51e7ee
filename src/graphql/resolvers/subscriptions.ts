import { AGREEMENT_STREAM_PREFIX } from '../../agreements/agreementTypes';
import { ENTITY_STREAM_PREFIX } from '../../entities/entityProfileTypes';
import type { RegistryContext } from '../context';
import { agreementFeed, findingsFeed, statisticsFeed, type FindingsChangedFilterInput } from '../live/dashboardFeeds';
import { redactedFor } from '../live/eventVisibility';
import { deliveredValue } from '../live/liveFeed';
import { registryEventStream, type DeliveredEvent, type RegistryEventFilter } from '../live/registryEventStream';

const suffix = (streamName: string, prefix: string): string | null => (streamName.startsWith(prefix) ? streamName.slice(prefix.length) : null);

export const subscriptionResolvers = {
  Subscription: {
    registryEvents: {
      subscribe: (_parent: unknown, args: { after?: bigint | null; filter?: RegistryEventFilter | null }, context: RegistryContext) =>
        registryEventStream(context, args.after ?? undefined, args.filter ?? undefined),
      resolve: (delivered: DeliveredEvent) => delivered,
    },
    // The dashboard feeds (live/liveFeed.ts): the checks (token, visibility, input) run in
    // `subscribe`, so a refused subscription answers with its error before any update.
    statisticsChanged: {
      subscribe: (_parent: unknown, _args: unknown, context: RegistryContext) => statisticsFeed(context),
      resolve: deliveredValue,
    },
    findingsChanged: {
      subscribe: (_parent: unknown, args: { readonly filter?: FindingsChangedFilterInput | null }, context: RegistryContext) => findingsFeed(context, args.filter),
      resolve: deliveredValue,
    },
    agreementChanged: {
      subscribe: (_parent: unknown, args: { readonly id: string }, context: RegistryContext) => agreementFeed(context, args.id),
      resolve: deliveredValue,
    },
  },
  RegistryEventNotice: {
    cursor: ({ cursor }: DeliveredEvent) => cursor,
    eventId: ({ event }: DeliveredEvent) => event.id,
    type: ({ event }: DeliveredEvent) => event.event.type,
    agreementId: ({ event }: DeliveredEvent) => suffix(event.streamName, AGREEMENT_STREAM_PREFIX),
    entityCode: ({ event }: DeliveredEvent) => suffix(event.streamName, ENTITY_STREAM_PREFIX),
    validAt: ({ event }: DeliveredEvent) => event.metadata.validAt,
    recordedAt: ({ event }: DeliveredEvent) => event.metadata.recordedAt,
    actorRole: ({ event }: DeliveredEvent) => event.metadata.actor.role,
    actorId: ({ event }: DeliveredEvent, _args: unknown, context: RegistryContext) => redactedFor(context.viewer, event).actorId,
    correlationId: ({ event }: DeliveredEvent) => event.metadata.correlationId,
    causationId: ({ event }: DeliveredEvent) => event.metadata.causationId,
    data: ({ event }: DeliveredEvent, _args: unknown, context: RegistryContext) => redactedFor(context.viewer, event).data,
  },
};
