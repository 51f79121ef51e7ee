import type { AgreementsModel } from '../../../projections/agreements';
import type { Viewer } from '../../access/permissions';
import { ENTITY_PROFILE_EVENT_TYPES, type EntityProfileEvent } from '../../entities/entityProfileEvents';
import type { ProjectedEvent, RegistryEvent } from '../../projectionRunner/registryEvent';
import { mayReadEntityProfile, withoutObservations } from '../visibility';

/**
 * Who may see an event in the live feed, as the queries show the same facts. The public sees
 * policy and the facts of agreements published in the Registro; a state or municipality also sees
 * everything about its own agreements, and its own profile (strategy objectives, networks: as
 * `entity { objectives networks }`); the SRE, Parliament and administrators see everything.
 * Registry-number claims (and their release) are bookkeeping and shown to no one.
 */
export const eventVisibleTo = (viewer: Viewer, event: ProjectedEvent, agreements: AgreementsModel): boolean => {
  if (event.event.type === 'RegistryNumberAssigned' || event.event.type === 'RegistryNumberReleased') return false;
  if (isEntityProfileEvent(event.event)) return mayReadEntityProfile(viewer, event.event.data.entityCode);
  if (event.agreementId === null) return true;
  if (viewer.kind === 'actor' && viewer.actor.role !== 'subnational') return true;
  const view = agreements.agreements.get(event.agreementId);
  if (!view) return false;
  if (viewer.kind === 'actor' && view.parties.some((party) => viewer.actor.entityScope.includes(party.code))) return true;
  return view.registration !== undefined;
};

const isEntityProfileEvent = (event: RegistryEvent): event is EntityProfileEvent => (ENTITY_PROFILE_EVENT_TYPES as readonly string[]).includes(event.type);

/** What of an event the public may read: no actor identities, no internal SRE observations (an opinion's own, or a correction of one). */
export const redactedFor = (viewer: Viewer, event: ProjectedEvent): { readonly actorId: string | null; readonly data: unknown } => {
  const privileged = viewer.kind === 'actor' && viewer.actor.role !== 'subnational';
  if (privileged) return { actorId: event.metadata.actor.id, data: event.event.data };
  return { actorId: null, data: withoutObservations(event.event.type, event.event.data) };
};
