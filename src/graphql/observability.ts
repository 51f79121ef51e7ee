import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, getOperationAST, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Viewer } from '../access/permissions';
import type { RequestObservation } from '../http/requestObservation';
import type { OperationType } from '../observability/metrics';
import type { Telemetry } from '../observability/telemetry';
import type { RegistryContext } from './context';
import type { ErrorLogger } from './errors';

/** The caller's role as logs show it: never an id or a token. */
export const roleOf = (viewer: Viewer): string => (viewer.kind === 'actor' ? viewer.actor.role : 'anonymous');

/** Masked internal errors go to the log with their id, the correlation id and the stack. */
export const errorLogger =
  (telemetry: Telemetry): ErrorLogger =>
  ({ message, errorId, correlationId, error }) =>
    telemetry.logger.error(message, { errorId, ...(correlationId ? { correlationId } : {}), error });

export const codeOfErrors = (errors: readonly GraphQLFormattedError[] | undefined): string => {
  if (!errors || errors.length === 0) return 'OK';
  const code = errors[0]?.extensions?.['code'];
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
};

export const operationTypeOf = (document: DocumentNode, operationName: string | null | undefined): { type: OperationType; field?: string } => {
  const operation = getOperationAST(document, operationName);
  if (!operation) return { type: 'unknown' };
  const first = operation.selectionSet.selections[0];
  return { type: operation.operation, ...(first?.kind === Kind.FIELD ? { field: first.name.value } : {}) };
};

/**
 * Apollo's half of the request observation (HTTP): which operation ran, under which name and
 * with which outcome code, for the request log line and the operations counter. It also notes the
 * correlation id of each error Apollo is about to format: `formatError` gets no context, so
 * formatRegistryError finds it here (see `correlationOf`).
 */
export class HttpOperationObserver {
  /**
   * Keyed by the context's loaders, not the context: Apollo hands plugins and resolvers a shallow
   * copy of the context it was given, whose per-request members are the same objects.
   */
  private readonly requests = new WeakMap<RegistryContext['loaders'], RequestObservation>();
  private readonly errorCorrelation = new WeakMap<object, string>();

  /** Links a request's context to its observation; called where the context is created. */
  track(context: RegistryContext, observation: RequestObservation | undefined, viewer: Viewer): void {
    if (!observation) return;
    observation.role = roleOf(viewer);
    this.requests.set(context.loaders, observation);
  }

  correlationOf(error: unknown): string | undefined {
    return typeof error === 'object' && error !== null ? this.errorCorrelation.get(error) : undefined;
  }

  readonly plugin: ApolloServerPlugin<RegistryContext> = {
    requestDidStart: async () => ({
      didEncounterErrors: async ({ errors, contextValue }) => {
        for (const error of errors) this.errorCorrelation.set(error, contextValue.correlationId);
      },
      willSendResponse: async ({ response, contextValue, operation, operationName }) => {
        const observation = this.requests.get(contextValue.loaders);
        if (!observation) return;
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
        observation.graphql = {
          operationType: operation?.operation ?? 'unknown',
          ...(operationName ? { operationName } : {}),
          code: codeOfErrors(errors),
        };
      },
    }),
  };
}

/** One graphql-ws operation, from subscribe to complete. */
interface WebSocketOperation {
  readonly type: OperationType;
  readonly field?: string;
  readonly correlationId?: string;
  code: string;
  /** True while it counts in the open-subscriptions gauge. */
  open: boolean;
}

/**
 * graphql-ws's half: WebSocket connections (gauge, open/close log lines with the close code),
 * subscriptions open (gauge by field) and operations by outcome. Hooks are called from
 * mountGraphQL's graphql-ws options; the socket listeners are attached here.
 */
export class WebSocketObserver {
  private readonly operations = new WeakMap<object, Map<string, WebSocketOperation>>();
  private readonly connections = new WeakMap<WebSocket, { readonly connectionId: string; role?: string }>();

  constructor(private readonly telemetry: Telemetry) {}

  attach(server: WebSocketServer): void {
    server.on('connection', (socket: WebSocket, request: http.IncomingMessage) => {
      const connectionId = randomUUID();
      const opened = Date.now();
      const info: { readonly connectionId: string; role?: string } = { connectionId };
      this.connections.set(socket, info);
      this.telemetry.metrics.webSocketOpened();
      this.telemetry.logger.info('WebSocket connection opened', { connectionId, path: request.url?.split('?')[0] ?? '', protocol: socket.protocol || null });
      socket.once('close', (code: number, reason: Buffer) => {
        this.telemetry.metrics.webSocketClosed();
        this.telemetry.logger.info('WebSocket connection closed', {
          connectionId,
          code,
          ...(reason.length > 0 ? { reason: reason.toString('utf8').slice(0, 200) } : {}),
          durationMs: Date.now() - opened,
          ...(info.role ? { role: info.role } : {}),
        });
      });
    });
  }

  connected(socket: WebSocket, viewer: Viewer): void {
    const info = this.connections.get(socket);
    if (info) info.role = roleOf(viewer);
  }

  /** onSubscribe refused the operation (parse, validation, cost): it is over at once. */
  refused(document: DocumentNode | undefined, operationName: string | null | undefined, errors: readonly GraphQLFormattedError[]): void {
    const type = document ? operationTypeOf(document, operationName).type : 'unknown';
    this.telemetry.metrics.countGraphQLOperation('ws', type, codeOfErrors(errors));
  }

  started(connection: object, id: string, document: DocumentNode, operationName: string | null | undefined, correlationId: string): void {
    const { type, field } = operationTypeOf(document, operationName);
    this.table(connection).set(id, { type, ...(field ? { field } : {}), correlationId, code: 'OK', open: false });
  }

  correlationOf(connection: object, id: string): string | undefined {
    return this.operations.get(connection)?.get(id)?.correlationId;
  }

  /** The operation returned a stream: a subscription is now open. */
  streaming(connection: object, id: string): void {
    const operation = this.operations.get(connection)?.get(id);
    if (!operation || operation.open) return;
    operation.open = true;
    this.telemetry.metrics.subscriptionOpened(operation.field ?? 'unknown');
  }

  /** A result or an error message carried errors: the first one's code is the outcome. */
  failed(connection: object, id: string, errors: readonly GraphQLFormattedError[]): void {
    const operation = this.operations.get(connection)?.get(id);
    if (operation && operation.code === 'OK') operation.code = codeOfErrors(errors);
  }

  completed(connection: object, id: string): void {
    const table = this.operations.get(connection);
    const operation = table?.get(id);
    if (!table || !operation) return;
    table.delete(id);
    this.finish(operation);
  }

  /** The socket closed: whatever graphql-ws did not complete is over too. */
  closed(connection: object): void {
    const table = this.operations.get(connection);
    if (!table) return;
    for (const operation of table.values()) this.finish(operation);
    table.clear();
  }

  private finish(operation: WebSocketOperation): void {
    if (operation.open) this.telemetry.metrics.subscriptionClosed(operation.field ?? 'unknown');
    operation.open = false;
    this.telemetry.metrics.countGraphQLOperation('ws', operation.type, operation.code);
  }

  private table(connection: object): Map<string, WebSocketOperation> {
    let table = this.operations.get(connection);
    if (!table) this.operations.set(connection, (table = new Map()));
    return table;
  }
}
