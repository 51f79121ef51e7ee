import type http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import { GraphQLError, getOperationAST, getVariableValues, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type FormattedExecutionResult, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Viewer } from '../access/permissions';
import { tokenExpiresAt } from '../access/tokens';
import { rateLimiter, type RateLimit } from '../http/rateLimiter';
import { assignCorrelationId, observationOf } from '../http/requestObservation';
import type { Telemetry } from '../observability/telemetry';
import { UnauthenticatedError } from '../shared/errors';
import { bearerToken, createContext, viewerFromAuthorization, type RegistryContext, type RegistryServices } from './context';
import { formatRegistryError, type ErrorLogger } from './errors';
import { OPERATION_LIMITS, assertAffordable, validationRules } from './limits';
import { HttpOperationObserver, WebSocketObserver, errorLogger } from './observability';
import { consistencyExtension, consistencyPlugin } from './readYourWrites';
import { buildRegistrySchema } from './schema';

export interface GraphQLServerOptions {
  readonly production: boolean;
  /** Per caller over HTTP; undefined: no limit (RATE_LIMIT_PER_SECOND=0). */
  readonly rateLimit: RateLimit | undefined;
  /** Request and WebSocket logs, masked errors, operation and subscription metrics. */
  readonly telemetry: Telemetry;
}

export interface GraphQLEndpoint {
  readonly schema: GraphQLSchema;
  /** Closes WebSocket connections and stops Apollo (after the HTTP server stopped accepting). */
  stop(): Promise<void>;
}

/**
 * Mounts `/graphql`: Apollo Server over HTTP and graphql-ws over WebSocket on the same path, one
 * executable schema, the same validation rules, limits, authentication and error masking on both.
 */
export const mountGraphQL = async (app: Express, httpServer: http.Server, services: RegistryServices, options: GraphQLServerOptions): Promise<GraphQLEndpoint> => {
  const schema = buildRegistrySchema();
  const log = errorLogger(options.telemetry);
  const httpOperations = new HttpOperationObserver();
  const webSockets = new WebSocketObserver(options.telemetry);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: OPERATION_LIMITS.maxWebSocketPayloadBytes });
  webSockets.attach(wsServer);
  const wsCleanup = useServer<Record<string, unknown>, ConnectionState>(webSocketOptions(schema, services, log, webSockets), wsServer);

  const operationChecks: ApolloServerPlugin<RegistryContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          // Apollo would execute a subscription over HTTP as if it were a query, and its resolvers
          // expect an event source that only graphql-ws gives them.
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('Subscriptions are served over WebSocket only: open a graphql-ws connection to /graphql and subscribe there.', {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            });
          }
          assertAffordable(schema, document, request.variables ?? {}, request.operationName ?? undefined);
        },
      };
    },
  };
  const apollo = new ApolloServer<RegistryContext>({
    schema,
    introspection: !options.production,
    hideSchemaDetailsFromClientErrors: options.production,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: OPERATION_LIMITS.maxTokens },
    // main.ts owns SIGINT/SIGTERM: Apollo's own handlers would re-raise the signal once Apollo has
    // stopped, killing the process before the read-model snapshot is written and the store closed.
    stopOnTerminationSignals: false,
    validationRules,
    formatError: (formatted, error) => formatRegistryError(formatted, error, log, httpOperations.correlationOf(error)),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
      operationChecks,
      consistencyPlugin,
      httpOperations.plugin,
      // The schema sets no cache hints, so the default cache-control plugin would never send a
      // header; it would only wrap every field resolver to watch for hints (willResolveField).
      ApolloServerPluginCacheControlDisabled(),
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  app.use(
    '/graphql',
    assignCorrelationId,
    ...(options.rateLimit ? [rateLimiter(options.rateLimit)] : []),
    express.json({ limit: OPERATION_LIMITS.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        let viewer: Viewer;
        try {
          viewer = await viewerFromAuthorization(req.headers.authorization, services.verifyToken);
        } catch (error) {
          // A bad token is the client's problem (401), never an internal error.
          throw new GraphQLError(error instanceof Error ? error.message : 'Invalid token.', {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
          });
        }
        const context = createContext(services, viewer, res.locals['correlationId'] as string);
        httpOperations.track(context, observationOf(res), viewer);
        return context;
      },
    }),
  );
  return { schema, stop: () => apollo.stop() };
};

