import type { AgreementView } from '../../../projections/agreements';
import { ENTITY_STREAM_PREFIX } from '../../entities/entityProfileTypes';
import { readHeadPosition } from '../../eventStore/headPosition';
import { InvalidInputError } from '../../shared/errors';
import type { RegistryContext } from '../context';
import { registryEventFilter } from '../filters';
import type { Resolvers } from '../generated/schemaTypes';
import { agreementFeed, findingsFeed, statisticsFeed, type FindingsUpdate, type LiveStatistics } from '../live/dashboardFeeds';
import { redactedFor } from '../live/eventVisibility';
import { deliveredValue, type LiveDelivery } from '../live/liveFeed';
import { registryEventStream, type DeliveredEvent } from '../live/registryEventStream';

/**
 * A cursor comes from an event this registry delivered, so it is never past the end of its log.
 * One that is (a typo, another registry's, a store that was replaced) would otherwise wait in
 * silence for events that may never come.
 */
const assertCursorInLog = async (context: RegistryContext, after: bigint): Promise<void> => {
  const head = await readHeadPosition(context.services.commands.store);
  if (head !== null && after <= head) return;
  throw InvalidInputError.of(
    'after',
    'cursor-past-end',
    `${after} is past the end of the registry's log (${head === null ? 'it holds no event yet' : `its last position is ${head}`}): ` +
      'a cursor is the one of an event this registry delivered; subscribe without "after" to start from now.',
  );
};

const suffix = (streamName: string, prefix: string): string | null => (streamName.startsWith(prefix) ? streamName.slice(prefix.length) : null);

export const subscriptionResolvers: Resolvers = {
  Subscription: {
    registryEvents: {
      subscribe: async (_parent, args, context) => {
        const after = args.after ?? undefined;
        const filter = registryEventFilter(args.filter);
        if (after !== undefined) await assertCursorInLog(context, after);
        return registryEventStream(context, after, filter);
      },
      resolve: (delivered: DeliveredEvent) => delivered,
    },
    // The dashboard feeds (live/liveFeed.ts): the checks (token, visibility, input) run in
    // `subscribe`, so a refused subscription answers with its error before any update. The
    // generated types leave a subscription's payload untyped (`any`): `resolve` names the feed's
    // value type, so that what a feed delivers is checked against the field's type.
    statisticsChanged: {
      subscribe: (_parent, _args, context) => statisticsFeed(context),
      resolve: (delivery: LiveDelivery<LiveStatistics>) => deliveredValue(delivery),
    },
    findingsChanged: {
      subscribe: (_parent, args, context) => findingsFeed(context, args.filter),
      resolve: (delivery: LiveDelivery<FindingsUpdate>) => deliveredValue(delivery),
    },
    agreementChanged: {
      subscribe: (_parent, args, context) => agreementFeed(context, args.id),
      resolve: (delivery: LiveDelivery<AgreementView>) => deliveredValue(delivery),
    },
  },
  RegistryEventNotice: {
    cursor: ({ cursor }) => cursor,
    eventId: ({ event }) => event.id,
    type: ({ event }) => event.event.type,
    agreementId: ({ event }) => event.agreementId,
    entityCode: ({ event }) => suffix(event.streamName, ENTITY_STREAM_PREFIX),
    validAt: ({ event }) => event.metadata.validAt,
    recordedAt: ({ event }) => event.metadata.recordedAt,
    actorRole: ({ event }) => event.metadata.actor.role,
    actorId: ({ event }, _args, context) => redactedFor(context.viewer, event).actorId,
    correlationId: ({ event }) => event.metadata.correlationId,
    causationId: ({ event }) => event.metadata.causationId,
    data: ({ event }, _args, context) => redactedFor(context.viewer, event).data,
  },
};
