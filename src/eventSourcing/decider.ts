import type { DateTime } from 'luxon';
import type { LegalDate } from '../shared/time';
import type { DomainEvent } from './envelope';

/** What a decision may know about the world besides the state: the injected clock's reading. */
export interface DecisionContext {
  readonly now: DateTime;
  /** `now` as a legal date in Mexico City. */
  readonly today: LegalDate;
}

/** What evolve may know about an event besides its data. */
export interface EvolveContext {
  readonly eventId: string;
}

/**
 * A pure decider (as in Emmett): `decide` turns a command and the current state into events or
 * throws a RuleViolationError; `evolve` folds one event into the state. No I/O, no real clock.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  readonly initialState: () => State;
  readonly decide: (command: Command, state: State, context: DecisionContext) => readonly Event[];
  readonly evolve: (state: State, event: Event, context: EvolveContext) => State;
  /** The legal date an event's fact refers to (its valid time), if it has one. */
  readonly validAt: (event: Event) => LegalDate | null;
  /**
   * Whether `events`, found under a command's id, are what this command records: a command id
   * sent again with another command is not a retry of it, and is refused rather than answered
   * with the first one's outcome. Without it, any events under the id count as the retry's.
   */
  readonly recordedBy?: (command: Command, events: readonly Event[]) => boolean;
}