/** What a WebSocket connection keeps between its messages (a type, not an interface: graphql-ws wants a record type). */
type ConnectionState = {
  viewer?: Viewer;
  /** When its token expires (epoch ms), and the timer that closes the socket then. */
  expiresAt?: number;
  expiry?: NodeJS.Timeout | undefined;
  /**
   * Its subscriptions running, by the subscribe message's payload: an id can be reused once its
   * subscription is completed, before that one has finished, so ids alone would miscount.
   */
  subscriptions?: Set<unknown>;
};

/**
 * Subscriptions one connection may hold at once. Each holds a store subscription and, resumed from
 * a cursor, replays the log from there: hundreds on one socket slowed every other client from
 * milliseconds to seconds. A dashboard page needs a handful.
 */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;

/** Close code of a connection whose token expired (graphql-ws's Unauthorized: clients do not retry it as is). */
const TOKEN_EXPIRED_CLOSE = 4401;
/** connection_init's payload is not what the server reads (graphql-ws's own code for a bad message). */
const BAD_CONNECTION_PARAMS_CLOSE = 4400;

/** A WebSocket close reason holds at most 123 bytes of UTF-8. */
const closeReason = (message: string): string => {
  const bytes = Buffer.from(message, 'utf8');
  return bytes.length <= 123 ? message : `${bytes.subarray(0, 120).toString('utf8').replace(/\uFFFD$/u, '')}…`;
};

/**
 * Closes the socket when the token it connected with expires: the token is checked once, on
 * connection, and a subscription would otherwise go on delivering to an expired one what only it
 * may see. setTimeout takes at most about 24.8 days, so a longer wait is taken in steps.
 */
const closeOnExpiry = (state: ConnectionState, socket: { close(code: number, reason: string): void }, expiresAt: number): void => {
  state.expiresAt = expiresAt;
  const arm = () => {
    const wait = expiresAt - Date.now();
    state.expiry =
      wait <= 0
        ? (socket.close(TOKEN_EXPIRED_CLOSE, 'The token has expired: connect again with a new one.'), undefined)
        : setTimeout(arm, Math.min(wait, 2 ** 31 - 1)).unref();
  };
  arm();
};

