import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Config } from '../config/config';
import type { CommandHandlerDeps } from '../eventSourcing/commandHandler';
import type { EventStore } from '../eventStore/eventStore';
import { healthRoutes } from '../http/healthRoutes';
import { ensureSeedPolicy } from '../policy/ensureSeedPolicy';
import { referenceDataVersions } from '../reference';
import { systemClock, type Clock } from '../shared/time';
import { openEventStore } from './openEventStore';
import { registryUpcasters } from './upcasters';

/** The running registry: the composition root hands out its parts and one way to stop them. */
export interface RunningRegistry {
  readonly url: string;
  readonly store: EventStore;
  readonly commandDeps: CommandHandlerDeps;
  stop(): Promise<void>;
}

export interface RegistryOptions {
  /** The clock every recorded time comes from; tests inject a fixed one. */
  readonly clock?: Clock;
  readonly log?: (message: string) => void;
}

/** Composition root: every dependency is built here and passed down as a parameter. */
export const startRegistry = async (config: Config, options: RegistryOptions = {}): Promise<RunningRegistry> => {
  const log = options.log ?? ((message: string) => console.log(message));
  const store = openEventStore(config.store);
  const commandDeps: CommandHandlerDeps = { store, clock: options.clock ?? systemClock, upcasters: registryUpcasters };
  // Reference data ships with the code; its versions are logged so a record can be traced to them.
  log(`Reference data: ${Object.entries(referenceDataVersions()).map(([name, version]) => `${name} ${version}`).join(', ')}`);
  if ((await ensureSeedPolicy(commandDeps)) === 'published') log('Published the seed federal policy as version 1.');
  const app = express();
  app.disable('x-powered-by');
  app.use(healthRoutes(store));

  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${config.host}:${port}`,
    store,
    commandDeps,
    stop: () =>
      (stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await store.close();
      })()),
  };
};
