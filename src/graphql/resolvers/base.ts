import type { RegistryContext } from '../context';

export const baseResolvers = {
  Query: {
    node: () => null,
    registryStatus: (_parent: unknown, _args: unknown, context: RegistryContext) => ({
      position: context.services.runner.position?.toString() ?? null,
      caughtUp: context.services.runner.health().phase === 'live',
      today: context.today,
    }),
  },
  Mutation: {
    whoAmI: (_parent: unknown, _args: unknown, context: RegistryContext) =>
      context.viewer.kind === 'anonymous'
        ? null
        : { id: context.viewer.actor.id, role: context.viewer.actor.role, entities: context.viewer.actor.entityScope },
  },
  Node: { __resolveType: () => null },
};
