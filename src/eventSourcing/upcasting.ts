import type { JsonObject } from '../eventStore/json';

/** Turns the data of one schema version of an event type into the next version's. */
export type Upcaster = (data: JsonObject) => JsonObject;

/** Current schema version per event type; types not listed are at version 1. */
export type SchemaVersions = Readonly<Record<string, number>>;

/**
 * Upcasters keyed by `type@fromVersion`. Old events are never rewritten in the store (they are
 * immutable and hashed); they are upgraded on read, one version step at a time.
 */
export interface UpcasterRegistry {
  readonly current: SchemaVersions;
  readonly steps: Readonly<Record<string, Upcaster>>;
}

export const currentSchemaVersion = (registry: UpcasterRegistry, type: string): number => registry.current[type] ?? 1;

export const upcast = (registry: UpcasterRegistry, type: string, version: number, data: JsonObject): JsonObject => {
  const target = currentSchemaVersion(registry, type);
  let upgraded = data;
  for (let from = version; from < target; from++) {
    const step = registry.steps[`${type}@${from}`];
    if (!step) throw new Error(`No upcaster for ${type} from schema version ${from} to ${from + 1}.`);
    upgraded = step(upgraded);
  }
  return upgraded;
};
