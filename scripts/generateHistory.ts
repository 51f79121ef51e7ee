/**
 * Writes a deterministic synthetic history (demo data, load tests) into an empty embedded store.
 * Usage: npm run generate:history -- --data-dir ./data-demo [--seed 1] [--agreements 2000] [--to 2025-06-30]
 */
import { parseArgs } from 'node:util';
import { SqliteEventStore } from '../src/eventStore/sqlite/sqliteEventStore';
import { generateHistory, writeHistory } from '../src/generator';
import { InvalidInputError } from '../src/shared/errors';
import { legalDateAt, parseLegalDate, systemClock } from '../src/shared/time';

const USAGE = `Usage: npm run generate:history -- --data-dir DIR [options]

Writes a deterministic synthetic history of the registry into an empty embedded store: the federal
policy, agreements through their whole lifecycle (with planted irregular cases for the audit) and
entity profiles. The same seed and options always give byte-identical events.

Options:
  --data-dir DIR        directory of the store (events.sqlite3); required, must hold no events
  --seed N              seed of the history (default 1)
  --agreements N        agreements opened over the period (default 2000; about 22 events each)
  --from YYYY-MM-DD     first day of the history (default 2000-01-01)
  --to YYYY-MM-DD       day the history ends, exclusive (default: today in Mexico City)
  --concurrency N       appends in flight at once (default 512)
  --durability MODE     full (default: fsync every commit) or normal (faster; for throwaway stores)
  --pipeline            let appends to one stream be in flight together: the embedded store
                        applies them in order, so group commits stay large (about 2x faster)
  --help                this text`;

const fail = (message: string): never => {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
};

const wholeNumber = (raw: string | undefined, name: string, fallback: number, min: number): number => {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value >= min ? value : fail(`--${name} must be a whole number >= ${min}; got ${JSON.stringify(raw)}.`);
};

const date = (raw: string, name: string) => {
  try {
    return parseLegalDate(raw, name);
  } catch (error) {
    return fail(`--${name}: ${error instanceof InvalidInputError ? error.message : String(error)}`);
  }
};

const main = async (): Promise<void> => {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        help: { type: 'boolean' },
        'data-dir': { type: 'string' },
        seed: { type: 'string' },
        agreements: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        concurrency: { type: 'string' },
        durability: { type: 'string' },
        pipeline: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const dataDir = values['data-dir'] ?? fail('--data-dir is required.');
  const durability = values.durability ?? 'full';
  if (durability !== 'full' && durability !== 'normal') fail(`--durability must be full or normal; got ${JSON.stringify(durability)}.`);
  const options = {
    seed: wholeNumber(values.seed, 'seed', 1, 0),
    agreements: wholeNumber(values.agreements, 'agreements', 2000, 0),
    from: date(values.from ?? '2000-01-01', 'from'),
    // The only clock reading: the generator itself is given its end.
    to: date(values.to ?? legalDateAt(systemClock()), 'to'),
  };
  if (options.to <= options.from) fail(`--to (${options.to}) must be after --from (${options.from}).`);
  const concurrency = wholeNumber(values.concurrency, 'concurrency', 512, 1);

  const store = SqliteEventStore.open({ dataDir, durability: durability as 'full' | 'normal' });
  try {
    for await (const _ of store.readAll({ maxCount: 1 })) {
      console.error(`The store in ${dataDir} already holds events: a generated history goes into an empty store only. Choose another --data-dir or remove that one.`);
      process.exitCode = 1;
      return;
    }
    const history = generateHistory(options);
    console.error(`Generating seed ${options.seed}: ${options.agreements} agreements, ${options.from} to ${options.to}, into ${dataDir}`);
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    const interactive = process.stderr.isTTY;
    let lastShown = 0;
    const show = (events: number, final = false) => {
      const elapsed = seconds();
      if (!final && elapsed - lastShown < (interactive ? 0.5 : 5)) return;
      lastShown = elapsed;
      const rate = events / Math.max(elapsed, 1e-9);
      const estimate = Math.max(history.progress().estimatedTotalSteps, events);
      const eta = final ? 0 : Math.max(0, (estimate - events) / Math.max(rate, 1));
      const line = `  ${events.toLocaleString('en')} events  ${Math.round(rate).toLocaleString('en')} events/s  ~${Math.round((100 * events) / estimate)}%  ETA ${Math.round(eta)}s`;
      process.stderr.write(interactive ? `\r${line.padEnd(72)}` : `${line}\n`);
    };
    const result = await writeHistory(store, history, {
      concurrency,
      pipelineSameStream: values.pipeline === true,
      onProgress: ({ events }) => show(events),
    });
    show(result.events, true);
    if (interactive) process.stderr.write('\n');
    const elapsed = seconds();
    console.log(
      JSON.stringify(
        {
          events: result.events,
          agreements: result.eventsByType['AgreementOpened'] ?? 0,
          streams: result.streams,
          seconds: Number(elapsed.toFixed(1)),
          eventsPerSecond: Math.round(result.events / elapsed),
          seed: options.seed,
          from: options.from,
          to: options.to,
          dataDir,
        },
        null,
        2,
      ),
    );
  } finally {
    await store.close();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
