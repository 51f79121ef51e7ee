import type { DecisionContext } from '../eventSourcing/decider';
import { NotFoundError, RuleViolationError } from '../shared/errors';
import { addMonths } from '../shared/calendarArithmetic';
import { isAfter, isBefore, type LegalDate } from '../shared/time';
import { EVENT_OF_COMMAND, type AgreementCommand, type CorrectFactCommand, type FactCommand } from './agreementCommands';
import { agreementEventValidAt, type AgreementEvent } from './agreementEvents';
import { evolveAgreement, initialAgreementState, type AgreementRecord, type AgreementState } from './agreementState';
import { INTERINSTITUTIONAL_KINDS, counterpartKey, type AgreementKind, type Counterpart } from './agreementTypes';

/**
 * Consistency rules only. Legal and policy rules (signing with no SRE opinion, late registration,
 * a dormant agreement…) never block a fact: the registry records what happened and the audit
 * projection raises findings about it.
 */
export const decideAgreement = (
  command: AgreementCommand,
  state: AgreementState,
  context: DecisionContext,
): readonly AgreementEvent[] => {
  if (command.type === 'OpenAgreement') {
    if (state.status === 'present') {
      throw new RuleViolationError('AGREEMENT_ALREADY_EXISTS', `Agreement ${command.agreementId} already exists: open a new one with another id.`);
    }
    const { data } = command;
    notInFuture(data.openedOn, 'openedOn', context);
    data.counterparts.forEach((counterpart) => allowedCounterpart(data.kind, counterpart));
    const { startsOn, endsOn } = data.validity;
    if (startsOn && endsOn && isBefore(endsOn, startsOn)) {
      throw new RuleViolationError('VALIDITY_ENDS_BEFORE_START', `validity.endsOn (${endsOn}) is before validity.startsOn (${startsOn}).`);
    }
    return [{ type: 'AgreementOpened', data }];
  }
  if (state.status === 'absent') throw new NotFoundError('Agreement', command.agreementId);
  return command.type === 'CorrectFact' ? decideCorrection(command, state, context) : decideFact(command, state, context);
};

