import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Config } from '../config/config';
import type { EventStore } from '../eventStore/eventStore';
import { healthRoutes } from '../http/healthRoutes';
import { openEventStore } from './openEventStore';

/** The running registry: the composition root hands out its parts and one way to stop them. */
export interface RunningRegistry {
  readonly url: string;
  readonly store: EventStore;
  stop(): Promise<void>;
}

/** Composition root: every dependency is built here and passed down as a parameter. */
export const startRegistry = async (config: Config): Promise<RunningRegistry> => {
  const store = openEventStore(config.store);
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
