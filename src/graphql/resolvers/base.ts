import type { Resolvers } from '../generated/schemaTypes';
import { nodeTypeOf, resolveNode } from './node';
import { rootQuery } from './query';

export const baseResolvers: Resolvers = {
  Query: {
    node: rootQuery((args, context) => resolveNode(args.id, context)),
    registryStatus: rootQuery((_args, context) => ({
      position: context.services.runner.position,
      caughtUp: context.services.runner.health().phase === 'live',
      today: context.today,
    })),
  },
  Mutation: {
    whoAmI: (_parent, _args, context) =>
      context.viewer.kind === 'anonymous'
        ? null
        : { id: context.viewer.actor.id, role: context.viewer.actor.role, entities: context.viewer.actor.entityScope },
  },
  Node: { __resolveType: (parent) => nodeTypeOf(parent) },
};
