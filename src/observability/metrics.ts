import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { EventStore } from '../eventStore/eventStore';
import { readHeadPosition } from '../eventStore/headPosition';
import type { RunnerHealth } from '../projectionRunner/projectionRunner';

/** GraphQL operation types as labels; `unknown` when the request never got that far (parse error, 401…). */
export type OperationType = 'query' | 'mutation' | 'subscription' | 'unknown';
export type Transport = 'http' | 'ws';

/**
 * How a command ended. `ok` wrote (or decided there was nothing to write), `replayed` answered a
 * retried command id with its original outcome; the others refused it without writing, except
 * `error`, an unexpected failure (masked as INTERNAL_SERVER_ERROR).
 */
export const COMMAND_OUTCOMES = ['ok', 'replayed', 'invalid', 'unauthenticated', 'forbidden', 'not-found', 'rule-violation', 'conflict', 'error'] as const;
export type CommandOutcome = (typeof COMMAND_OUTCOMES)[number];

/** What the projection gauges read, at each scrape. */
export interface ProjectionSource {
  health(): RunnerHealth;
  readonly eventsApplied: number;
}

export interface RegistryMetricsOptions {
  readonly store: EventStore;
  readonly runner: ProjectionSource;
  /** Node's process metrics (CPU, memory, event-loop lag, GC…); default true. */
  readonly processMetrics?: boolean;
  /** How long a scrape waits for the store's head position before reporting it unreachable. */
  readonly storeTimeoutMs?: number;
}

/** Routes that get their own label; anything else is `other`, so a scan cannot explode the series. */
const ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const PHASES: readonly RunnerHealth['phase'][] = ['starting', 'catching-up', 'live', 'stopped'];
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const routeLabel = (path: string): string => (ROUTES.has(path) ? path : 'other');
export const statusClass = (status: number): string => `${Math.floor(status / 100)}xx`;

/**
 * The registry's Prometheus metrics, on a registry of their own (two servers in one process, as in
 * the tests, never share or clash). Counters and histograms move as things happen; the store and
 * projection gauges are read at each scrape (`render`).
 */
