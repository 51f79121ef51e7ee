import type { Actor } from './envelope';

/** The registry itself, for facts it records on its own (the seed policy, demo data). */
export const SYSTEM_ACTOR: Actor = { id: 'registry', role: 'system', entityScope: [] };
