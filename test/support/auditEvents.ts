import { agreementEventValidAt, type AgreementEvent, type AgreementEventData, type CorrectableEventType } from '../../src/agreements/agreementEvents';
import { agreementStreamName, type AgreementId, type Counterpart, type MilestoneKind, type Money } from '../../src/agreements/agreementTypes';
import { applyAuditEvent, createAuditModel, type AuditModel } from '../../src/audit/auditModel';
import type { EventMetadata } from '../../src/eventSourcing/envelope';
import { policyEventValidAt } from '../../src/policy/policyEvents';
import { POLICY_STREAM, type PolicyVersion } from '../../src/policy/policyTypes';
import { agreementIdOfStream, type ProjectedEvent } from '../../src/projectionRunner/registryEvent';
import { parseCountryCode, unwrap, type CurrencyCode } from '../../src/reference';
import type { Instant, LegalDate } from '../../src/shared/time';
import { policyProjection, type PolicyModel } from '../../projections/policy';
import { date, milestoneData, openedData } from '../agreements/agreementFixtures';

/*
 * Builds the ProjectedEvents a projection receives, with positions, stream revisions and
 * metadata, so that audit tests read as "given these events, then these findings".
 * Event ids are `evt-1`, `evt-2`, … in log order. Unless told otherwise a fact is recorded at
 * 18:00 UTC (noon in Mexico City) on the day it happened; a fact without a date (a correction)
 * at DEFAULT_RECORDED_AT.
 */

export const DEFAULT_RECORDED_AT = '2025-06-15T18:00:00.000Z' as Instant;

export const instant = (iso: string): Instant => iso as Instant;
export const recordedOnDay = (day: string): Instant => `${day}T18:00:00.000Z` as Instant;

export interface RecordOptions {
  readonly recordedAt?: Instant;
}

/** Agreement ids as UUIDs, distinct per number. */
export const agreementIdOf = (n: number): AgreementId => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` as AgreementId;

export interface EventLog {
  readonly events: readonly ProjectedEvent[];
  readonly record: (agreementId: AgreementId, event: AgreementEvent, options?: RecordOptions) => ProjectedEvent;
  readonly publishPolicy: (version: PolicyVersion, options?: RecordOptions) => ProjectedEvent;
}

export const eventLog = (): EventLog => {
  const events: ProjectedEvent[] = [];
  const revisions = new Map<string, bigint>();
  const append = (streamName: string, event: ProjectedEvent['event'], validAt: LegalDate | null, options: RecordOptions): ProjectedEvent => {
    const revision = revisions.get(streamName) ?? 0n;
    revisions.set(streamName, revision + 1n);
    const recordedAt = options.recordedAt ?? (validAt ? recordedOnDay(validAt) : DEFAULT_RECORDED_AT);
    const metadata: EventMetadata = {
      actor: { id: 'test', role: 'system', entityScope: [] },
      correlationId: `correlation-${events.length + 1}`,
      causationId: `command-${events.length + 1}`,
      validAt,
      recordedAt,
      schemaVersion: 1,
      previousHash: null,
      hash: `hash-${events.length + 1}`,
    };
    const projected: ProjectedEvent = {
      agreementId: agreementIdOfStream(streamName),
      id: `evt-${events.length + 1}`,
      streamName,
      revision,
      position: BigInt(events.length + 1) * 100n,
      event,
      recordedAt: metadata.recordedAt,
      role: metadata.actor.role,
      metadata,
    };
    events.push(projected);
    return projected;
  };
  return {
    events,
    record: (agreementId, event, options = {}) => append(agreementStreamName(agreementId), event, agreementEventValidAt(event), options),
    publishPolicy: (version, options = {}) => {
      const event = { type: 'PolicyVersionPublished', data: version } as const;
      return append(POLICY_STREAM, event, policyEventValidAt(event), options);
    },
  };
};

export interface Models {
  readonly audit: AuditModel;
  readonly policy: PolicyModel;
}

/** Folds the log into both read models the audit needs, as the projection runner would. */
export const foldModels = (events: readonly ProjectedEvent[]): Models => {
  const audit = createAuditModel();
  const policy = policyProjection.create();
  for (const event of events) {
    applyAuditEvent(audit, event);
    policyProjection.apply(policy, event);
  }
  return { audit, policy };
};

// Agreement events the shared fixtures do not build.

export const openedEvent = (overrides: Partial<AgreementEventData['AgreementOpened']> = {}): AgreementEvent => ({
  type: 'AgreementOpened',
  data: openedData(overrides),
});

export const opinion = (
  outcome: AgreementEventData['SreOpinionIssued']['outcome'],
  issuedOn: string,
  opinionNumber = `DGCP-${issuedOn}`,
): AgreementEvent => ({ type: 'SreOpinionIssued', data: { opinionNumber, outcome, issuedOn: date(issuedOn) } });

export const counterpartIdentified = (counterpart: Counterpart, identifiedOn: string): AgreementEvent => ({
  type: 'CounterpartIdentified',
  data: { counterpart, identifiedOn: date(identifiedOn) },
});

export const enteredIntoForce = (effectiveOn: string, mode: 'in-force' | 'provisional-application' = 'in-force'): AgreementEvent => ({
  type: 'AgreementEnteredIntoForce',
  data: { mode, effectiveOn: date(effectiveOn) },
});

export const milestone = (
  milestoneId: string,
  occurredOn: string,
  overrides: Partial<Omit<AgreementEventData['CooperationMilestoneRecorded'], 'amount'>> & { readonly amount?: Money } = {},
): AgreementEvent => ({
  type: 'CooperationMilestoneRecorded',
  data: { ...milestoneData(milestoneId, occurredOn), ...overrides },
});

export const money = (value: string, currency: string): Money => ({ value, currency: currency as CurrencyCode });

export const projectMilestone = (milestoneId: string, occurredOn: string, description: string, amount: Money, kind: MilestoneKind = 'project'): AgreementEvent =>
  milestone(milestoneId, occurredOn, { kind, description, amount });

export const workPlanAdopted = (adoptedOn: string): AgreementEvent => ({
  type: 'WorkPlanAdopted',
  data: { period: adoptedOn.slice(0, 4), adoptedOn: date(adoptedOn), summary: 'Programa Operativo Anual' },
});

export const renewed = (renewedOn: string, newEndsOn?: string): AgreementEvent => ({
  type: 'AgreementRenewed',
  data: { mode: 'extended', renewedOn: date(renewedOn), ...(newEndsOn === undefined ? {} : { newEndsOn: date(newEndsOn) }) },
});

export const suspended = (suspendedOn: string): AgreementEvent => ({
  type: 'AgreementSuspended',
  data: { suspendedOn: date(suspendedOn), reason: 'Cambio de administración' },
});

export const resumed = (resumedOn: string): AgreementEvent => ({ type: 'AgreementResumed', data: { resumedOn: date(resumedOn) } });

export const corrected = <Type extends CorrectableEventType>(
  correctedEvent: ProjectedEvent,
  correctedType: Type,
  correctedData: AgreementEventData[Type],
): AgreementEvent => ({
  type: 'FactCorrected',
  data: { correctedEventId: correctedEvent.id, correctedType, correctedData, reason: 'Error de captura' },
});

export const country = (code: string) => unwrap(parseCountryCode(code));

export const JAPAN_FOREIGN_MINISTRY: Counterpart = { kind: 'foreign-national-government', name: 'Ministerio de Asuntos Exteriores de Japón', country: country('JP') };
export const MADRID_CITY: Counterpart = { kind: 'foreign-local-government', name: 'Madrid', country: country('ES') };
