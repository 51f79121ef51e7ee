/**
 * Open-loop HTTP load: requests are sent at a fixed rate, evenly spaced, over a pool of
 * `connections` keep-alive connections, whatever the server's pace. Closed-loop load (autocannon,
 * apiHttpLoad.ts) measures capacity, but its latency is only connections ÷ throughput at
 * saturation; this measures the latency clients see at a given load.
 *
 * Latency counts from when a request was due, not when it left: a request that waits for a free
 * connection because the server is behind is counted with its wait (no coordinated omission).
 */
import http from 'node:http';
import { quantile, type LoadCase } from './apiHttpLoad';

export interface OpenLoadRun {
  readonly offeredPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Connection errors and non-2xx answers. */
  readonly failures: number;
}

export const runOpenLoad = async (endpoint: string, load: LoadCase, connections: number, perSecond: number, durationSeconds: number): Promise<OpenLoadRun> => {
  const url = new URL(endpoint);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let failures = 0;
  let outstanding = 0;
  let allSent!: () => void;
  const drained = new Promise<void>((resolve) => (allSent = resolve));
  const total = Math.round(perSecond * durationSeconds);
  const intervalMs = 1000 / perSecond;
  const started = performance.now();
  let sent = 0;
  let sending = true;

  const send = (index: number, dueAt: number) => {
    const body = JSON.stringify({ query: load.query, variables: load.variables(index) });
    outstanding++;
    const done = (ok: boolean) => {
      if (ok) latencies.push(performance.now() - dueAt);
      else failures++;
      if (--outstanding === 0 && !sending) allSent();
    };
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(load.token ? { authorization: `Bearer ${load.token}` } : {}),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => done(response.statusCode === 200));
        response.on('error', () => done(false));
      },
    );
    request.on('error', () => done(false));
    request.end(body);
  };

  const stopMeanwhile = load.during?.();
  try {
    await new Promise<void>((resolve) => {
      // A 1 ms tick sends every request whose time has come; each is timed from its due time.
      const tick = setInterval(() => {
        const now = performance.now();
        while (sent < total && started + sent * intervalMs <= now) {
          send(sent, started + sent * intervalMs);
          sent++;
        }
        if (sent >= total) {
          clearInterval(tick);
          resolve();
        }
      }, 1);
    });
    sending = false;
    if (outstanding > 0) await drained;
  } finally {
    agent.destroy();
    await stopMeanwhile?.();
  }
  return {
    offeredPerSecond: perSecond,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    max: latencies.length === 0 ? Number.NaN : Math.max(...latencies),
    failures,
  };
};
