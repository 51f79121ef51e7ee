/**
 * Writes a deterministic synthetic history (demo data, load tests) into an empty embedded store.
 * Usage: npm run generate:history -- --help
 */
import { runCommand, usageError, wholeNumberOption } from '../src/cli/command';
import { createProgress } from '../src/cli/progress';
import { DEMO_COMMAND_OPTIONS, demoOptionsFrom } from '../src/demo/demoCommandOptions';
import { StoreNotEmptyError, storeIsEmpty } from '../src/demo/demoRegistry';
import { SqliteEventStore } from '../src/eventStore/sqlite/sqliteEventStore';
import { generateHistory, writeHistory } from '../src/generator';
import { legalDateAt, systemClock } from '../src/shared/time';

runCommand(
  {
    usage: 'npm run generate:history -- --data-dir DIR [options]',
    description:
      'Writes a deterministic synthetic history of the registry into an empty embedded store: the federal policy, agreements ' +
      'through their whole lifecycle (with planted irregular cases for the audit) and entity profiles. The same seed and ' +
      'options always give byte-identical events. Prints a JSON summary; `npm run seed:demo` is the same history for the ' +
      'configured store.',
    options: {
      'data-dir': { type: 'string', valueName: 'DIR', description: 'directory of the store (events.sqlite3); required, must hold no events' },
      ...DEMO_COMMAND_OPTIONS,
      concurrency: { type: 'string', valueName: 'N', description: 'appends in flight at once (default 512)' },
      durability: { type: 'string', valueName: 'MODE', description: 'full (default: fsync every commit) or normal (faster; for throwaway stores)' },
      pipeline: {
        type: 'boolean',
        description:
          'let appends to one stream be in flight together: the embedded store applies them in order,\nso group commits stay large (about 2x faster)',
      },
    },
  },
  async ({ values }) => {
    const dataDir = values['data-dir'] ?? usageError('--data-dir is required.');
    const durability = values.durability ?? 'full';
    if (durability !== 'full' && durability !== 'normal') usageError(`--durability must be full or normal; got ${JSON.stringify(durability)}.`);
    // The only clock reading: the generator itself is given its end.
    const options = demoOptionsFrom(values, legalDateAt(systemClock()));
    const concurrency = wholeNumberOption(values.concurrency, 'concurrency', 512, 1);

    const store = SqliteEventStore.open({ dataDir, durability: durability as 'full' | 'normal' });
    try {
      if (!(await storeIsEmpty(store))) throw new StoreNotEmptyError(`The store in ${dataDir}`);
      const history = generateHistory(options);
      console.error(`Generating seed ${options.seed}: ${options.agreements} agreements, ${options.from} to ${options.to}, into ${dataDir}`);
      const progress = createProgress({ label: 'History', unit: 'events' });
      const started = process.hrtime.bigint();
      const result = await writeHistory(store, history, {
        concurrency,
        pipelineSameStream: values.pipeline === true,
        onProgress: ({ steps, events }) => progress.update(events, steps === 0 ? undefined : Math.round((events * history.progress().estimatedTotalSteps) / steps)),
      });
      const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
      progress.finish(result.events);
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
  },
);