const decideFact = (command: Exclude<FactCommand, { type: 'OpenAgreement' }>, agreement: AgreementRecord, context: DecisionContext): readonly AgreementEvent[] => {
  const event = { type: EVENT_OF_COMMAND[command.type], data: command.data } as AgreementEvent;
  const date = agreementEventValidAt(event);
  if (date) {
    notInFuture(date, dateField(event), context);
    if (isBefore(date, agreement.openedOn)) {
      throw new RuleViolationError(
        command.type === 'RecordCooperationMilestone' ? 'MILESTONE_BEFORE_OPENING' : 'DATE_BEFORE_OPENING',
        `${dateField(event)} (${date}) is before the agreement was opened (${agreement.openedOn}).`,
      );
    }
  }
  // Milestones after termination are recorded (the audit flags them). Other facts are refused when
  // dated after it, but a fact of the agreement's life learned late (its registration, the opinion
  // issued before the signature) is recorded: refusing it would leave the audit's findings about
  // its absence open for good.
  const { termination } = agreement;
  if (termination && command.type !== 'RecordCooperationMilestone' && (command.type === 'TerminateAgreement' || !date || isAfter(date, termination.terminatedOn))) {
    throw new RuleViolationError(
      'AGREEMENT_TERMINATED',
      `The agreement was terminated on ${termination.terminatedOn}: no lifecycle fact dated after that can be recorded (record a correction if the termination was wrong).`,
    );
  }

  switch (command.type) {
    case 'IdentifyCounterpart': {
      allowedCounterpart(agreement.kind, command.data.counterpart);
      const key = counterpartKey(command.data.counterpart);
      if (agreement.counterparts.some((known) => counterpartKey(known) === key)) {
        throw new RuleViolationError('COUNTERPART_ALREADY_IDENTIFIED', `${command.data.counterpart.name} is already a counterpart of this agreement.`);
      }
      break;
    }
    case 'SubmitTextToSre':
    case 'ReviseText':
      break;
    case 'IssueSreOpinion': {
      const last = agreement.submissions[agreement.submissions.length - 1];
      if (!last) {
        throw new RuleViolationError('OPINION_WITHOUT_SUBMISSION', 'The SRE issues its opinion (dictamen) on a submitted text: record the submission first.');
      }
      if (isBefore(command.data.issuedOn, last.submittedOn)) {
        throw new RuleViolationError('OPINION_BEFORE_SUBMISSION', `issuedOn (${command.data.issuedOn}) is before the text was submitted (${last.submittedOn}).`);
      }
      if (agreement.opinions.some((opinion) => opinion.opinionNumber === command.data.opinionNumber)) {
        throw new RuleViolationError('OPINION_NUMBER_DUPLICATE', `Opinion ${command.data.opinionNumber} is already recorded for this agreement.`);
      }
      break;
    }
    case 'GrantApproval':
      approvingBodyIsAParty(command.data.body, command.data.entityCode, agreement);
      break;
    case 'SignAgreement':
      if (agreement.signature) {
        throw new RuleViolationError('ALREADY_SIGNED', `The agreement was already signed on ${agreement.signature.signedOn}: record a correction to change the signature.`);
      }
      break;
    case 'FileSignedCopy':
      notBeforeSignature(command.data.filedOn, 'filedOn', agreement);
      if (agreement.signedCopy) throw new RuleViolationError('SIGNED_COPY_ALREADY_FILED', `A signed copy was already filed on ${agreement.signedCopy.filedOn}.`);
      break;
    case 'RegisterAgreement':
      notBeforeSignature(command.data.registeredOn, 'registeredOn', agreement);
      if (agreement.registration) {
        throw new RuleViolationError('ALREADY_REGISTERED', `The agreement is already registered as ${agreement.registration.registryNumber}.`);
      }
      break;
    case 'EnterIntoForce':
      notBeforeSignature(command.data.effectiveOn, 'effectiveOn', agreement);
      // Provisional application may be followed by entry into force; nothing else repeats.
      if (agreement.force && !(agreement.force.mode === 'provisional-application' && command.data.mode === 'in-force')) {
        throw new RuleViolationError('ALREADY_IN_FORCE', `The agreement is already ${agreement.force.mode} since ${agreement.force.effectiveOn}.`);
      }
      break;
    case 'AdoptWorkPlan':
      notBeforeSignature(command.data.adoptedOn, 'adoptedOn', agreement);
      break;
    case 'RecordCooperationMilestone':
      if (agreement.milestoneIds.includes(command.data.milestoneId)) {
        throw new RuleViolationError('MILESTONE_ALREADY_RECORDED', `Milestone ${command.data.milestoneId} is already recorded on this agreement.`);
      }
      break;
    case 'AmendAgreement':
      notBeforeSignature(command.data.amendedOn, 'amendedOn', agreement);
      break;
    case 'RenewAgreement': {
      const { renewedOn, newEndsOn } = command.data;
      notBeforeSignature(renewedOn, 'renewedOn', agreement);
      const currentEnd = termEndOf(agreement);
      if (currentEnd && !agreement.validity.automaticRenewal && isAfter(renewedOn, currentEnd)) {
        throw new RuleViolationError(
          'RENEWAL_AFTER_EXPIRY',
          `renewedOn (${renewedOn}) is after the agreement expired: its term ended on ${currentEnd}. An expired agreement cannot be renewed; record the new instrument as a new agreement, or correct the end of the term if it was recorded wrong.`,
        );
      }
      if (newEndsOn && currentEnd && !isAfter(newEndsOn, currentEnd)) {
        throw new RuleViolationError('RENEWAL_END_NOT_LATER', `newEndsOn (${newEndsOn}) must be after the current end of the term (${currentEnd}).`);
      }
      break;
    }
    case 'SuspendAgreement':
      notBeforeSignature(command.data.suspendedOn, 'suspendedOn', agreement);
      if (agreement.suspension) throw new RuleViolationError('ALREADY_SUSPENDED', `The agreement is suspended since ${agreement.suspension.suspendedOn}.`);
      break;
    case 'ResumeAgreement':
      if (!agreement.suspension) throw new RuleViolationError('NOT_SUSPENDED', 'Only a suspended agreement can be resumed.');
      if (isBefore(command.data.resumedOn, agreement.suspension.suspendedOn)) {
        throw new RuleViolationError('RESUMED_BEFORE_SUSPENSION', `resumedOn (${command.data.resumedOn}) is before the suspension (${agreement.suspension.suspendedOn}).`);
      }
      break;
    case 'TerminateAgreement':
      if (agreement.signature && isBefore(command.data.terminatedOn, agreement.signature.signedOn)) {
        throw new RuleViolationError('DATE_BEFORE_SIGNATURE', `terminatedOn (${command.data.terminatedOn}) is before the signature (${agreement.signature.signedOn}).`);
      }
      break;
    default: {
      const unknown: never = command;
      throw new Error(`Unknown agreement command ${JSON.stringify(unknown)}`);
    }
  }
  return [event];
};

