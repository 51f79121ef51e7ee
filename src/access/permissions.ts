import type { AgreementCommandType } from '../agreements/agreementCommands';
import type { SubnationalParty } from '../agreements/agreementTypes';
import type { EntityProfileCommandType } from '../entities/entityProfileCommands';
import type { Actor, Role } from '../eventSourcing/envelope';
import type { PolicyCommandType } from '../policy/policyCommands';
import { ForbiddenError, UnauthenticatedError } from '../shared/errors';

/** Who is asking: nobody in particular, or an actor named by a verified token. */
export type Viewer = { readonly kind: 'anonymous' } | { readonly kind: 'actor'; readonly actor: Actor };

export const ANONYMOUS: Viewer = { kind: 'anonymous' };

export type CommandType = AgreementCommandType | PolicyCommandType | EntityProfileCommandType;

const SUBNATIONAL: readonly Role[] = ['subnational', 'system'];
const SRE: readonly Role[] = ['sre-legal', 'system'];

/**
 * The one table of who may run what. States and municipalities record their own agreements'
 * facts; the SRE issues opinions, registers, corrects and sets policy; Parliament only reads;
 * administrators keep reference data and policy. `system` is the registry itself (demo data,
 * imports run by an operator).
 */
export const COMMAND_ROLES: Readonly<Record<CommandType, readonly Role[]>> = {
  OpenAgreement: SUBNATIONAL,
  IdentifyCounterpart: SUBNATIONAL,
  SubmitTextToSre: SUBNATIONAL,
  IssueSreOpinion: SRE,
  ReviseText: SUBNATIONAL,
  GrantApproval: SUBNATIONAL,
  SignAgreement: SUBNATIONAL,
  FileSignedCopy: [...SUBNATIONAL, 'sre-legal'],
  RegisterAgreement: SRE,
  EnterIntoForce: SUBNATIONAL,
  AdoptWorkPlan: SUBNATIONAL,
  RecordCooperationMilestone: SUBNATIONAL,
  AmendAgreement: SUBNATIONAL,
  RenewAgreement: SUBNATIONAL,
  SuspendAgreement: SUBNATIONAL,
  ResumeAgreement: SUBNATIONAL,
  TerminateAgreement: SUBNATIONAL,
  CorrectFact: SRE,
  PublishPolicyVersion: [...SRE, 'admin'],
  RecordObjectiveProgress: SUBNATIONAL,
  JoinCityNetwork: SUBNATIONAL,
  LeaveCityNetwork: SUBNATIONAL,
};

/** The actor allowed to run `commandType`, or the reason it is not (UNAUTHENTICATED / FORBIDDEN). */
export const authorizeCommand = (viewer: Viewer, commandType: CommandType): Actor => {
  if (viewer.kind === 'anonymous') throw new UnauthenticatedError(`${commandType} needs a signed-in user: send a bearer token.`);
  const allowed = COMMAND_ROLES[commandType];
  if (!allowed.includes(viewer.actor.role)) {
    throw new ForbiddenError(`${commandType} is for ${allowed.filter((role) => role !== 'system').join(' or ')}; your role is ${viewer.actor.role}.`);
  }
  return viewer.actor;
};

/** A subnational actor acts only on agreements where one of its entities is a party. */
export const assertActsForAParty = (actor: Actor, parties: readonly SubnationalParty[], agreementLabel: string): void => {
  if (actor.role !== 'subnational') return;
  if (!parties.some((party) => actor.entityScope.includes(party.code))) {
    throw new ForbiddenError(
      `None of your entities (${actor.entityScope.join(', ')}) is a party to ${agreementLabel}: you can act only on your own entities' agreements.`,
    );
  }
};

/** A subnational actor keeps only its own entities' profiles. */
export const assertActsForEntity = (actor: Actor, entityCode: string): void => {
  if (actor.role === 'subnational' && !actor.entityScope.includes(entityCode)) {
    throw new ForbiddenError(`Entity ${entityCode} is not among your entities (${actor.entityScope.join(', ')}).`);
  }
};
