import type { AgreementEvent } from '../agreements/agreementEvents';
import type { RegistryNumberEvent } from '../agreements/registryNumber';
import type { EntityProfileEvent } from '../entities/entityProfileEvents';
import { eventIdFor, type CommandEnvelope } from '../eventSourcing/commandHandler';
import type { DomainEvent } from '../eventSourcing/envelope';
import type { PolicyEvent } from '../policy/policyEvents';
import type { Instant } from '../shared/time';

/** Which decider decided a step: the writer needs its `validAt` to build the envelope. */
export type StepDecider = 'agreement' | 'registry-number' | 'policy' | 'entity-profile';

interface StepOf<Decider extends StepDecider, Event> {
  readonly decider: Decider;
  readonly streamName: string;
  /** What the decider decided for the command, in order. */
  readonly events: readonly Event[];
  /** The ids the events get (see `eventIdOf`); the writer checks it builds the same. */
  readonly eventIds: readonly string[];
  readonly envelope: CommandEnvelope;
  /** When the registry learned the fact: never before its legal date, never after the history's end. */
  readonly recordedAt: Instant;
}

/** One command on one stream, already decided: the unit the writer appends. */
export type HistoryStep =
  | StepOf<'agreement', AgreementEvent>
  | StepOf<'registry-number', RegistryNumberEvent>
  | StepOf<'policy', PolicyEvent>
  | StepOf<'entity-profile', EntityProfileEvent>;

/**
 * The id `buildEventsToAppend` gives the event at `index` of a command on a stream. The generator
 * needs it before writing (evolve takes it, and corrections name the event they correct); the
 * writer refuses a step whose ids differ, so a change of the formula cannot go unnoticed.
 */
export const eventIdOf = (commandId: string, streamName: string, index: number, event: DomainEvent): string => flat(eventIdFor(commandId, streamName, index, event));

/**
 * The same text as one flat string. V8 builds template literals as trees of string pieces, which
 * cost several times the text itself; an id an open agreement keeps for years (in its state) is
 * worth copying once. (Ids, numbers and references are ASCII, so Latin-1 keeps them intact.)
 */
export const flat = (text: string): string => Buffer.from(text, 'latin1').toString('latin1');