const decideCorrection = (
  command: CorrectFactCommand,
  agreement: AgreementRecord,
  context: DecisionContext,
): readonly AgreementEvent[] => {
  const { correctedEventId, correctedType, correctedData } = command.data;
  const fact = agreement.facts.find((candidate) => candidate.eventId === correctedEventId);
  if (!fact) {
    throw new RuleViolationError('CORRECTED_EVENT_NOT_FOUND', `Event ${correctedEventId} is not a fact of this agreement: take the id from the agreement's history.`);
  }
  if (fact.event.type !== correctedType) {
    throw new RuleViolationError('CORRECTION_TYPE_MISMATCH', `Event ${correctedEventId} is a ${fact.event.type}, not a ${correctedType}.`);
  }
  const corrected = { type: correctedType, data: correctedData } as AgreementEvent;
  if (corrected.type === 'AgreementOpened' && corrected.data.agreementId !== agreement.agreementId) {
    throw new RuleViolationError('CORRECTION_CHANGES_IDENTITY', 'A correction cannot change the agreement id.');
  }
  const date = agreementEventValidAt(corrected);
  if (date) notInFuture(date, dateField(corrected), context);
  decideAgainWith(agreement, correctedEventId, corrected, context);
  return [{ type: 'FactCorrected', data: command.data }];
};

/** The command that records each kind of fact (the inverse of EVENT_OF_COMMAND). */
const COMMAND_OF_EVENT: ReadonlyMap<string, FactCommand['type']> = new Map(
  Object.entries(EVENT_OF_COMMAND).map(([command, event]) => [event, command as FactCommand['type']]),
);

/**
 * Decides every fact of the agreement again, in order, with the correction in place: corrected
 * data must pass the rules the original had to (a validity that ends before it starts, a private
 * counterpart on an acuerdo interinstitucional), and must not make a later fact break one (a
 * signature moved after the registration). The first rule broken refuses the correction, unless
 * the same fact broke the same rule without it: facts recorded before a rule existed (a renewal
 * after expiry) must not make the agreement impossible to correct, even for a typo in its title.
 */
const decideAgainWith = (agreement: AgreementRecord, correctedEventId: string, corrected: AgreementEvent, context: DecisionContext): void => {
  const brokenBefore = new Set<string>();
  refold(agreement, undefined, context, (fact, _event, error) => void brokenBefore.add(`${fact.eventId}|${error.rule}`));
  refold(agreement, { eventId: correctedEventId, event: corrected }, context, (fact, event, error) => {
    if (brokenBefore.has(`${fact.eventId}|${error.rule}`)) return;
    const what = fact.eventId === correctedEventId ? 'the corrected fact' : `the later fact ${fact.eventId} (${event.type})`;
    throw new RuleViolationError(error.rule, `With this correction, ${what} breaks a rule: ${error.message}`);
  });
};

/**
 * Folds the agreement's facts again through the decider, in order (with `replacement` in place of
 * the fact it names), telling `broken` of each rule a fact breaks; the fact is folded anyway, as
 * it stands in the stream.
 */
const refold = (
  agreement: AgreementRecord,
  replacement: { readonly eventId: string; readonly event: AgreementEvent } | undefined,
  context: DecisionContext,
  broken: (fact: AgreementRecord['facts'][number], event: AgreementEvent, error: RuleViolationError) => void,
): void => {
  let state: AgreementState = initialAgreementState();
  for (const fact of agreement.facts) {
    const event = fact.eventId === replacement?.eventId ? replacement.event : fact.event;
    const type = COMMAND_OF_EVENT.get(event.type);
    if (type === undefined) continue;
    const command = { type, agreementId: agreement.agreementId, data: event.data } as AgreementCommand;
    let decided: readonly AgreementEvent[] = [event];
    try {
      decided = decideAgreement(command, state, context);
    } catch (error) {
      if (!(error instanceof RuleViolationError)) throw error;
      broken(fact, event, error);
    }
    state = decided.reduce<AgreementState>((folded, decidedEvent) => evolveAgreement(folded, decidedEvent, { eventId: fact.eventId }), state);
  }
};

