import type { CommandResult } from '../../eventSourcing/commandHandler';
import type { DomainEvent } from '../../eventSourcing/envelope';
import type { LegalDate } from '../../shared/time';
import type { RegistryContext } from '../context';

/** An event a command wrote, as `WrittenEvent` shows it. */
export interface WrittenEvent {
  readonly eventId: string;
  readonly type: string;
  readonly validOn: LegalDate | null;
}

/** The fields every command payload shares. */
export interface CommandPayload {
  readonly revision: string;
  readonly position: bigint | null;
  readonly replayed: boolean;
  readonly events: readonly WrittenEvent[];
}

export const commandPayload = <Event extends DomainEvent>(
  result: CommandResult<unknown, Event>,
  validAt: (event: Event) => LegalDate | null,
): CommandPayload => ({
  revision: String(result.revision),
  position: result.position,
  replayed: result.replayed,
  events: result.events.map((event, index) => ({ eventId: result.eventIds[index] as string, type: event.type, validOn: validAt(event) })),
});

/**
 * Waits, bounded, until the read models have applied what the command wrote, so that a payload's
 * object shows the caller's own write. False on timeout: the payload's object is then null (as the
 * schema says), never the state before the write presented as the state after it.
 */
export const afterWrite = async (payload: CommandPayload, context: RegistryContext): Promise<boolean> => {
  const { runner, readYourWritesTimeoutMs } = context.services;
  return payload.position === null || ((await runner.waitFor(payload.position, readYourWritesTimeoutMs)) && runner.hasApplied(payload.position));
};
