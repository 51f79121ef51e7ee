import type { RegistryContext } from '../context';
import { nodeTypeOf, resolveNode } from './node';
import { rootQuery, type ConsistentArgs } from './query';

export const baseResolvers = {
  Query: {
    node: rootQuery((args: ConsistentArgs & { readonly id: string }, context) => resolveNode(args.id, context)),
    registryStatus: rootQuery((_args: ConsistentArgs, context) => ({
      position: context.services.runner.position?.toString() ?? null,
      caughtUp: context.services.runner.health().phase === 'live',
      today: context.today,
    })),
  },
  Mutation: {
    whoAmI: (_parent: unknown, _args: unknown, context: RegistryContext) =>
      context.viewer.kind === 'anonymous'
        ? null
        : { id: context.viewer.actor.id, role: context.viewer.actor.role, entities: context.viewer.actor.entityScope },
  },
  Node: { __resolveType: (parent: unknown) => nodeTypeOf(parent) },
};
