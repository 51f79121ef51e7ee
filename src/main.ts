import { mintDevelopmentToken } from './access/developmentToken';
import { startRegistry, type RunningRegistry } from './app/registry';
import { startBanner } from './app/startBanner';
import { runCommand, wholeNumberOption } from './cli/command';
import { createProgress } from './cli/progress';
import { CONFIG_VARIABLES, loadConfig } from './config/config';
import { DEMO_DEFAULTS } from './demo/demoRegistry';
import { prepareFirstRun } from './demo/firstRun';
import { showCatchUpProgress } from './projectionRunner/catchUpProgress';
import { legalDateAt, systemClock } from './shared/time';

/** The banner's dashboard token: long enough for a working week, short enough to be harmless when pasted. */
const BANNER_TOKEN_LIFETIME = { jwt: '7d', words: '7 days' } as const;

const START = {
  usage: 'npm start [-- options]',
  description:
    'Starts the registry service: GraphQL API, dashboard, health and metrics. On the embedded store, a first start on an empty ' +
    `data directory loads the demo registry (${DEMO_DEFAULTS.agreements.toLocaleString('en')} agreements from ${DEMO_DEFAULTS.from} to today, ` +
    'seed 1); later starts reuse the data. Stop it with Ctrl-C or SIGTERM.',
  options: {
    empty: { type: 'boolean', description: 'start without demo data (as DEMO_DATA=off); a store holding data is used as it is' },
    'demo-agreements': {
      type: 'string',
      valueName: 'N',
      description: `agreements in the demo registry a first start loads (default ${DEMO_DEFAULTS.agreements})`,
    },
  },
  epilogue: `Environment (read once at start-up):\n${Object.entries(CONFIG_VARIABLES)
    .map(([name, meaning]) => `  ${name.padEnd(30)}${meaning}`)
    .join('\n')}`,
} as const;

/** Process entry: the only place that reads `process.env` and handles signals. */
runCommand(START, async ({ values }) => {
  const config = loadConfig(process.env);
  const agreements = wholeNumberOption(values['demo-agreements'], 'demo-agreements', DEMO_DEFAULTS.agreements, 1);
  let registry: RunningRegistry;
  let firstRun;
  try {
    let seeding: ReturnType<typeof createProgress> | undefined;
    firstRun = await prepareFirstRun(config, {
      empty: values.empty === true,
      agreements,
      today: legalDateAt(systemClock()),
      onSeeding: (options) => {
        console.error(
          `Empty store: loading the demo registry (seed ${options.seed}, ${options.agreements.toLocaleString('en')} agreements, ${options.from} up to ${options.to})…`,
        );
        seeding = createProgress({ label: 'Demo registry', unit: 'events' });
      },
      onProgress: (events, total) => seeding?.update(events, total),
    });
    if (firstRun.kind === 'seeded') seeding?.finish(firstRun.result.events, `${firstRun.result.agreements.toLocaleString('en')} agreements`);
    registry = await startRegistry(config);
  } catch (error) {
    console.error('The registry could not start:', error);
    process.exit(1);
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    stopping = true;
    console.log(`${signal} received: draining connections and closing the store…`);
    registry.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  await showCatchUpProgress(registry.runner, registry.store, registry.caughtUp, () => createProgress({ label: 'Read models catching up', unit: 'events' }));
  const developmentToken = await mintDevelopmentToken(config, 'parliament', BANNER_TOKEN_LIFETIME.jwt);
  if (!stopping) console.log(startBanner({ url: registry.url, config, firstRun, developmentToken, developmentTokenLifetime: BANNER_TOKEN_LIFETIME.words }));
});
