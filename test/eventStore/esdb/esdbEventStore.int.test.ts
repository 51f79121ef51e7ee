import { EsdbEventStore } from '../../../src/eventStore/esdb/esdbEventStore';
import { startEsdbDouble } from '../../support/esdbDouble';
import { describeEventStoreConformance } from '../conformance/eventStoreConformance';

// The EventStoreDB adapter over the wire-protocol test double (an in-process gRPC service that
// answers as EventStoreDB does); a fresh double, with an empty log, for every test.
describeEventStoreConformance('EventStoreDB adapter over the wire-protocol test double', async () => {
  const double = await startEsdbDouble();
  const store = EsdbEventStore.connect(double.connectionString);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await double.stop();
    },
  };
});