/** graphql-ws runs none of Apollo's plugins or rules: the same checks are applied here explicitly. */
const webSocketOptions = (
  schema: GraphQLSchema,
  services: RegistryServices,
  log: ErrorLogger,
  observer: WebSocketObserver,
): Parameters<typeof useServer<Record<string, unknown>, ConnectionState>>[0] => ({
  schema,
  onConnect: async (ctx) => {
    const params = ctx.connectionParams;
    const authorization = params?.['authorization'] ?? params?.['Authorization'];
    const { socket } = ctx.extra;
    if (authorization !== undefined && authorization !== null && typeof authorization !== 'string') {
      socket.close(BAD_CONNECTION_PARAMS_CLOSE, closeReason('connection_init: authorization must be a string, "Bearer <token>".'));
      return false;
    }
    try {
      ctx.extra.viewer = await viewerFromAuthorization(authorization ?? undefined, services.verifyToken);
    } catch (error) {
      // Closed with the reason, and with a code the graphql-ws client does not retry: 4403 (what
      // returning false alone sends) would have it reconnect with the same token, never told why.
      if (!(error instanceof UnauthenticatedError)) throw error;
      socket.close(TOKEN_EXPIRED_CLOSE, closeReason(error.message));
      return false;
    }
    const expiresAt = authorization ? tokenExpiresAt(bearerToken(authorization)) : undefined;
    if (expiresAt !== undefined) closeOnExpiry(ctx.extra, socket, expiresAt);
    observer.connected(socket, ctx.extra.viewer);
    return true;
  },
  onSubscribe: (ctx, id, payload) => {
    const refuse = (document: DocumentNode | undefined, errors: GraphQLError[]): GraphQLError[] => {
      observer.refused(document, payload.operationName, errors.map((error) => error.toJSON()));
      return errors;
    };
    let document: DocumentNode;
    try {
      document = parse(payload.query, { maxTokens: OPERATION_LIMITS.maxTokens });
    } catch (error) {
      return refuse(undefined, [new GraphQLError(error instanceof Error ? error.message : 'Syntax error.', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })]);
    }
    const errors = validate(schema, document, [...specifiedRules, ...validationRules]);
    if (errors.length > 0) {
      return refuse(
        document,
        errors.map((error) => new GraphQLError(error.message, { nodes: error.nodes ?? null, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })),
      );
    }
    const variables = payload.variables ?? {};
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) {
      // graphql-ws would throw a bare "Unable to identify operation", masked as an internal error.
      const message = payload.operationName
        ? `The document has no operation named ${JSON.stringify(payload.operationName)}: give the name of one of its operations.`
        : 'The document holds several operations: say which one to run with operationName.';
      return refuse(document, [new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })]);
    }
    // Apollo marks variables that do not coerce as BAD_USER_INPUT over HTTP; graphql-ws would let
    // execution report them with no code, and they would be masked as internal errors.
    const coercion = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
    if (coercion.errors) {
      return refuse(
        document,
        coercion.errors.map((error) => new GraphQLError(error.message, { nodes: error.nodes ?? null, extensions: { code: 'BAD_USER_INPUT' } })),
      );
    }
    try {
      assertAffordable(schema, document, variables, payload.operationName ?? undefined);
    } catch (error) {
      return refuse(document, [error as GraphQLError]);
    }
    if (ctx.extra.expiresAt !== undefined && Date.now() >= ctx.extra.expiresAt) {
      return refuse(document, [new GraphQLError('The token has expired: connect again with a new one.', { extensions: { code: 'UNAUTHENTICATED' } })]);
    }
    if (operation.operation === 'subscription') {
      const running = (ctx.extra.subscriptions ??= new Set());
      if (running.size >= MAX_SUBSCRIPTIONS_PER_CONNECTION) {
        const message = `This connection already holds ${running.size} subscriptions, the most one connection may: complete one before starting another.`;
        return refuse(document, [new GraphQLError(message, { extensions: { code: 'BAD_REQUEST' } })]);
      }
      running.add(payload);
    }
    const contextValue = createContext(services, ctx.extra.viewer ?? { kind: 'anonymous' }, undefined, ctx.extra.socket);
    observer.started(ctx, id, document, payload.operationName, contextValue.correlationId);
    const args: ExecutionArgs = {
      schema,
      document,
      variableValues: variables,
      operationName: payload.operationName ?? null,
      contextValue,
    };
    return args;
  },
  onOperation: (ctx, id, _payload, _args, result) => {
    if (Symbol.asyncIterator in result) observer.streaming(ctx, id);
  },
  onNext: (ctx, id, _payload, args, result): FormattedExecutionResult | void => {
    const context = args.contextValue as RegistryContext;
    const consistency = consistencyExtension(context);
    if (!result.errors && consistency === undefined) return;
    const errors = result.errors?.map((error) => formatRegistryError(error.toJSON(), error, log, context.correlationId));
    if (errors) observer.failed(ctx, id, errors);
    return {
      ...(result.data === undefined ? {} : { data: result.data }),
      ...(errors ? { errors } : {}),
      ...(result.extensions || consistency ? { extensions: { ...(result.extensions ?? {}), ...(consistency ? { consistency } : {}) } } : {}),
    };
  },
  onError: (ctx, id, payload, errors) => {
    ctx.extra.subscriptions?.delete(payload);
    const formatted = errors.map((error) => formatRegistryError(error.toJSON(), error, log, observer.correlationOf(ctx, id)));
    observer.failed(ctx, id, formatted);
    return formatted;
  },
  onComplete: (ctx, id, payload) => {
    ctx.extra.subscriptions?.delete(payload);
    observer.completed(ctx, id);
  },
  onClose: (ctx) => {
    clearTimeout(ctx.extra.expiry);
    ctx.extra.subscriptions?.clear();
    observer.closed(ctx);
  },
});
