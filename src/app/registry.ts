import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Config } from '../config/config';
import type { CommandHandlerDeps } from '../eventSourcing/commandHandler';
import type { EventStore } from '../eventStore/eventStore';
import { resolveTokenSettings } from '../access/tokenSettings';
import { createTokenVerifier } from '../access/tokens';
import { mountGraphQL } from '../graphql/server';
import { jsonErrorHandler } from '../http/errorHandler';
import { healthRoutes } from '../http/healthRoutes';
import { ensureSeedPolicy } from '../policy/ensureSeedPolicy';
import { referenceDataVersions } from '../reference';
import { systemClock, type Clock } from '../shared/time';
import { HistorySnapshots } from '../projectionRunner/historySnapshots';
import { ProjectionRunner } from '../projectionRunner/projectionRunner';
import { openEventStore } from './openEventStore';
import { registryProjections } from './projections';
import { readModelFiles } from './readModelFiles';
import { registryUpcasters } from './upcasters';

/** The running registry: the composition root hands out its parts and one way to stop them. */
export interface RunningRegistry {
  readonly url: string;
  readonly store: EventStore;
  readonly commandDeps: CommandHandlerDeps;
  readonly runner: ProjectionRunner;
  /** Resolves once the read models have caught up with the store (after a snapshot, quickly). */
  readonly caughtUp: Promise<void>;
  stop(): Promise<void>;
}

export interface RegistryOptions {
  /** The clock every recorded time comes from; tests inject a fixed one. */
  readonly clock?: Clock;
  readonly log?: (message: string) => void;
  /** See RegistryServices.subscriberStallLimitMs; default 15 s. */
  readonly subscriberStallLimitMs?: number;
}

/** Composition root: every dependency is built here and passed down as a parameter. */
export const startRegistry = async (config: Config, options: RegistryOptions = {}): Promise<RunningRegistry> => {
  const log = options.log ?? ((message: string) => console.log(message));
  const store = openEventStore(config.store);
  const commandDeps: CommandHandlerDeps = { store, clock: options.clock ?? systemClock, upcasters: registryUpcasters };
  // Reference data ships with the code; its versions are logged so a record can be traced to them.
  log(`Reference data: ${Object.entries(referenceDataVersions()).map(([name, version]) => `${name} ${version}`).join(', ')}`);
  if ((await ensureSeedPolicy(commandDeps)) === 'published') log('Published the seed federal policy as version 1.');
  const files = readModelFiles(config.store.dataDir);
  const history = new HistorySnapshots(files.historyDirectory);
  const runner = new ProjectionRunner({
    store,
    projections: registryProjections,
    upcasters: registryUpcasters,
    snapshotFile: files.snapshotFile,
    snapshotEveryEvents: files.historyEveryEvents,
    history: { snapshots: history, everyEvents: files.historyEveryEvents },
    log,
  });
  // Listen at once so liveness answers; readiness says when the read models have caught up.
  const caughtUp = runner.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(healthRoutes(store, runner));
  const server = http.createServer(app);
  const logJson = (entry: Record<string, unknown>) => console.error(JSON.stringify({ time: new Date().toISOString(), ...entry, error: describeError(entry['error']) }));
  const graphql = await mountGraphQL(
    app,
    server,
    {
      runner,
      commands: commandDeps,
      history,
      clock: commandDeps.clock,
      verifyToken: createTokenVerifier(resolveTokenSettings(config.auth)),
      readYourWritesTimeoutMs: 2_000,
      subscriberStallLimitMs: options.subscriberStallLimitMs ?? 15_000,
    },
    { production: config.production, rateLimit: { perSecond: 50, burst: 100 }, log: logJson },
  );
  app.use(jsonErrorHandler(logJson));

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
    runner,
    caughtUp,
    stop: () =>
      (stopping ??= (async () => {
        // Apollo's drain plugin closes the HTTP server and the WebSocket connections.
        await graphql.stop();
        await caughtUp;
        await runner.stop();
        await store.close();
      })()),
  };
};

const describeError = (error: unknown): unknown => (error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : error);
