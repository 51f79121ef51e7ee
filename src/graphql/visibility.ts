import type { AgreementView, AgreementsModel, OpinionView } from '../../projections/agreements';
import type { Viewer } from '../access/permissions';
import type { Role } from '../eventSourcing/envelope';
import type { AgreementId } from '../agreements/agreementTypes';
import { partyOrdinals, type AgreementScope } from '../queries/visibleModels';
import { ForbiddenError, UnauthenticatedError } from '../shared/errors';
import type { HistoryEntry } from '../timeTravel/agreementHistory';

/*
 * Who may read what: the one place the API decides it, for HTTP and WebSocket alike (both build
 * their context with the same viewer, and every resolver asks here).
 *
 * - Anonymous: only published agreements (inscribed in the Registro), in their public form: no SRE
 *   observations, history actors by role only; figures over published agreements; no findings
 *   (UNAUTHENTICATED on the findings queries, null on `Agreement.findings`); no entity profiles.
 * - Subnational: full access to agreements where one of its entities is a party (exact INEGI code,
 *   as for commands: assertActsForAParty), the public form of the others; its own entities'
 *   profiles; findings of its own agreements.
 * - Parliament, SRE legal staff, administrators (and the system actor): everything.
 */

/** What the caller may read of one agreement. */
export type AgreementAccess = 'none' | 'public' | 'full';

const PRIVILEGED: readonly Role[] = ['parliament', 'sre-legal', 'admin', 'system'];

const isPrivileged = (viewer: Viewer): boolean => viewer.kind === 'actor' && PRIVILEGED.includes(viewer.actor.role);

/** Published means inscribed in the SRE's Registro (as the view stands: a past view judges by then). */
export const isPublished = (view: AgreementView): boolean => view.registration !== undefined;

const ownEntities = (viewer: Viewer): readonly string[] =>
  viewer.kind === 'actor' && viewer.actor.role === 'subnational' ? viewer.actor.entityScope : [];

const isPartyOf = (view: AgreementView, entities: readonly string[]): boolean => {
  if (entities.length === 0) return false;
  for (const party of view.parties) if (entities.includes(party.code)) return true;
  return false;
};

export const agreementAccess = (viewer: Viewer, view: AgreementView): AgreementAccess => {
  if (isPrivileged(viewer) || isPartyOf(view, ownEntities(viewer))) return 'full';
  return isPublished(view) ? 'public' : 'none';
};

/**
 * Whether `agreementAccess(viewer, view)` is 'full' for the agreement of `model` with this id, for
 * every id at once without decoding a view: a findings query asks it of tens of thousands of
 * findings, and decoding their agreements' views took most of its time.
 */
export const fullAccessIn = (viewer: Viewer, model: AgreementsModel): ((id: AgreementId) => boolean) => {
  if (isPrivileged(viewer)) return (id) => model.ordinals.has(id);
  const entities = ownEntities(viewer);
  if (entities.length === 0) return () => false;
  const parties = partyOrdinals(model, entities);
  return (id) => {
    const ordinal = model.ordinals.get(id);
    return ordinal !== undefined && parties[ordinal] === 1;
  };
};

/**
 * Which agreements lists and figures cover for the caller; the restricted read models
 * (src/queries/visibleModels.ts) are built from it and cached per scope.
 */
export const agreementScope = (viewer: Viewer): AgreementScope => {
  if (isPrivileged(viewer)) return { kind: 'all' };
  const entities = ownEntities(viewer);
  return entities.length > 0 ? { kind: 'published-and-own', entities } : { kind: 'published' };
};

/** Findings need a token: anonymous callers are told so rather than given an empty list. */
export const assertMayReadFindings = (viewer: Viewer): void => {
  if (viewer.kind === 'anonymous') throw new UnauthenticatedError('Audit findings need a signed-in user: send a bearer token.');
};

/** Checking the whole store reads every event: privileged roles only, so no caller can make the server read it at will. */
export const assertMayVerifyRegistry = (viewer: Viewer): void => {
  if (viewer.kind === 'anonymous') throw new UnauthenticatedError('Checking the registry\'s integrity needs a signed-in user: send a bearer token.');
  if (!isPrivileged(viewer)) throw new ForbiddenError('Checking the whole registry\'s integrity is for SRE legal staff, parliament and administrators; check one agreement with `agreement(id) { integrity }`.');
};

/** An entity's profile (strategy objectives, networks): privileged roles, or the entity's own users. */
export const mayReadEntityProfile = (viewer: Viewer, entityCode: string): boolean =>
  isPrivileged(viewer) || ownEntities(viewer).includes(entityCode);

// ---------------------------------------------------------------------------------------------
// The public form of restricted fields
// ---------------------------------------------------------------------------------------------

export const visibleObservations = (opinion: OpinionView, access: AgreementAccess): string | null =>
  access === 'full' ? (opinion.internalObservations ?? null) : null;

/** SRE observations inside event data: an opinion's own, or a correction of one. */
export const withoutObservations = (type: string, data: unknown): unknown => {
  if (data === null || typeof data !== 'object') return data;
  if (type === 'SreOpinionIssued') {
    const { observations: _observations, ...rest } = data as Record<string, unknown>;
    return rest;
  }
  if (type === 'FactCorrected') {
    const correction = data as { correctedType?: string; correctedData?: unknown };
    if (correction.correctedType === 'SreOpinionIssued') return { ...correction, correctedData: withoutObservations('SreOpinionIssued', correction.correctedData) };
  }
  return data;
};

export interface VisibleHistoryEntry extends Omit<HistoryEntry, 'actor'> {
  readonly actor: { readonly id: string | null; readonly role: string };
}

/** A history entry as the caller may see it: without full access, no actor identity and no observations. */
export const visibleHistoryEntry = (entry: HistoryEntry, access: AgreementAccess): VisibleHistoryEntry =>
  access === 'full'
    ? { ...entry, actor: { id: entry.actor.id, role: entry.actor.role } }
    : { ...entry, actor: { id: null, role: entry.actor.role }, data: withoutObservations(entry.type, entry.data) as HistoryEntry['data'] };

/** A view as the caller may compare it (diff): without full access, opinions lose their observations. */
export const visibleView = (view: AgreementView | undefined, access: AgreementAccess): AgreementView | undefined =>
  view === undefined || access === 'full' ? view : { ...view, opinions: view.opinions.map((opinion) => ({ ...opinion, internalObservations: undefined })) };
