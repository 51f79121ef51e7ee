import { DateTime } from 'luxon';
import type { Decider } from '../../src/eventSourcing/decider';
import type { DomainEvent } from '../../src/eventSourcing/envelope';
import { legalDateAt } from '../../src/shared/time';

/** Fixed "now" for decider specs: 2025-06-15 12:00 in Mexico City. */
export const SPEC_NOW = DateTime.fromISO('2025-06-15T18:00:00Z', { zone: 'utc' });

/**
 * Given/when/then for pure deciders (after Emmett's DeciderSpecification): given past events,
 * when a command is decided, then exactly these events, or exactly this error.
 * Past events get ids `event-0`, `event-1`, … so corrections can refer to them.
 */
export const deciderSpec = <Command, Event extends DomainEvent, State>(decider: Decider<Command, Event, State>, now = SPEC_NOW) => ({
  given: (events: readonly Event[]) => ({
    when: (command: Command) => {
      const run = () => {
        const state = events.reduce((folded, event, index) => decider.evolve(folded, event, { eventId: `event-${index}` }), decider.initialState());
        return decider.decide(command, state, { now, today: legalDateAt(now) });
      };
      return {
        then: (expected: readonly Event[]) => expect(run()).toEqual(expected),
        thenThrows: (expected: { readonly name?: string; readonly rule?: string; readonly message?: string | RegExp }) => {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeDefined();
          const { message, ...fields } = expected;
          expect(thrown).toMatchObject(fields);
          if (message !== undefined) expect((thrown as Error).message).toMatch(message);
        },
      };
    },
  }),
});
