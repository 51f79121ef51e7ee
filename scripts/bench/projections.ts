/**
 * Read-model benchmark: rebuild events/s and peak memory, start-up from a snapshot, and the
 * registry as of past recorded instants, on generated histories of two sizes, each figure next to
 * its target (issue 4). Prints figures; it is not a test. Generated stores are kept under
 * .bench/ (or --bench-dir) and reused by later runs. Timings on a shared machine are noisy:
 * --repeat N measures rebuild and start-up N times and prints the best and the median.
 *   npm run bench:projections [-- --agreements 4500,45200 --seed 7 --repeat 1 --threads 2 --bench-dir .bench]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { wholeNumberOption } from '../../src/cli/command';
import { benchOptions, machineDescription, printTable } from './benchSupport';

const options = benchOptions({
  usage: 'npm run bench:projections -- [--agreements 4500,45200] [--seed N] [--repeat N] [--threads N] [--bench-dir DIR]',
  description: 'Rebuild events/s and peak memory, start-up from a snapshot and the registry as of past instants, on generated histories (about 22 events per agreement), each next to its issue-4 target; prints figures.',
  options: {
    agreements: { type: 'string', valueName: 'N,N', description: 'history sizes in agreements, comma-separated (default 4500,45200: about 100k and 1M events)' },
    seed: { type: 'string', valueName: 'N', description: 'seed of the generated histories (default 7)' },
    repeat: { type: 'string', valueName: 'N', description: 'measure rebuild and start-up N times; best and median (default 1)' },
    threads: { type: 'string', valueName: 'N', description: 'rebuild on N threads, as `npm run rebuild -- --threads N` (default as npm run rebuild: 2, 1 on one core)' },
    'bench-dir': { type: 'string', valueName: 'DIR', description: 'where generated stores are kept and reused (default .bench)' },
  },
});
const sizes = (options.agreements ?? '4500,45200').split(',').map((size) => wholeNumberOption(size.trim(), 'agreements', 0, 1));
const seed = String(wholeNumberOption(options.seed, 'seed', 7, 0));
const repeat = wholeNumberOption(options.repeat, 'repeat', 1, 1);
const threads = options.threads === undefined ? [] : [String(wholeNumberOption(options.threads, 'threads', 2, 1))];
const root = path.resolve(__dirname, '..', '..');
const benchDir = path.resolve(root, options['bench-dir'] ?? '.bench');

/** Issue 4's targets, on the 2-core reference machine. */
const TARGETS = { rebuildEventsPerSecond: 200_000, startupSeconds: 3, asOfSeconds: 1, targetEvents: 1_000_000 };

/**
 * As `npm start` and `npm run rebuild` run (see package.json): a young generation large enough for
 * loads, and an old generation that starts at 1 GB, so that loading a snapshot does not set off full
 * collections of what it has just loaded (V8 otherwise starts small and marks the heap as it grows).
 */
const NODE_FLAGS = ['--max-semi-space-size=64', '--initial-old-space-size=1024'];
const tsx = (script: string, args: readonly string[], inherit = false): string =>
  execFileSync(process.execPath, [...NODE_FLAGS, '--import', 'tsx', path.join(root, script), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
    stdio: ['ignore', 'pipe', inherit ? 'inherit' : 'pipe'],
  });

const measure = (mode: string, dataDir: string, extra: readonly string[] = []) =>
  JSON.parse(tsx('scripts/bench/projectionsMeasure.ts', [mode, dataDir, ...extra]).trim().split('\n').pop() ?? '{}');
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

