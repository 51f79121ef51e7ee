import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { resolvers } from './resolvers';

/**
 * The SDL lives in `schema/*.graphql` at the project root (schema-first); one executable schema
 * serves HTTP and WebSocket. Found by walking up, so it works from `src/` and from compiled `dist/`.
 */
const findSchemaDirectory = (): string => {
  for (let directory = __dirname; directory !== path.dirname(directory); directory = path.dirname(directory)) {
    const candidate = path.join(directory, 'schema');
    if (fs.existsSync(path.join(candidate, 'base.graphql'))) return candidate;
  }
  throw new Error(`No schema/base.graphql above ${__dirname}.`);
};

export const SCHEMA_DIRECTORY = findSchemaDirectory();

export const loadTypeDefs = (directory = SCHEMA_DIRECTORY): string[] =>
  fs
    .readdirSync(directory)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => fs.readFileSync(path.join(directory, name), 'utf8'));

export const buildRegistrySchema = (): GraphQLSchema =>
  makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: [...resolvers], resolverValidationOptions: { requireResolversToMatchSchema: 'error' } });
