import type { AgreementsModel } from '../../../projections/agreements';
import type { Viewer } from '../../access/permissions';
import type { ProjectedEvent } from '../../projectionRunner/registryEvent';

/**
 * Who may see an event in the live feed. The public sees policy, entity profiles and the facts of
 * agreements published in the Registro; a state or municipality also sees everything about its
 * own agreements; the SRE, Parliament and administrators see everything. Registry-number claims
 * are bookkeeping and shown to no one.
 */
export const eventVisibleTo = (viewer: Viewer, event: ProjectedEvent, agreements: AgreementsModel): boolean => {
  if (event.event.type === 'RegistryNumberAssigned') return false;
  if (event.agreementId === null) return true;
  if (viewer.kind === 'actor' && viewer.actor.role !== 'subnational') return true;
  const view = agreements.agreements.get(event.agreementId);
  if (!view) return false;
  if (viewer.kind === 'actor' && view.parties.some((party) => viewer.actor.entityScope.includes(party.code))) return true;
  return view.registration !== undefined;
};

/** What of an event the public may read: no actor identities, no internal SRE observations. */
export const redactedFor = (viewer: Viewer, event: ProjectedEvent): { readonly actorId: string | null; readonly data: unknown } => {
  const privileged = viewer.kind === 'actor' && viewer.actor.role !== 'subnational';
  if (privileged) return { actorId: event.metadata.actor.id, data: event.event.data };
  const data = event.event.type === 'SreOpinionIssued' ? { ...event.event.data, observations: undefined } : event.event.data;
  return { actorId: null, data };
};
