import type { RegistryContext } from '../context';
import { scalarResolvers } from '../scalars';
import { baseResolvers } from './base';
import { enumResolvers } from './enums';

/** Every capability's resolvers, merged; the schema refuses a resolver without a field. */
export const resolvers = [scalarResolvers, enumResolvers, baseResolvers];

export type { RegistryContext };
