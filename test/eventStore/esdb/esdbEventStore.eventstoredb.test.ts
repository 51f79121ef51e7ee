import { EsdbEventStore } from '../../../src/eventStore/esdb/esdbEventStore';
import { describeEventStoreConformance } from '../conformance/eventStoreConformance';

// The EventStoreDB adapter against a real EventStoreDB (23.10 or later), given by
// EVENTSTORE_CONNECTION_STRING. Run with `npx jest -c jest.eventstoredb.config.js`; the suite's
// stream names are unique per test, so a shared, non-empty server is fine.
const connectionString = process.env['EVENTSTORE_CONNECTION_STRING'];

if (connectionString === undefined || connectionString.trim() === '') {
  test('EVENTSTORE_CONNECTION_STRING names the EventStoreDB to test against', () => {
    throw new Error(
      'EVENTSTORE_CONNECTION_STRING is not set. This suite runs the event store conformance tests against a ' +
        'real EventStoreDB; set it, e.g. EVENTSTORE_CONNECTION_STRING="esdb://localhost:2113?tls=false".',
    );
  });
} else {
  describeEventStoreConformance('EventStoreDB adapter against a real EventStoreDB', async () => {
    const store = EsdbEventStore.connect(connectionString);
    return { store, cleanup: () => store.close() };
  });
}
