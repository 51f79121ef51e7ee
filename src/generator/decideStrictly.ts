import type { DecisionContext, Decider } from '../eventSourcing/decider';
import type { DomainEvent } from '../eventSourcing/envelope';

/**
 * Decides as the command handler would. A refusal is a bug of the generator (the history must be
 * one the domain accepts), reported with what was being generated so that it can be reproduced;
 * `what` is only worded when that happens.
 */
export const decideStrictly = <Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  command: Command,
  state: State,
  context: DecisionContext,
  what: () => string,
): readonly Event[] => {
  try {
    return decider.decide(command, state, context);
  } catch (error) {
    throw new Error(`The domain refused a generated command (${what()}, today ${context.today}): ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
};