const rows: string[][] = [];
for (const agreements of sizes) {
  const dataDir = path.join(benchDir, `history-seed${seed}-${agreements}`);
  if (!fs.existsSync(path.join(dataDir, 'events.sqlite3'))) {
    console.error(`Generating ${agreements} agreements (seed ${seed}) into ${dataDir}…`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    tsx('scripts/generateHistory.ts', ['--seed', seed, '--agreements', String(agreements), '--data-dir', dataDir, '--to', '2026-11-24', '--pipeline'], true);
  }
  const rebuilds = Array.from({ length: repeat }, () => measure('rebuild', dataDir, threads));
  const startups = Array.from({ length: repeat }, () => measure('startup', dataDir));
  const asOf = measure('asof', dataDir);
  for (const rebuild of rebuilds) if ((rebuild.failures as unknown[]).length > 0) console.error('Projection failures:', JSON.stringify(rebuild.failures));
  const events = Number(rebuilds[0].events);
  const size = `${events.toLocaleString('en')} events`;
  const atTarget = events >= TARGETS.targetEvents * 0.95;
  const rates = rebuilds.map((rebuild) => events / rebuild.seconds);
  const best = Math.max(...rates);
  rows.push([size, `rebuild events/s on ${rebuilds[0].threads} thread(s) (best, median)`, `${Math.round(best).toLocaleString('en')}, ${Math.round(median(rates)).toLocaleString('en')}`, `≥ ${TARGETS.rebuildEventsPerSecond.toLocaleString('en')}`, verdict(best >= TARGETS.rebuildEventsPerSecond)]);
  rows.push([size, 'rebuild peak RSS, whole process', `${Math.max(...rebuilds.map((rebuild) => rebuild.peakRssMiB))} MiB`, '(reported)', '']);
  const withSnapshots = rebuilds.map((rebuild) => Number(rebuild.secondsWithSnapshots));
  rows.push([size, 'rebuild writing snapshots (best, median)', `${Math.min(...withSnapshots).toFixed(2)} s, ${median(withSnapshots).toFixed(2)} s`, '(reported)', '']);
  const startupSeconds = startups.map((startup) => Number(startup.seconds));
  const startupCpu = startups.map((startup) => Number(startup.cpuSeconds));
  rows.push([
    size,
    `start-up from snapshot (best, median; ${startups[0].snapshot})`,
    `${Math.min(...startupSeconds).toFixed(2)} s, ${median(startupSeconds).toFixed(2)} s`,
    atTarget ? `< ${TARGETS.startupSeconds} s` : '(target at 1M)',
    atTarget ? verdict(Math.min(...startupSeconds) < TARGETS.startupSeconds) : '',
  ]);
  rows.push([size, 'start-up CPU time, all threads (best, median)', `${Math.min(...startupCpu).toFixed(2)} s, ${median(startupCpu).toFixed(2)} s`, '(reported)', '']);
  const asOfRows = [
    ['agreements', 'agreements + policy (statistics, agreements)'],
    ['findings', 'auditFindings (+ audit model, the findings an SRE reader may read, newest first, first page)'],
    ['history', 'history export (agreements + policy + timeline)'],
    ['all', 'every read model (no request builds them all: for comparison)'],
  ] as const;
  for (const [key, label] of asOfRows) {
    const ms: number[] = asOf[key].map((timing: { ms: number }) => timing.ms);
    const cpuMs: number[] = asOf[key].map((timing: { cpuMs: number }) => timing.cpuMs);
    rows.push([
      size,
      `registry as of, ${label} (max, median of 6 instants; CPU max)`,
      `${Math.max(...ms)} ms, ${median(ms)} ms; ${Math.max(...cpuMs)} ms`,
      key === 'all' ? '(reported)' : atTarget ? `< ${TARGETS.asOfSeconds * 1000} ms` : '(target at 1M)',
      key !== 'all' && atTarget ? verdict(Math.max(...ms) < TARGETS.asOfSeconds * 1000) : '',
    ]);
  }
}
console.log(machineDescription());
console.log(`load average at the end: ${os.loadavg().map((load) => load.toFixed(2)).join(', ')} (1, 5, 15 min)`);
printTable(['history', 'figure', 'measured', 'target', 'verdict'], rows);
