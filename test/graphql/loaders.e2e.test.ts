import { randomUUID } from 'node:crypto';
import { observeLoaders, type LoaderStats, type RegistryLoaders } from '../../src/graphql/loaders';
import { dataOf, startReadRegistry, type ReadRegistry } from './readSupport';

/*
 * N+1: a page of agreements with their parties, counterparts and what hangs off them must cost a
 * constant number of DataLoader batch calls, whatever the page size. The loaders of a request are
 * caught through a test-only hook (observeLoaders), matched by the correlation id the test sends;
 * nothing is added to the response.
 */

const PAGE = `query Page($first: Int!) {
  agreements(first: $first) {
    edges {
      node {
        title
        parties { code name inCatalogue state { name } entity { agreementCount } }
        counterparts { name country { nameEs } counterpart { agreementCount } }
        findingsCount
        history { type }
      }
    }
  }
}`;

describe('DataLoader batching', () => {
  let r: ReadRegistry;
  let parliament: string;
  const seen = new Map<string, RegistryLoaders>();
  let stopObserving: () => void;

  beforeAll(async () => {
    r = await startReadRegistry('registry-read-loaders-');
    parliament = await r.token('parliament');
    stopObserving = observeLoaders((loaders, correlationId) => seen.set(correlationId, loaders));
  }, 60_000);
  afterAll(async () => {
    stopObserving();
    await r.stop();
  });

  /** Runs a page of `first` agreements and returns what its request's loaders did. */
  const batchesFor = async (first: number): Promise<{ stats: LoaderStats; edges: number; extensions: unknown }> => {
    const correlationId = randomUUID();
    const response = await r.post<{ agreements: { edges: unknown[] } }>(PAGE, { first }, parliament, { 'x-correlation-id': correlationId });
    const loaders = seen.get(correlationId);
    if (loaders === undefined) throw new Error('the request created no loaders');
    return { stats: loaders.stats, edges: dataOf(response).agreements.edges.length, extensions: response.extensions };
  };

  it('costs the same number of batch calls for 100 agreements as for 10: one per loader', async () => {
    const ten = await batchesFor(10);
    const hundred = await batchesFor(100);
    expect(ten.edges).toBe(10);
    expect(hundred.edges).toBe(100);
    expect(hundred.stats.batchCalls).toBe(ten.stats.batchCalls);
    expect(hundred.stats.byLoader).toEqual(ten.stats.byLoader);
    // place (party names), country, counterpart, entity, findings, history: one batch each.
    expect(hundred.stats.byLoader).toEqual({ place: 1, country: 1, counterpart: 1, entity: 1, findings: 1, history: 1 });
    // The counter is for tests only: responses carry nothing of it.
    expect(hundred.extensions).toBeUndefined();
  });

  it('gives every request its own loaders', async () => {
    const first = await batchesFor(5);
    const second = await batchesFor(5);
    expect(first.stats).not.toBe(second.stats);
    expect(second.stats.batchCalls).toBe(first.stats.batchCalls);
  });
});
