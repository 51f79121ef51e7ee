/**
 * HTTP load with autocannon, run from this (the benchmark's) process against a server in another:
 * `connections` clients each send the next request as soon as the previous one is answered.
 */
import autocannon from 'autocannon';

export interface LoadCase {
  readonly name: string;
  readonly query: string;
  /** Variables of the i-th request (rotating ids or filters, so no single answer is measured). */
  readonly variables: (index: number) => Record<string, unknown>;
  readonly token: string | undefined;
  /** p99 target in ms, where the issue sets one. */
  readonly targetP99Ms?: number;
  /** Something to run meanwhile (writes); returns what stops it. */
  readonly during?: () => () => Promise<void>;
}

export interface LoadRun {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** Connection errors, timeouts and non-2xx answers. */
  readonly failures: number;
}

export const runLoad = async (endpoint: string, load: LoadCase, connections: number, durationSeconds: number): Promise<LoadRun> => {
  const stopMeanwhile = load.during?.();
  try {
    return await runAutocannon(endpoint, load, connections, durationSeconds);
  } finally {
    await stopMeanwhile?.();
  }
};

const runAutocannon = async (endpoint: string, load: LoadCase, connections: number, durationSeconds: number): Promise<LoadRun> => {
  let index = 0;
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(load.token ? { authorization: `Bearer ${load.token}` } : {}) };
  const result = await autocannon({
    url: endpoint,
    connections,
    duration: durationSeconds,
    method: 'POST',
    headers,
    requests: [
      {
        method: 'POST',
        headers,
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ query: load.query, variables: load.variables(index++) }) }),
      },
    ],
  });
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failures: result.errors + result.timeouts + result.non2xx };
};

/** Several runs of one case: the best (highest requests/s) and the median of each figure. */
export interface LoadSummary {
  readonly runs: readonly LoadRun[];
  readonly best: LoadRun;
  readonly median: LoadRun;
}

const medianOf = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

export const summarise = (runs: readonly LoadRun[]): LoadSummary => ({
  runs,
  best: runs.reduce((best, run) => (run.requestsPerSecond > best.requestsPerSecond ? run : best)),
  median: {
    requestsPerSecond: medianOf(runs.map((run) => run.requestsPerSecond)),
    p50: medianOf(runs.map((run) => run.p50)),
    p99: medianOf(runs.map((run) => run.p99)),
    failures: runs.reduce((sum, run) => sum + run.failures, 0),
  },
});

/** The q-quantile (0–1) of a list of latencies, nearest rank. */
export const quantile = (values: readonly number[], q: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
};
