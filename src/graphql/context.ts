import { randomUUID } from 'node:crypto';
import type { DateTime } from 'luxon';
import type { Viewer } from '../access/permissions';
import type { TokenVerifier } from '../access/tokens';
import type { CommandHandlerDeps } from '../eventSourcing/commandHandler';
import type { Telemetry } from '../observability/telemetry';
import type { HistorySnapshots } from '../projectionRunner/historySnapshots';
import type { ProjectionRunner } from '../projectionRunner/projectionRunner';
import { UnauthenticatedError } from '../shared/errors';
import { legalDateAt, type Clock, type LegalDate } from '../shared/time';
import type { BuildLimit } from '../timeTravel/buildLimit';
import type { PastModelCache } from '../timeTravel/pastModelCache';
import type { LiveFeedSettings } from './live/liveFeed';
import { createLoaders, type RegistryLoaders } from './loaders';
import { newConsistencyRecord, type ConsistencyRecord } from './readYourWrites';

/** What the API needs from the rest of the registry; built once in the composition root. */
export interface RegistryServices {
  readonly runner: ProjectionRunner;
  /** Store, clock and upcasters for commands; also what history and as-of queries read. */
  readonly commands: CommandHandlerDeps;
  /** Snapshots along the log, for the registry as of a recorded instant. */
  readonly history: HistorySnapshots;
  /** Past read models shared by requests, once their instant is settled. */
  readonly pastModels: PastModelCache;
  /** Bounds the past registries built at once, the cache's misses and exports as of an instant alike. */
  readonly pastBuilds: BuildLimit;
  readonly clock: Clock;
  readonly verifyToken: TokenVerifier;
  /** How long a query may wait for `consistentWith` before answering with what it has. */
  readonly readYourWritesTimeoutMs: number;
  /** How long a subscriber may leave a delivery untaken before it is disconnected (code 4429). */
  readonly subscriberStallLimitMs: number;
  /**
   * Structured log and metrics. Subscriptions are counted by the graphql-ws hooks in server.ts;
   * `telemetry.metrics.subscriptionOpened/Closed` are there for anything else that streams.
   */
  readonly telemetry: Telemetry;
  /** Pacing of the dashboard subscriptions (coalescing, day check); defaults in live/liveFeed.ts. */
  readonly liveFeeds?: Partial<LiveFeedSettings>;
}

/** What a subscription needs of its WebSocket to bound what waits to be sent to a slow client. */
export interface SubscriptionSocket {
  readonly bufferedAmount: number;
  close(code: number, reason: string): void;
}

/** Per request (HTTP) or per operation (WebSocket): never shared between callers. */
export interface RegistryContext {
  /** Set on the WebSocket path only. */
  readonly socket?: SubscriptionSocket;
  readonly services: RegistryServices;
  readonly viewer: Viewer;
  readonly correlationId: string;
  /** One reading of the clock per request, so every field of a response agrees on "today". */
  readonly now: DateTime;
  readonly today: LegalDate;
  /** DataLoaders of this request (or WebSocket operation): batching and caching per caller. */
  readonly loaders: RegistryLoaders;
  /** What `consistentWith` waits came to; reported in `extensions.consistency`. */
  readonly consistency: ConsistencyRecord;
}

/** The token of an `Authorization: Bearer …` header; any other shape is an error. */
export const bearerToken = (header: string): string => {
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match?.[1]) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
  return match[1];
};

/** Reads `Authorization: Bearer …`; no header means an anonymous caller, a bad token is an error. */
export const viewerFromAuthorization = async (header: string | undefined, verify: TokenVerifier): Promise<Viewer> =>
  header ? { kind: 'actor', actor: await verify(bearerToken(header)) } : { kind: 'anonymous' };

export const createContext = (services: RegistryServices, viewer: Viewer, correlationId?: string, socket?: SubscriptionSocket): RegistryContext => {
  const now = services.clock();
  const today = legalDateAt(now);
  const id = correlationId ?? randomUUID();
  return {
    services,
    viewer,
    correlationId: id,
    now,
    today,
    loaders: createLoaders(services, viewer, today, id),
    consistency: newConsistencyRecord(),
    ...(socket ? { socket } : {}),
  };
};
