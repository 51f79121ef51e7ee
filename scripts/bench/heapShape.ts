/**
 * What each read model costs the garbage collector once loaded: heap size, and the pauses of
 * young-generation collections (scavenges) while the process allocates short-lived objects, as a
 * request-serving process does. Loads one model (or all) from a snapshot file and prints figures.
 *
 *   node --max-semi-space-size=64 --initial-old-space-size=1024 --import tsx scripts/bench/heapShape.ts <snapshot.v8> [model|all|none]
 */
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { registryProjections } from '../../src/app/projections';
import { readSnapshot } from '../../src/projectionRunner/snapshotFile';

const [file, which = 'all'] = process.argv.slice(2);
if (file === undefined) {
  process.stderr.write('usage: heapShape.ts <snapshot.v8> [model|all|none]\n');
  process.exit(2);
}

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

const main = async (): Promise<void> => {
  const versions = Object.fromEntries(registryProjections.map((projection) => [projection.name, projection.version]));
  const only = which === 'all' ? undefined : which === 'none' ? [] : [which];
  const started = performance.now();
  const load = await readSnapshot(file, versions, { projections: registryProjections, ...(only === undefined ? {} : { only }) });
  const loadMs = performance.now() - started;
  if (load.kind !== 'loaded') throw new Error(`snapshot ${load.kind}${load.kind === 'discarded' ? `: ${load.reason}` : ''}`);
  const keep = load.snapshot.models;
  (globalThis as { gc?: () => void }).gc?.();
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;

  const pauses: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if ((entry as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) pauses.push(entry.duration);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  // Short-lived objects with a few kept briefly, like requests in flight.
  const inFlight: unknown[] = [];
  const until = performance.now() + 4000;
  let i = 0;
  while (performance.now() < until) {
    for (let j = 0; j < 1000; j += 1) {
      const value = { a: i, b: `item ${i}`, c: [i, i + 1] };
      if (i % 64 === 0) inFlight[i % 4096] = value;
      i += 1;
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  pauses.sort((a, b) => a - b);
  const mean = pauses.reduce((sum, pause) => sum + pause, 0) / pauses.length;
  process.stdout.write(
    `${which.padEnd(12)} load ${(loadMs / 1000).toFixed(2)} s  heap ${heapMb.toFixed(0)} MB  scavenges ${pauses.length}: mean ${mean.toFixed(2)} ms, p50 ${quantile(pauses, 0.5).toFixed(2)}, max ${quantile(pauses, 1).toFixed(2)} ms\n`,
  );
  void keep;
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
