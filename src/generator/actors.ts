import type { Actor } from '../eventSourcing/envelope';
import type { Rng } from './rng';

const LIAISONS = new Map<string, Actor>();

/** The liaison office of a state or municipality: it may act only for its own entity. */
export const subnationalActor = (entityCode: string): Actor => {
  let actor = LIAISONS.get(entityCode);
  if (!actor) {
    actor = { id: `enlace-${entityCode}`, role: 'subnational', entityScope: [entityCode] };
    LIAISONS.set(entityCode, actor);
  }
  return actor;
};

/** A handful of Consultoría Jurídica lawyers, so that the history shows more than one hand. */
const SRE_LEGAL: readonly Actor[] = ['sre-cj-01', 'sre-cj-02', 'sre-cj-03', 'sre-cj-04'].map((id) => ({
  id,
  role: 'sre-legal',
  entityScope: [],
}));

export const sreLegalActor = (rng: Rng): Actor => rng.pick(SRE_LEGAL);

export const POLICY_ADMIN: Actor = { id: 'sre-dgcp-admin', role: 'admin', entityScope: [] };
