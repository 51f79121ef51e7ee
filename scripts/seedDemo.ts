/**
 * Loads the demo registry into the configured store, which must hold no events.
 * Usage: npm run seed:demo -- --help
 */
import { describeStore, openEventStore } from '../src/app/openEventStore';
import { readModelFiles } from '../src/app/readModelFiles';
import { runCommand } from '../src/cli/command';
import { createProgress } from '../src/cli/progress';
import { loadConfig } from '../src/config/config';
import { DEMO_COMMAND_OPTIONS, demoOptionsFrom } from '../src/demo/demoCommandOptions';
import { seedEmbeddedStore, seedStore, type SeedResult } from '../src/demo/demoRegistry';
import { legalDateAt, systemClock } from '../src/shared/time';

runCommand(
  {
    usage: 'npm run seed:demo [-- options]',
    description:
      'Loads the demo registry (a deterministic synthetic history: the federal policy, agreements of all 32 states and their ' +
      'municipalities through their whole lifecycle, irregular cases raising every audit finding, entity profiles) into the ' +
      'configured store, which must hold no events. `npm start` does this by itself on a first start on the embedded store. ' +
      'Stop the service first.',
    options: DEMO_COMMAND_OPTIONS,
    epilogue:
      'Reads the same configuration as the server: DATA_DIR (embedded store), or EVENT_STORE=eventstoredb with\n' +
      'EVENTSTORE_CONNECTION_STRING. The embedded store gets the demo whole or not at all (written aside, then renamed in).',
  },
  async ({ values }) => {
    const config = loadConfig(process.env);
    const options = demoOptionsFrom(values, legalDateAt(systemClock()));
    const where = describeStore(config.store);
    console.error(`Loading the demo registry (seed ${options.seed}, ${options.agreements.toLocaleString('en')} agreements, ${options.from} up to ${options.to}) into ${where}…`);
    const progress = createProgress({ label: 'Demo registry', unit: 'events' });
    const onProgress = (events: number, total: number) => progress.update(events, total);
    const started = process.hrtime.bigint();
    let result: SeedResult;
    if (config.store.kind === 'sqlite') {
      result = await seedEmbeddedStore(config.store.dataDir, options, readModelFiles(config.store.dataDir, config.history), onProgress);
    } else {
      const store = openEventStore(config.store);
      try {
        result = await seedStore(store, options, onProgress);
      } finally {
        await store.close();
      }
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    progress.finish(result.events);
    console.log(
      `Loaded the demo registry into ${where}: ${result.agreements.toLocaleString('en')} agreements, ` +
        `${result.events.toLocaleString('en')} events in ${result.streams.toLocaleString('en')} streams, ${seconds.toFixed(1)} s.`,
    );
  },
);
