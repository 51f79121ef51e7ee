/**
 * The floor of the fixed stack: the same closed-loop load as `npm run bench:api` (autocannon from
 * this process, 50 connections) on servers that answer a constant GraphQL result and hold nothing
 * (stackFloorServer.ts): node:http alone, express 5, and Apollo Server 5 over express 5 in one and
 * in two processes. What the registry's latency cannot go below on this machine, whatever it does.
 * Prints figures; it is not a test.
 *   npm run bench:floor [-- --runs 3 --duration 10]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { wholeNumberOption } from '../../src/cli/command';
import { runLoad, type LoadRun } from './apiHttpLoad';
import { benchOptions, machineDescription, printTable } from './benchSupport';

const options = benchOptions({
  usage: 'npm run bench:floor -- [options]',
  description: 'Closed-loop latency of servers that answer a constant GraphQL result: what the fixed stack (express 5, Apollo Server 5) costs before the registry adds anything.',
  options: {
    connections: { type: 'string', valueName: 'N', description: 'concurrent HTTP clients (default 50, as bench:api)' },
    duration: { type: 'string', valueName: 'SECONDS', description: 'length of one run (default 10)' },
    runs: { type: 'string', valueName: 'N', description: 'runs per server; the median p99 is printed with the range (default 3)' },
  },
});
const connections = wholeNumberOption(options.connections, 'connections', 50, 1);
const duration = wholeNumberOption(options.duration, 'duration', 10, 1);
const runs = wholeNumberOption(options.runs, 'runs', 3, 1);

const SERVERS = [
  { kind: 'raw', label: 'node:http, fixed body' },
  { kind: 'express', label: 'express 5, fixed body' },
  { kind: 'apollo', label: 'Apollo Server 5 over express 5, one-field schema' },
  { kind: 'apollo-cluster', label: 'the same, two processes (node:cluster)' },
] as const;

const start = (kind: string): Promise<{ readonly url: string; readonly child: ChildProcess }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'stackFloorServer.ts'), kind], {
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const found = /FLOOR_URL (\S+)/.exec(output);
      if (found?.[1]) resolve({ url: found[1], child });
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited with code ${String(code)}`)));
  });

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const main = async (): Promise<void> => {
  console.log(machineDescription());
  console.log(`load average at start: ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}; ${connections} connections, ${runs} runs of ${duration} s each, NODE_ENV=production\n`);
  const rows: string[][] = [];
  for (const server of SERVERS) {
    const { url, child } = await start(server.kind);
    try {
      const load = { name: server.kind, query: '{ __typename }', variables: () => ({}), token: undefined };
      await runLoad(url, load, connections, 2); // warm-up, not counted
      const measured: LoadRun[] = [];
      for (let run = 0; run < runs; run += 1) measured.push(await runLoad(url, load, connections, duration));
      const p99s = measured.map((run) => run.p99);
      rows.push([
        server.label,
        median(measured.map((run) => run.requestsPerSecond)).toFixed(0),
        String(median(measured.map((run) => run.p50))),
        `${median(p99s)} (${Math.min(...p99s)}–${Math.max(...p99s)})`,
        String(measured.reduce((sum, run) => sum + run.failures, 0)),
      ]);
    } finally {
      child.kill('SIGTERM');
    }
  }
  printTable(['server (answers { __typename })', 'req/s', 'p50 ms', 'p99 ms (range)', 'failures'], rows);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
