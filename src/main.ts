import { ConfigError, loadConfig } from './config/config';
import { startRegistry } from './app/registry';

/** Process entry: the only place that reads `process.env` and handles signals. */
const main = async (): Promise<void> => {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const registry = await startRegistry(config);
  const storeDescription =
    config.store.kind === 'sqlite' ? `embedded SQLite store in ${config.store.dataDir}` : `EventStoreDB at ${config.store.connectionString}`;
  console.log(`Registry listening on ${registry.url} (${storeDescription})`);
  console.log(`  GraphQL:   ${registry.url}/graphql (POST JSON, or WebSocket with graphql-ws)`);
  console.log(`  token:     npm run token -- --role parliament   (or sre-legal, admin, subnational --entities 14)`);
  console.log(`  health:    ${registry.url}/healthz`);
  console.log(`  readiness: ${registry.url}/readyz`);
  console.log(`  metrics:   ${registry.url}/metrics`);
  console.log(`  logs:      JSON lines on stderr (LOG_LEVEL=${config.logLevel})`);

  const shutdown = (signal: string) => {
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
};

main().catch((error: unknown) => {
  console.error('The registry could not start:', error);
  process.exit(1);
});
