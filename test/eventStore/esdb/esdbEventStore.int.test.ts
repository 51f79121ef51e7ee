import { randomUUID } from 'node:crypto';
import { EsdbEventStore } from '../../../src/eventStore/esdb/esdbEventStore';
import { startEsdbDouble } from '../../support/esdbDouble';
import { describeEventStoreConformance } from '../conformance/eventStoreConformance';

// The EventStoreDB adapter over the wire-protocol test double (an in-process gRPC service that
// answers as EventStoreDB does); a fresh double, with an empty log, for every test. Twice: the
// client appends with BatchAppend when the server lists it (a real server does), with
// Streams.Append otherwise.
for (const batchAppend of [true, false]) {
  describeEventStoreConformance(`EventStoreDB adapter over the wire-protocol test double (appends by ${batchAppend ? 'BatchAppend' : 'Streams.Append'})`, async () => {
    const double = await startEsdbDouble({ batchAppend });
    const store = EsdbEventStore.connect(double.connectionString);
    return {
      store,
      cleanup: async () => {
        await store.close();
        await double.stop();
      },
    };
  });
}

// EventStoreDB's own: its positions are byte offsets in the log, so most numbers are no event's
// position (the embedded store numbers events 1, 2, 3…, where every position up to the head is one).
describe('EventStoreDB adapter: a position that is not where an event starts', () => {
  it('is refused as invalid input, naming fromPosition, for reads and subscriptions of $all', async () => {
    const double = await startEsdbDouble();
    const store = EsdbEventStore.connect(double.connectionString);
    try {
      const { position } = await store.appendToStream('agreement-1', [{ id: randomUUID(), type: 'AgreementOpened', data: {}, metadata: {} }]);
      await store.appendToStream('agreement-2', [{ id: randomUUID(), type: 'AgreementOpened', data: {}, metadata: {} }]);
      const inside = position + 1n;

      const read = async () => {
        for await (const _ of store.readAll({ fromPosition: inside })) break;
      };
      await expect(read()).rejects.toMatchObject({ name: 'InvalidStoreInputError', field: 'fromPosition', rule: 'not-an-event-position' });
      const subscription = store.subscribeToAll({ fromPosition: inside });
      const first = async () => {
        for await (const _ of subscription) break;
      };
      await expect(first()).rejects.toMatchObject({ name: 'InvalidStoreInputError', field: 'fromPosition' });
      await subscription.unsubscribe();
      // An event's own position is fine.
      for await (const event of store.readAll({ fromPosition: position, maxCount: 1 })) expect(event.position).toBe(position);
    } finally {
      await store.close();
      await double.stop();
    }
  });
});
