/**
 * Read-model benchmark: rebuild events/s and peak memory, start-up from a snapshot, and the
 * registry as of past recorded instants, on generated histories of two sizes. Prints figures; it
 * is not a test. Generated stores are kept under .bench/ and reused by later runs.
 *   npm run bench:projections [-- --agreements 4500,45200 --seed 7]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { machineDescription, printTable } from './benchSupport';

const argument = (name: string, fallback: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const sizes = argument('--agreements', '4500,45200').split(',').map(Number);
const seed = argument('--seed', '7');
const root = path.resolve(__dirname, '..', '..');

const tsx = (script: string, args: readonly string[], inherit = false): string =>
  execFileSync(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
    stdio: ['ignore', 'pipe', inherit ? 'inherit' : 'pipe'],
  });

const measure = (mode: string, dataDir: string) => JSON.parse(tsx('scripts/bench/projectionsMeasure.ts', [mode, dataDir]).trim().split('\n').pop() ?? '{}');

const rows: string[][] = [];
for (const agreements of sizes) {
  const dataDir = path.join(root, '.bench', `history-seed${seed}-${agreements}`);
  if (!fs.existsSync(path.join(dataDir, 'events.sqlite3'))) {
    console.error(`Generating ${agreements} agreements (seed ${seed}) into ${dataDir}…`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    tsx('scripts/generateHistory.ts', ['--seed', seed, '--agreements', String(agreements), '--data-dir', dataDir, '--to', '2026-11-24', '--pipeline'], true);
  }
  const rebuild = measure('rebuild', dataDir);
  const startup = measure('startup', dataDir);
  const asOf = measure('asof', dataDir);
  const events = Number(rebuild.events);
  const asOfMs: number[] = asOf.timings.map((timing: { ms: number }) => timing.ms);
  rows.push([
    `${agreements.toLocaleString('en')} agreements, ${events.toLocaleString('en')} events`,
    `${Math.round(events / rebuild.seconds).toLocaleString('en')}`,
    `${rebuild.peakRssMiB} MiB`,
    `${startup.seconds.toFixed(2)} s (${startup.snapshot})`,
    `${Math.max(...asOfMs)} ms (median ${[...asOfMs].sort((a, b) => a - b)[Math.floor(asOfMs.length / 2)]} ms)`,
  ]);
  if ((rebuild.failures as unknown[]).length > 0) console.error('Projection failures:', JSON.stringify(rebuild.failures));
}
console.log(machineDescription());
printTable(['history', 'rebuild events/s', 'rebuild peak RSS', 'start-up from snapshot', 'registry as of (max of 6 instants)'], rows);
