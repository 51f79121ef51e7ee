/**
 * API benchmark: requests/s and p50/p99 latency of three queries on the real server (Apollo over
 * express) and on bare graphql-js over node:http with the same schema and resolvers, and the time
 * from a mutation's acknowledgement to its delivery on 1,000 open subscriptions. Servers run in
 * their own processes; this process generates the load. Prints figures; it is not a test.
 *   npm run bench:api [-- --agreements 100000 --runs 3]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCommand, wholeNumberOption, type CommandSpec } from '../../src/cli/command';
import { legalDateAt, systemClock } from '../../src/shared/time';
import { measureFanOut, milestoneMutation, type FanOutFeed, type FanOutResult } from './apiFanOut';
import { quantile, runLoad, summarise, type LoadCase, type LoadRun, type LoadSummary } from './apiHttpLoad';
import { runOpenLoad, type OpenLoadRun } from './apiOpenLoad';
import { graphql, startServer, tokenFor } from './apiServers';
import { machineDescription, printTable } from './benchSupport';

const root = path.resolve(__dirname, '..', '..');

const SPEC = {
  usage: 'npm run bench:api -- [options]',
  description:
    'Measures the GraphQL API on a generated registry (kept under .bench/ and reused): an agreement by id, a filtered page of 50 and the statistics, ' +
    'on the real server and on bare graphql-js with the same resolvers, with autocannon from this process; then subscription fan-out.',
  options: {
    agreements: { type: 'string', valueName: 'N', description: 'agreements in the generated registry (default 100000, ~22 events each)' },
    'data-dir': { type: 'string', valueName: 'DIR', description: 'store to use or create (default .bench/api-<N>)' },
    connections: { type: 'string', valueName: 'N', description: 'concurrent HTTP clients (default 50)' },
    duration: { type: 'string', valueName: 'SECONDS', description: 'length of one load run (default 10)' },
    runs: { type: 'string', valueName: 'N', description: 'runs of each load case, interleaved; best and median are printed (default 3)' },
    subscribers: { type: 'string', valueName: 'N', description: 'open subscriptions for the fan-out (default 1000)' },
    mutations: { type: 'string', valueName: 'N', description: 'measured mutations per fan-out feed (default 10)' },
    'skip-bare': { type: 'boolean', description: 'leave out the bare graphql-js comparison' },
    'skip-fan-out': { type: 'boolean', description: 'leave out the subscription fan-out' },
  },
  epilogue: 'The fan-out records cooperation milestones on one agreement of the store (a few dozen events per run).',
} as const satisfies CommandSpec<Record<string, { type: 'string' | 'boolean'; description: string; valueName?: string }>>;

const BY_ID = `query AgreementById($id: ID!) {
  agreement(id: $id) {
    id title kind status published openedOn milestoneCount
    parties { code name } counterparts { kind name }
    signature { signedOn } registration { registryNumber registeredOn }
  }
}`;
const PAGE = `query Page($filter: AgreementFilter) {
  agreements(first: 50, filter: $filter, sort: { field: SIGNED_ON, direction: DESC }) {
    totalCount
    edges { node { id title status signature { signedOn } parties { code } } }
  }
}`;
const STATISTICS = `query Statistics {
  statistics {
    total signed scope withoutPriorityRegion
    byState { key count } byRegion { key count } byTheme { key count }
    byKind { kind count } byStatus { status count } bySignatureYear { key count }
  }
}`;
const STATES = Array.from({ length: 32 }, (_, index) => String(index + 1).padStart(2, '0'));
/** A page filter per request, cycling through the 32 states: more than the result cache keeps, so every page is filtered and sorted. */
const pageFilter = (index: number) => ({ filter: { states: [STATES[index % STATES.length]], statuses: ['IN_FORCE'] } });

const WRITES_PER_SECOND = 5;

/** Calls `write` every `intervalMs` (one at a time) until stopped; the stopper waits for the write under way. */
const writeEvery = (intervalMs: number, write: () => Promise<unknown>) => {
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      await write();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, intervalMs - (performance.now() - started))));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
  };
};

const storeName = (agreements: number): string => (agreements % 1000 === 0 ? `api-${agreements / 1000}k` : `api-${agreements}`);

