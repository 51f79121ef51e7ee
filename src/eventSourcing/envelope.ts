import type { LegalDate, Instant } from '../shared/time';

/** Who may act; `system` is the registry itself (demo data, imports run by an operator). */
export type Role = 'sre-legal' | 'subnational' | 'parliament' | 'admin' | 'system';

export interface Actor {
  readonly id: string;
  readonly role: Role;
  /** INEGI codes a `subnational` actor may act for; empty for the other roles. */
  readonly entityScope: readonly string[];
}

/**
 * Metadata of every domain event. Valid time (`validAt`, the legal date the fact refers to) and
 * recorded time (`recordedAt`, when the registry learned it) are kept apart because Parliament
 * asks about both. `hash` chains each event to the previous one of its stream (tamper evidence).
 */
export interface EventMetadata {
  readonly actor: Actor;
  readonly correlationId: string;
  /** The command that caused the event. */
  readonly causationId: string;
  readonly validAt: LegalDate | null;
  readonly recordedAt: Instant;
  readonly schemaVersion: number;
  readonly previousHash: string | null;
  readonly hash: string;
}

/** A domain event as the core sees it: its type and data, plus where it sits and its metadata. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

export interface StoredDomainEvent<E extends DomainEvent = DomainEvent> {
  readonly event: E;
  readonly id: string;
  readonly streamName: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly metadata: EventMetadata;
}
