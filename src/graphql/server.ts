import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type FormattedExecutionResult, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Viewer } from '../access/permissions';
import { rateLimiter, type RateLimit } from '../http/rateLimiter';
import { createContext, viewerFromAuthorization, type RegistryContext, type RegistryServices } from './context';
import { formatRegistryError, type ErrorLogger } from './errors';
import { OPERATION_LIMITS, assertAffordable, validationRules } from './limits';
import { consistencyExtension, consistencyPlugin } from './readYourWrites';
import { buildRegistrySchema } from './schema';

export interface GraphQLServerOptions {
  readonly production: boolean;
  readonly rateLimit: RateLimit;
  readonly log: ErrorLogger;
}

export interface GraphQLEndpoint {
  readonly schema: GraphQLSchema;
  /** Closes WebSocket connections and stops Apollo (after the HTTP server stopped accepting). */
  stop(): Promise<void>;
}

const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Mounts `/graphql`: Apollo Server over HTTP and graphql-ws over WebSocket on the same path, one
 * executable schema, the same validation rules, limits, authentication and error masking on both.
 */
export const mountGraphQL = async (app: Express, httpServer: http.Server, services: RegistryServices, options: GraphQLServerOptions): Promise<GraphQLEndpoint> => {
  const schema = buildRegistrySchema();
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: OPERATION_LIMITS.maxWebSocketPayloadBytes });
  const wsCleanup = useServer<Record<string, unknown>, { viewer?: Viewer }>(webSocketOptions(schema, services, options), wsServer);

  const costPlugin: ApolloServerPlugin<RegistryContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
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
    validationRules,
    formatError: (formatted, error) => formatRegistryError(formatted, error, options.log),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
      costPlugin,
      consistencyPlugin,
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  app.use(
    '/graphql',
    (request: Request, response: Response, next: NextFunction) => {
      const given = request.header(CORRELATION_HEADER);
      const correlationId = given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
      response.locals['correlationId'] = correlationId;
      response.setHeader(CORRELATION_HEADER, correlationId);
      next();
    },
    rateLimiter(options.rateLimit),
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
        return createContext(services, viewer, res.locals['correlationId'] as string);
      },
    }),
  );
  return { schema, stop: () => apollo.stop() };
};

/** graphql-ws runs none of Apollo's plugins or rules: the same checks are applied here explicitly. */
const webSocketOptions = (schema: GraphQLSchema, services: RegistryServices, options: GraphQLServerOptions): Parameters<typeof useServer<Record<string, unknown>, { viewer?: Viewer }>>[0] => ({
  schema,
  onConnect: async (ctx) => {
    const authorization = ctx.connectionParams?.['authorization'];
    try {
      ctx.extra.viewer = await viewerFromAuthorization(typeof authorization === 'string' ? authorization : undefined, services.verifyToken);
      return true;
    } catch {
      return false;
    }
  },
  onSubscribe: (ctx, _id, payload) => {
    let document: DocumentNode;
    try {
      document = parse(payload.query, { maxTokens: OPERATION_LIMITS.maxTokens });
    } catch (error) {
      return [new GraphQLError(error instanceof Error ? error.message : 'Syntax error.', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
    }
    const errors = validate(schema, document, [...specifiedRules, ...validationRules]);
    if (errors.length > 0) {
      return errors.map((error) => new GraphQLError(error.message, { nodes: error.nodes ?? null, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
    }
    const variables = payload.variables ?? {};
    try {
      assertAffordable(schema, document, variables, payload.operationName ?? undefined);
    } catch (error) {
      return [error as GraphQLError];
    }
    const args: ExecutionArgs = {
      schema,
      document,
      variableValues: variables,
      operationName: payload.operationName ?? null,
      contextValue: createContext(services, ctx.extra.viewer ?? { kind: 'anonymous' }, undefined, ctx.extra.socket),
    };
    return args;
  },
  onNext: (_ctx, _id, _payload, args, result): FormattedExecutionResult | void => {
    const context = args.contextValue as RegistryContext;
    const consistency = consistencyExtension(context);
    if (!result.errors && consistency === undefined) return;
    return {
      ...(result.data === undefined ? {} : { data: result.data }),
      ...(result.errors ? { errors: result.errors.map((error) => formatRegistryError(error.toJSON(), error, options.log, context.correlationId)) } : {}),
      ...(result.extensions || consistency ? { extensions: { ...(result.extensions ?? {}), ...(consistency ? { consistency } : {}) } } : {}),
    };
  },
  onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatRegistryError(error.toJSON(), error, options.log)),
});
