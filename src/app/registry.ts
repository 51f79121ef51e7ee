import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Config } from '../config/config';
import type { CommandHandlerDeps } from '../eventSourcing/commandHandler';
import type { EventStore } from '../eventStore/eventStore';
import { resolveTokenSettings } from '../access/tokenSettings';
import { createTokenVerifier } from '../access/tokens';
import { dashboardRoutes } from '../dashboard/dashboardRoutes';
import type { RegistryServices } from '../graphql/context';
import type { LiveFeedSettings } from '../graphql/live/liveFeed';
import { mountGraphQL } from '../graphql/server';
import { exportRoutes } from '../importExport/exportRoutes';
import { importRoutes } from '../importExport/importRoutes';
import { jsonErrorHandler } from '../http/errorHandler';
import { Shutdown } from '../http/shutdown';
import { jsonNotFound } from '../http/notFound';
import { healthRoutes } from '../http/healthRoutes';
import { metricsRoute } from '../http/metricsRoute';
import { observeRequests } from '../http/requestObservation';
import { createLogger, defaultSink, type LogSink } from '../observability/logger';
import { RegistryMetrics } from '../observability/metrics';
import type { Telemetry } from '../observability/telemetry';
import { ensureSeedPolicy } from '../policy/ensureSeedPolicy';
import { referenceDataVersions } from '../reference';
import { systemClock, type Clock } from '../shared/time';
import { HistorySnapshots } from '../projectionRunner/historySnapshots';
import { ProjectionRunner } from '../projectionRunner/projectionRunner';
import { removeAbandonedSnapshotFiles } from '../projectionRunner/snapshotFile';
import { RECORDING_LAG_MS } from '../projectionRunner/registryAsOf';
import { BuildLimit } from '../timeTravel/buildLimit';
import { PastModelCache } from '../timeTravel/pastModelCache';
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
  /** The structured log and the metrics `/metrics` serves. */
  readonly telemetry: Telemetry;
  /** What the API's resolvers are given (the API benchmark serves them without Apollo too). */
  readonly services: RegistryServices;
  stop(): Promise<void>;
}

export interface RegistryOptions {
  /** The clock every recorded time comes from; tests inject a fixed one. */
  readonly clock?: Clock;
  /**
   * Where the JSON log lines go, one call per line (no trailing newline); default stderr. Tests
   * pass `() => undefined`, or collect the lines. The level is the configuration's LOG_LEVEL.
   */
  readonly log?: LogSink;
  /** Node's process metrics on /metrics (default true). */
  readonly processMetrics?: boolean;
  /** See RegistryServices.subscriberStallLimitMs; default 15 s. */
  readonly subscriberStallLimitMs?: number;
  /** See RegistryServices.liveFeeds: tests shorten the dashboard subscriptions' pacing. */
  readonly liveFeeds?: Partial<LiveFeedSettings>;
}

/**
 * Past registries shared by requests (see PastModelCache): six models (one whole registry, or two
 * for findings), dropped after ten idle minutes; an instant is settled a minute after it.
 */
const PAST_MODEL_CACHE = { maxModels: 6, idleMs: 10 * 60_000, settledAfterMs: RECORDING_LAG_MS } as const;

/** Waits before the read models subscribe to the store again after losing it (the last repeats). */
const RESUBSCRIBE_AFTER_MS = [250, 1_000, 2_000, 5_000] as const;

/** How long stopping waits for imports to answer (those still uploading their file are cut). */
const IMPORT_SHUTDOWN_GRACE_MS = 8_000;

/** Past registries built at once (one per core here) and waiting (see BuildLimit). */
const PAST_BUILDS = { running: 2, waiting: 8, retryAfterSeconds: 5 } as const;

