import { UnknownError } from '@eventstore/db-client';
import { StoreUnavailableError } from '../../../src/eventStore/errors';
import { toStoreError } from '../../../src/eventStore/esdb/clientErrors';

describe('EventStoreDB client errors as the store port names them', () => {
  it.each(['Server Is Not Ready', 'Server Is Too Busy', 'No leader info available in response'])(
    'takes "%s" on the BatchAppend path (an UnknownError to the client) as the store unavailable for now',
    (message) => {
      expect(toStoreError(new UnknownError(undefined, `Could not recognize ${message}`))).toBeInstanceOf(StoreUnavailableError);
    },
  );

  it('leaves another unrecognised answer as it is: a fault, not a retryable outage', () => {
    const error = new UnknownError(undefined, 'Could not recognize Stream is corrupted');
    expect(toStoreError(error)).toBe(error);
  });
});