const notInFuture = (date: LegalDate, field: string, context: DecisionContext): void => {
  if (isAfter(date, context.today)) {
    throw new RuleViolationError('DATE_IN_FUTURE', `${field} (${date}) is in the future (today is ${context.today} in Mexico City): record facts once they have happened.`);
  }
};

const notBeforeSignature = (date: LegalDate, field: string, agreement: AgreementRecord): void => {
  if (!agreement.signature) {
    throw new RuleViolationError('NOT_SIGNED', `The agreement has no recorded signature: record the signature before ${field}.`);
  }
  if (isBefore(date, agreement.signature.signedOn)) {
    throw new RuleViolationError('DATE_BEFORE_SIGNATURE', `${field} (${date}) is before the signature (${agreement.signature.signedOn}).`);
  }
};

/**
 * The last day of the agreement's term as it stands: the latest renewal's end, the validity's end
 * date, or the duration counted from entry into force (else from the signature), as the agreements
 * read model and the audit compute it. Undefined while no term can be computed.
 */
const termEndOf = (agreement: AgreementRecord): LegalDate | undefined => {
  const { validity } = agreement;
  if (agreement.renewedEndsOn !== undefined) return agreement.renewedEndsOn;
  if (validity.endsOn !== undefined) return validity.endsOn;
  if (validity.durationMonths === undefined) return undefined;
  const start = agreement.force?.mode === 'in-force' ? agreement.force.effectiveOn : agreement.signature?.signedOn;
  return start === undefined ? undefined : addMonths(start, validity.durationMonths);
};

const allowedCounterpart = (kind: AgreementKind, counterpart: Counterpart): void => {
  if (counterpart.kind === 'private' && INTERINSTITUTIONAL_KINDS.includes(kind)) {
    throw new RuleViolationError(
      'PRIVATE_COUNTERPART',
      `${counterpart.name} is a private body (${counterpart.sector}): an agreement with it is a private contract, not an acuerdo interinstitucional (LCT art. 2 fr. II). A ${kind} needs a foreign governmental body or an international organisation.`,
    );
  }
};

/** A cabildo approves for its municipality; a state congress for its state or one of its municipalities. */
const approvingBodyIsAParty = (body: 'municipal-council' | 'state-congress', entityCode: string, agreement: AgreementRecord): void => {
  const parties = agreement.parties;
  const isParty =
    body === 'municipal-council'
      ? parties.some((party) => party.level === 'municipality' && party.code === entityCode)
      : parties.some((party) => party.code.slice(0, 2) === entityCode);
  if (!isParty) {
    throw new RuleViolationError(
      'APPROVAL_ENTITY_NOT_A_PARTY',
      body === 'municipal-council'
        ? `The municipal council of ${entityCode} can approve only if municipality ${entityCode} is a party.`
        : `The congress of state ${entityCode} can approve only if the state or one of its municipalities is a party.`,
    );
  }
};

const DATE_FIELDS: Readonly<Record<AgreementEvent['type'], string>> = {
  AgreementOpened: 'openedOn',
  CounterpartIdentified: 'identifiedOn',
  TextSubmittedToSre: 'submittedOn',
  SreOpinionIssued: 'issuedOn',
  TextRevised: 'revisedOn',
  ApprovalGranted: 'approvedOn',
  AgreementSigned: 'signedOn',
  SignedCopyFiled: 'filedOn',
  AgreementRegistered: 'registeredOn',
  AgreementEnteredIntoForce: 'effectiveOn',
  WorkPlanAdopted: 'adoptedOn',
  CooperationMilestoneRecorded: 'occurredOn',
  AgreementAmended: 'amendedOn',
  AgreementRenewed: 'renewedOn',
  AgreementSuspended: 'suspendedOn',
  AgreementResumed: 'resumedOn',
  AgreementTerminated: 'terminatedOn',
  FactCorrected: 'correctedData',
};

const dateField = (event: AgreementEvent): string => DATE_FIELDS[event.type];