/** Composition root: every dependency is built here and passed down as a parameter. */
export const startRegistry = async (config: Config, options: RegistryOptions = {}): Promise<RunningRegistry> => {
  const logger = createLogger({ level: config.logLevel, sink: options.log ?? defaultSink });
  const store = openEventStore(config.store);
  const commandDeps: CommandHandlerDeps = { store, clock: options.clock ?? systemClock, upcasters: registryUpcasters };
  // Reference data ships with the code; its versions are logged so a record can be traced to them.
  logger.info('Reference data versions', { referenceData: referenceDataVersions() });
  if ((await ensureSeedPolicy(commandDeps)) === 'published') logger.info('Published the seed federal policy as version 1', { policyVersion: 1 });
  const files = readModelFiles(config.store.dataDir, config.history);
  for (const directory of [path.dirname(files.snapshotFile), files.historyDirectory]) {
    const removed = removeAbandonedSnapshotFiles(directory);
    if (removed.length > 0) logger.info('Removed snapshot files left by an interrupted write', { directory, files: removed });
  }
  const history = new HistorySnapshots(files.historyDirectory, files.historyKeep);
  const runner = new ProjectionRunner({
    store,
    projections: registryProjections,
    upcasters: registryUpcasters,
    snapshotFile: files.snapshotFile,
    snapshotEveryEvents: files.snapshotEveryEvents,
    history: { snapshots: history, everyEvents: files.historyEveryEvents, checkpointEveryEvents: files.checkpointEveryEvents },
    logger,
    resubscribeAfterMs: RESUBSCRIBE_AFTER_MS,
  });
  // Listen at once so liveness answers; readiness says when the read models have caught up.
  const caughtUp = runner.start();
  const telemetry: Telemetry = { logger, metrics: new RegistryMetrics({ store, runner, processMetrics: options.processMetrics ?? true }) };

  const app = express();
  app.disable('x-powered-by');
  // No automatic ETag: express would hash (SHA-1) every GraphQL answer, and nobody sends a POST
  // conditionally; the dashboard's assets carry their own.
  app.set('etag', false);
  app.set('trust proxy', 'loopback');
  app.use(observeRequests(telemetry));
  const verifyToken = createTokenVerifier(resolveTokenSettings(config.auth));
  const server = http.createServer(app);
  const pastModels = new PastModelCache({ ...PAST_MODEL_CACHE, now: () => commandDeps.clock().toMillis() });
  const dropIdlePastModels = setInterval(() => pastModels.dropIdle(), 60_000).unref();
  const services: RegistryServices = {
    runner,
    commands: commandDeps,
    history,
    pastModels,
    pastBuilds: new BuildLimit(PAST_BUILDS),
    clock: commandDeps.clock,
    verifyToken,
    readYourWritesTimeoutMs: 2_000,
    subscriberStallLimitMs: options.subscriberStallLimitMs ?? 15_000,
    telemetry,
    ...(options.liveFeeds ? { liveFeeds: options.liveFeeds } : {}),
  };
  const graphql = await mountGraphQL(app, server, services, {
    production: config.production,
    rateLimit: config.rateLimitPerSecond > 0 ? { perSecond: config.rateLimitPerSecond, burst: 2 * config.rateLimitPerSecond } : undefined,
    telemetry,
  });
  // After /graphql, which is mounted first: every router before it is matched against each API request.
  app.use(healthRoutes(store, runner));
  app.use(metricsRoute(telemetry));
  app.use(exportRoutes({ runner, commands: commandDeps, history, pastBuilds: services.pastBuilds, verifyToken, logger }));
  const shutdown = new Shutdown();
  app.use(importRoutes({ commands: commandDeps, verifyToken, logger, shutdown }));
  // Last but the JSON "not found": besides its own paths, the dashboard answers a browser's unknown path with its 404 page.
  app.use(dashboardRoutes({ logger }));
  app.use(jsonNotFound);
  app.use(jsonErrorHandler(logger));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;
  logger.info('Registry listening', { url, store: config.store.kind, production: config.production, logLevel: config.logLevel });
  let stopping: Promise<void> | undefined;
  return {
    url,
    store,
    commandDeps,
    runner,
    caughtUp,
    telemetry,
    services,
    stop: () =>
      (stopping ??= (async () => {
        logger.info('Registry stopping');
        // Imports stop taking rows and answer first: the drain below destroys connections still open after its grace.
        await shutdown.begin(IMPORT_SHUTDOWN_GRACE_MS);
        // Apollo's drain plugin closes the HTTP server and the WebSocket connections.
        await graphql.stop();
        clearInterval(dropIdlePastModels);
        // Not waiting for the catch-up first: with the store unreachable it never comes, while
        // the runner subscribes again and again (stop ends that, and the catch-up's wait).
        await runner.stop();
        await caughtUp;
        await store.close();
        logger.info('Registry stopped');
      })()),
  };
};
