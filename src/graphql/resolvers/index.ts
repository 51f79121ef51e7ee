import type { RegistryContext } from '../context';
import type { Resolvers } from '../generated/schemaTypes';
import { scalarResolvers } from '../scalars';
import { baseResolvers } from './base';
import { enumResolvers } from './enums';
import { agreementMutationResolvers } from './mutationsAgreements';
import { entityMutationResolvers } from './mutationsEntities';
import { policyMutationResolvers } from './mutationsPolicy';
import { subscriptionResolvers } from './subscriptions';
import { readResolvers } from './read';

/** Every capability's resolvers, merged; the schema refuses a resolver without a field. */
export const resolvers: readonly Resolvers[] = [scalarResolvers, enumResolvers, baseResolvers, subscriptionResolvers, agreementMutationResolvers, policyMutationResolvers, entityMutationResolvers, ...readResolvers];

export type { RegistryContext };