export class RegistryMetrics {
  readonly registry = new Registry();
  private readonly httpDuration = new Histogram({
    name: 'registry_http_request_duration_seconds',
    help: 'HTTP requests by method, route, GraphQL operation type ("none" off /graphql) and status class.',
    labelNames: ['method', 'route', 'operation_type', 'status_class'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly graphqlOperations = new Counter({
    name: 'registry_graphql_operations_total',
    help: 'GraphQL operations by transport, operation type and outcome code (OK, or the first error\'s extensions.code).',
    labelNames: ['transport', 'operation_type', 'code'] as const,
    registers: [this.registry],
  });
  private readonly commands = new Counter({
    name: 'registry_commands_total',
    help: `Commands handled through the API by command type and outcome (${COMMAND_OUTCOMES.join(', ')}).`,
    labelNames: ['command_type', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly commandDuration = new Histogram({
    name: 'registry_command_duration_seconds',
    help: 'Time to authorise, parse, decide and append a command, by command type.',
    labelNames: ['command_type'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly subscriptionsOpen = new Gauge({
    name: 'registry_graphql_subscriptions_open',
    help: 'GraphQL subscriptions currently running, by subscription field.',
    labelNames: ['field'] as const,
    registers: [this.registry],
  });
  private readonly webSocketsOpen = new Gauge({
    name: 'registry_websocket_connections_open',
    help: 'WebSocket connections currently open on /graphql.',
    registers: [this.registry],
  });
  private readonly webSocketsOpened = new Counter({
    name: 'registry_websocket_connections_total',
    help: 'WebSocket connections opened on /graphql since the process started.',
    registers: [this.registry],
  });
  private readonly storeUp = new Gauge({
    name: 'registry_event_store_up',
    help: '1 when the event store answered the last scrape\'s head-position read, 0 otherwise.',
    registers: [this.registry],
  });
  private readonly headPosition = new Gauge({
    name: 'registry_event_store_head_position',
    help: 'Position of the last event in the store (log offset on EventStoreDB, sequence on SQLite); 0 when empty, absent when the store did not answer.',
    registers: [this.registry],
  });
  private readonly appliedPosition = new Gauge({
    name: 'registry_projection_applied_position',
    help: 'Position of the last event the read models applied; 0 before the first.',
    registers: [this.registry],
  });
  private readonly lag = new Gauge({
    name: 'registry_projection_lag',
    help: 'Store head position minus the read models\' applied position, in the store\'s position unit (not an event count on EventStoreDB); 0 when caught up, absent when the store did not answer.',
    registers: [this.registry],
  });
  private readonly eventsApplied = new Counter({
    name: 'registry_projection_events_applied_total',
    help: 'Events the projection runner has read from the store and applied since the process started.',
    registers: [this.registry],
  });
  private readonly failedProjections = new Gauge({
    name: 'registry_projections_failed',
    help: 'Projections stopped by an event they could not apply (see /readyz for which and why).',
    registers: [this.registry],
  });
  private readonly phase = new Gauge({
    name: 'registry_projection_runner_phase',
    help: 'The projection runner\'s phase: 1 for the current one, 0 for the others.',
    labelNames: ['phase'] as const,
    registers: [this.registry],
  });
  private eventsAppliedSeen = 0;

  constructor(private readonly options: RegistryMetricsOptions) {
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  observeHttpRequest(request: { readonly method: string; readonly path: string; readonly operationType: OperationType | 'none'; readonly status: number; readonly durationSeconds: number }): void {
    this.httpDuration.observe(
      {
        method: METHODS.has(request.method) ? request.method : 'other',
        route: routeLabel(request.path),
        operation_type: request.operationType,
        status_class: statusClass(request.status),
      },
      request.durationSeconds,
    );
  }

  countGraphQLOperation(transport: Transport, operationType: OperationType, code: string): void {
    this.graphqlOperations.inc({ transport, operation_type: operationType, code });
  }

  countCommand(commandType: string, outcome: CommandOutcome, durationSeconds: number): void {
    this.commands.inc({ command_type: commandType, outcome });
    this.commandDuration.observe({ command_type: commandType }, durationSeconds);
  }

  subscriptionOpened(field: string): void {
    this.subscriptionsOpen.inc({ field });
  }

  subscriptionClosed(field: string): void {
    this.subscriptionsOpen.dec({ field });
  }

  webSocketOpened(): void {
    this.webSocketsOpen.inc();
    this.webSocketsOpened.inc();
  }

  webSocketClosed(): void {
    this.webSocketsOpen.dec();
  }

  /** The exposition text: reads the store's head and the runner's health first. */
  async render(): Promise<string> {
    await this.refreshProjectionGauges();
    return this.registry.metrics();
  }

  private async refreshProjectionGauges(): Promise<void> {
    const { runner } = this.options;
    const health = runner.health();
    for (const phase of PHASES) this.phase.set({ phase }, phase === health.phase ? 1 : 0);
    this.failedProjections.set(health.failures.length);
    const applied = runner.eventsApplied;
    if (applied > this.eventsAppliedSeen) this.eventsApplied.inc(applied - this.eventsAppliedSeen);
    this.eventsAppliedSeen = applied;
    this.appliedPosition.set(Number(health.position ?? 0n));

    let head: bigint | null;
    try {
      head = await withTimeout(readHeadPosition(this.options.store), this.options.storeTimeoutMs ?? 2_000);
    } catch {
      this.storeUp.set(0);
      // Unknown, not zero: the series go away until the store answers again.
      this.expose(this.headPosition, 'registry_event_store_head_position', false);
      this.expose(this.lag, 'registry_projection_lag', false);
      return;
    }
    this.storeUp.set(1);
    this.expose(this.headPosition, 'registry_event_store_head_position', true);
    this.expose(this.lag, 'registry_projection_lag', true);
    this.headPosition.set(Number(head ?? 0n));
    // An empty store, or read models ahead of a head read a moment earlier, is no lag.
    const behind = head === null ? 0n : head - (health.position ?? 0n);
    this.lag.set(behind > 0n ? Number(behind) : 0);
  }

  /** Registers or removes a gauge whose value is unknown for now (prom-client always shows a label-less one). */
  private expose(metric: Gauge, name: string, present: boolean): void {
    const registered = this.registry.getSingleMetric(name) !== undefined;
    if (present && !registered) this.registry.registerMetric(metric);
    if (!present && registered) this.registry.removeSingleMetric(name);
  }
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