/** Generates the registry once (into DIR.partial, renamed when complete) and reuses it afterwards. */
const ensureStore = (dataDir: string, agreements: number): void => {
  if (fs.existsSync(path.join(dataDir, 'events.sqlite3'))) return;
  const partial = `${dataDir}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  console.error(`Generating ${agreements.toLocaleString('en')} agreements into ${dataDir} (once; later runs reuse it)…`);
  const started = performance.now();
  execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'scripts/generateHistory.ts'), '--data-dir', partial, '--agreements', String(agreements), '--durability', 'normal', '--pipeline'],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  fs.renameSync(partial, dataDir);
  console.error(`Generated in ${((performance.now() - started) / 60_000).toFixed(1)} min.`);
};

const ms = (value: number): string => (Number.isNaN(value) ? '–' : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
const rps = (value: number): string => Math.round(value).toLocaleString('en');
const ratio = (a: number, b: number): string => (b === 0 ? '–' : `${(a / b).toFixed(2)}×`);

/** Every case `runs` times, interleaved, so a burst of load from elsewhere on the machine hits all cases alike. */
const measureCases = async (endpoint: string, cases: readonly LoadCase[], runs: number, connections: number, duration: number): Promise<Map<string, LoadSummary>> => {
  const byCase = new Map<string, LoadRun[]>(cases.map((load) => [load.name, []]));
  for (let run = 1; run <= runs; run += 1) {
    for (const load of cases) {
      // A short warm-up: lazily built caches and JIT are not what is measured.
      await runLoad(endpoint, load, connections, 1);
      const result = await runLoad(endpoint, load, connections, duration);
      byCase.get(load.name)?.push(result);
      console.error(`  run ${run}/${runs} ${load.name}: ${rps(result.requestsPerSecond)} req/s, p50 ${ms(result.p50)}, p99 ${ms(result.p99)}${result.failures ? `, ${result.failures} failed` : ''}`);
    }
  }
  return new Map([...byCase].map(([name, results]) => [name, summarise(results)]));
};

/** Offered loads, as fractions of the closed-loop throughput, at which latency is measured open-loop. */
const LOAD_FRACTIONS = [0.25, 0.5, 0.75] as const;

/**
 * For each case with a p99 target: the latency at fixed offered loads (a quarter, half and three
 * quarters of the throughput measured closed-loop), from the same number of connections.
 */
const measureAtLoads = async (endpoint: string, cases: readonly LoadCase[], capacity: ReadonlyMap<string, LoadSummary>, connections: number, duration: number): Promise<Map<string, OpenLoadRun[]>> => {
  const byCase = new Map<string, OpenLoadRun[]>();
  for (const load of cases) {
    const summary = capacity.get(load.name);
    if (load.targetP99Ms === undefined || summary === undefined) continue;
    const runs: OpenLoadRun[] = [];
    for (const fraction of LOAD_FRACTIONS) {
      const perSecond = Math.max(10, Math.round((summary.median.requestsPerSecond * fraction) / 10) * 10);
      const result = await runOpenLoad(endpoint, load, connections, perSecond, duration);
      runs.push(result);
      console.error(`  ${load.name} at ${rps(perSecond)} req/s: p50 ${ms(result.p50)}, p99 ${ms(result.p99)}, max ${ms(result.max)}${result.failures ? `, ${result.failures} failed` : ''}`);
    }
    byCase.set(load.name, runs);
  }
  return byCase;
};

runCommand(SPEC, async ({ values }) => {
  const agreements = wholeNumberOption(values.agreements, 'agreements', 100_000, 1);
  const dataDir = path.resolve(values['data-dir'] ?? path.join(root, '.bench', storeName(agreements)));
  const connections = wholeNumberOption(values.connections, 'connections', 50, 1);
  const duration = wholeNumberOption(values.duration, 'duration', 10, 1);
  const runs = wholeNumberOption(values.runs, 'runs', 3, 1);
  const subscribers = wholeNumberOption(values.subscribers, 'subscribers', 1000, 1);
  const mutations = wholeNumberOption(values.mutations, 'mutations', 10, 1);

  ensureStore(dataDir, agreements);
  console.log(machineDescription());
  console.log(`load average at start: ${os.loadavg().map((load) => load.toFixed(2)).join(' ')} (the machine may be shared: figures vary between runs)`);
  console.log(`store: ${dataDir}; ${connections} connections, ${runs} runs of ${duration} s per case\n`);

  const registry = await startServer('registry', dataDir);
  console.error(`Registry ready in ${registry.startSeconds.toFixed(1)} s.`);
  let registryFigures: Map<string, LoadSummary>;
  let atLoads = new Map<string, OpenLoadRun[]>();
  let fanOuts: { feed: string; result: FanOutResult }[] = [];
  let cases: LoadCase[];
  try {
    const parliament = await tokenFor(dataDir, 'parliament');
    type Sample = { agreements: { edges: { node: { id: string; agreementId: string; parties: { code: string }[] } }[] } };
    const sample = (filter: Record<string, unknown>, token?: string) =>
      graphql<Sample>(registry.endpoint, 'query Sample($filter: AgreementFilter) { agreements(first: 100, filter: $filter) { edges { node { id agreementId parties { code } } } } }', { filter }, token).then((page) => page.agreements.edges.map((edge) => edge.node));
    const inForce = await sample({ statuses: ['IN_FORCE'] }, parliament);
    const published = (await sample({})).map((node) => node.id);
    if (inForce.length === 0 || published.length === 0) throw new Error('The store has no agreement in force or no published one to query.');
    const privileged = inForce.map((node) => node.id);
    // The writes of the fan-out and of the "during writes" case: cooperation milestones on one agreement.
    const target = inForce[0] as { id: string; agreementId: string; parties: { code: string }[] };
    const writer = await tokenFor(dataDir, 'subnational', [...new Set(target.parties.map((party) => party.code))]);
    const mutate = milestoneMutation(registry.endpoint, writer, target.agreementId, legalDateAt(systemClock()));
    cases = [
      { name: 'agreement by id', query: BY_ID, variables: (index) => ({ id: privileged[index % privileged.length] }), token: parliament, targetP99Ms: 10 },
      { name: 'agreement by id (anonymous)', query: BY_ID, variables: (index) => ({ id: published[index % published.length] }), token: undefined, targetP99Ms: 10 },
      { name: 'filtered page of 50', query: PAGE, variables: pageFilter, token: parliament, targetP99Ms: 50 },
      { name: 'filtered page of 50 (anonymous)', query: PAGE, variables: pageFilter, token: undefined, targetP99Ms: 50 },
      // Every write moves the read models on: restricted (anonymous) models must not be rebuilt for it.
      { name: `filtered page of 50 (anonymous, ${WRITES_PER_SECOND} writes/s)`, query: PAGE, variables: pageFilter, token: undefined, targetP99Ms: 50, during: () => writeEvery(1000 / WRITES_PER_SECOND, mutate) },
      { name: 'statistics', query: STATISTICS, variables: () => ({}), token: parliament },
    ];
    console.error('Load on the registry (Apollo + express):');
    registryFigures = await measureCases(registry.endpoint, cases, runs, connections, duration);
    console.error('Latency at fixed loads (open loop):');
    atLoads = await measureAtLoads(registry.endpoint, cases, registryFigures, connections, duration);

    if (values['skip-fan-out'] !== true) {
      const feeds: { feed: FanOutFeed; key: (outcome: Awaited<ReturnType<typeof mutate>>) => string }[] = [
        {
          feed: { name: 'registryEvents', subscription: 'subscription { registryEvents { cursor type agreementId } }', keyOf: (payload) => String((payload['registryEvents'] as { cursor: string }).cursor) },
          key: (outcome) => String(outcome.position),
        },
        {
          feed: { name: 'agreementChanged', subscription: `subscription { agreementChanged(id: "${target.id}") { milestoneCount } }`, keyOf: (payload) => String((payload['agreementChanged'] as { milestoneCount: number }).milestoneCount) },
          key: (outcome) => String(outcome.agreement?.milestoneCount),
        },
      ];
      for (const { feed, key } of feeds) {
        console.error(`Fan-out to ${subscribers} ${feed.name} subscriptions…`);
        const result = await measureFanOut(registry.endpoint, parliament, feed, subscribers, mutations, async () => ({ key: key(await mutate()) }));
        fanOuts.push({ feed: feed.name, result });
      }
    }
  } finally {
    await registry.stop();
  }

  let bareFigures: Map<string, LoadSummary> | undefined;
  if (values['skip-bare'] !== true) {
    const bare = await startServer('bare', dataDir);
    try {
      console.error(`Bare graphql-js ready in ${bare.startSeconds.toFixed(1)} s. Load on it:`);
      bareFigures = await measureCases(bare.endpoint, cases.filter((load) => load.token !== undefined), runs, connections, duration);
    } finally {
      await bare.stop();
    }
  }

  console.log(`Registry (Apollo 5 + express 5), ${connections} concurrent clients; best of ${runs} runs (most req/s) and median of the runs:`);
  printTable(
    ['query', 'req/s best', 'req/s median', 'p50 median', 'p99 best', 'p99 median', 'target p99', 'met (median)'],
    cases.map((load) => {
      const { best, median } = registryFigures.get(load.name) as LoadSummary;
      const target = load.targetP99Ms;
      return [load.name, rps(best.requestsPerSecond), rps(median.requestsPerSecond), ms(median.p50), ms(best.p99), ms(median.p99), target === undefined ? '–' : `< ${target} ms`, target === undefined ? '–' : median.p99 < target ? 'met' : 'NOT MET'];
    }),
  );
  console.log(
    `\nLatency at a fixed load: requests sent evenly spaced at a set rate over ${connections} connections, each timed from when it was due ` +
      `(a request waiting for a free connection counts its wait); rates are fractions of the median throughput above:`,
  );
  printTable(
    ['query', ...LOAD_FRACTIONS.map((fraction) => `p50 / p99 at ${fraction * 100}%`), 'target p99', 'met at every rate up to'],
    [...atLoads].map(([name, loads]) => {
      const target = (cases.find((load) => load.name === name) as LoadCase).targetP99Ms as number;
      // Loads are in increasing order: a rate counts only if it and every lower one met the target.
      const firstMiss = loads.findIndex((run) => run.failures > 0 || !(run.p99 < target));
      const meetingUpTo = firstMiss === -1 ? loads.at(-1) : firstMiss === 0 ? undefined : loads[firstMiss - 1];
      return [
        name,
        ...loads.map((run) => `${ms(run.p50)} / ${ms(run.p99)} at ${rps(run.offeredPerSecond)}/s`),
        `< ${target} ms`,
        meetingUpTo === undefined ? `none (NOT MET at ${rps((loads[0] as OpenLoadRun).offeredPerSecond)}/s)` : `${rps(meetingUpTo.offeredPerSecond)} req/s`,
      ];
    }),
  );
  const failed = [...registryFigures.values()].reduce((sum, summary) => sum + summary.median.failures, 0);
  if (failed > 0) console.log(`(${failed} requests failed or answered non-2xx: see above)`);

  if (bareFigures) {
    console.log(`\nApollo + express vs bare graphql-js over node:http (same schema, resolvers and context; medians):`);
    printTable(
      ['query', 'registry req/s', 'bare req/s', 'req/s registry/bare', 'registry p99', 'bare p99', 'p99 registry/bare'],
      [...bareFigures].map(([name, bare]) => {
        const registryMedian = (registryFigures.get(name) as LoadSummary).median;
        return [name, rps(registryMedian.requestsPerSecond), rps(bare.median.requestsPerSecond), ratio(registryMedian.requestsPerSecond, bare.median.requestsPerSecond), ms(registryMedian.p99), ms(bare.median.p99), ratio(registryMedian.p99, bare.median.p99)];
      }),
    );
  }

  if (fanOuts.length > 0) {
    console.log(
      `\nSubscription fan-out: time from a mutation's HTTP response to each subscriber's delivery (one WebSocket per subscriber). ` +
        `The response waits for the read models (read-your-writes), so deliveries often come first: those count as 0 ms.`,
    );
    printTable(
      ['feed', 'subscribers', 'mutations', 'deliveries', 'missing', 'p50', 'p99', 'max', 'target p99', 'met', 'p50 / p99 from request sent'],
      fanOuts.map(({ feed, result }) => {
        const p99 = quantile(result.latencies, 0.99);
        return [
          feed,
          String(result.subscribers),
          String(result.mutations),
          String(result.latencies.length),
          String(result.missing),
          ms(quantile(result.latencies, 0.5)),
          ms(p99),
          ms(Math.max(...result.latencies)),
          '< 250 ms',
          p99 < 250 && result.missing === 0 ? 'met' : 'NOT MET',
          `${ms(quantile(result.sinceSent, 0.5))} / ${ms(quantile(result.sinceSent, 0.99))}`,
        ];
      }),
    );
  }
});
