import express, { type Request, type Response } from 'express';
import type { Viewer } from '../access/permissions';
import type { TokenVerifier } from '../access/tokens';
import type { CommandHandlerDeps } from '../eventSourcing/commandHandler';
import { viewerFromAuthorization, type RegistryServices } from '../graphql/context';
import { liveReadView } from '../graphql/readModels';
import { rateLimiter } from '../http/rateLimiter';
import { observationOf } from '../http/requestObservation';
import type { Logger } from '../observability/logger';
import type { HistorySnapshots } from '../projectionRunner/historySnapshots';
import type { ProjectionRunner } from '../projectionRunner/projectionRunner';
import { RegistryError, UnavailableError, type ErrorKind } from '../shared/errors';
import { legalDateAt, toInstant } from '../shared/time';
import type { BuildLimit } from '../timeTravel/buildLimit';
import { pastInstant } from '../timeTravel/pastInstant';
import { EXPORT_FORMATS, EXPORT_WHATS, parseExportRequest, type ExportFormat, type ExportWhat } from './exportRequest';
import { exportTable, registryViewAsOf, writeExport } from './runExport';
import type { CsvOptions } from './exportWriter';

export interface ExportServices {
  readonly runner: ProjectionRunner;
  /** Store, clock and upcasters: histories and the registry as of an instant read the store. */
  readonly commands: CommandHandlerDeps;
  readonly history: HistorySnapshots;
  /** Shared with the API's past registries (see BuildLimit). */
  readonly pastBuilds: BuildLimit;
  readonly verifyToken: TokenVerifier;
  readonly logger: Pick<Logger, 'error'>;
}

const STATUS: Readonly<Record<ErrorKind, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE_VIOLATION: 422,
  UNAVAILABLE: 503,
};

/** Errors in the API's shape: `{ errors: [{ message, extensions: { code, issues? } }] }`. */
const refuse = (response: Response, status: number, code: string, message: string, issues?: unknown): void => {
  if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
  response.status(status).json({ errors: [{ message, extensions: { code, ...(issues === undefined ? {} : { issues }) } }] });
};

const FILE = new RegExp(`^(${EXPORT_WHATS.join('|')})\\.(${EXPORT_FORMATS.join('|')})$`);

/** Output options that are not criteria of the data. */
const csvOptions = (values: Map<string, string[]>): CsvOptions | string => {
  const bom = values.get('bom')?.[0];
  const delimiter = values.get('delimiter')?.[0];
  values.delete('bom');
  values.delete('delimiter');
  if (bom !== undefined && bom !== 'true' && bom !== 'false') return `bom must be true or false; got ${JSON.stringify(bom)}.`;
  if (delimiter !== undefined && delimiter !== ',' && delimiter !== ';') return `delimiter must be "," or ";"; got ${JSON.stringify(delimiter)}.`;
  return { bom: bom !== 'false', delimiter: delimiter === ';' ? ';' : ',' };
};

const queryValues = (request: Request): Map<string, string[]> => {
  const values = new Map<string, string[]>();
  for (const [name, value] of Object.entries(request.query as Record<string, unknown>)) {
    const list = Array.isArray(value) ? value : [value];
    values.set(name, list.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))));
  }
  return values;
};

/**
 * `GET /export/{agreements|findings|history}.{csv|json}?state=14&asOf=…`: the script's export
 * over HTTP, with the API's bearer tokens and visibility (anonymous callers get the public view;
 * findings and history need a token) and the same filters, streamed as it is produced.
 */
export const exportRoutes = (services: ExportServices): express.Router => {
  const router = express.Router();
  // An export reads the whole registry: fewer of them than GraphQL requests.
  router.get('/export/:file', rateLimiter({ perSecond: 2, burst: 20 }), async (request: Request, response: Response) => {
    const match = FILE.exec(String(request.params['file']));
    if (!match) {
      refuse(response, 404, 'NOT_FOUND', `No such export: use /export/{${EXPORT_WHATS.join('|')}}.{${EXPORT_FORMATS.join('|')}}.`);
      return;
    }
    const what = match[1] as ExportWhat;
    const format = match[2] as ExportFormat;
    let viewer: Viewer;
    try {
      viewer = await viewerFromAuthorization(request.headers.authorization, services.verifyToken);
    } catch (error) {
      refuse(response, 401, 'UNAUTHENTICATED', error instanceof Error ? error.message : 'Invalid token.');
      return;
    }
    const observation = observationOf(response);
    if (observation) observation.role = viewer.kind === 'anonymous' ? 'anonymous' : viewer.actor.role;
    let headersSent = false;
    try {
      const values = queryValues(request);
      const csv = csvOptions(values);
      if (typeof csv === 'string') {
        refuse(response, 400, 'BAD_USER_INPUT', csv);
        return;
      }
      const exportRequest = parseExportRequest(what, format, values);
      const { commands } = services;
      const now = commands.clock();
      const asOf = exportRequest.asOf && pastInstant(exportRequest.asOf, now, 'asOf');
      const view =
        asOf === undefined
          ? // liveReadView reads only the runner of the services.
            liveReadView({ services: { runner: services.runner } as RegistryServices, today: legalDateAt(now) })
          : await services.pastBuilds.run(() => registryViewAsOf({ store: commands.store, upcasters: commands.upcasters, history: services.history }, asOf, exportRequest.what));
      const source = { view, viewer, store: commands.store, upcasters: commands.upcasters };
      const table = exportTable(exportRequest, source);
      response.status(200);
      response.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/json; charset=utf-8');
      response.setHeader('Content-Disposition', `attachment; filename="${what}-${view.day}.${format}"`);
      // What is in it depends on the caller's role: never cached by a shared proxy.
      response.setHeader('Cache-Control', 'private, no-store');
      headersSent = true;
      await writeExport(response, exportRequest, source, table, csv, toInstant(now));
      response.end();
    } catch (error) {
      if (!headersSent && error instanceof RegistryError) {
        const issues = 'issues' in error ? (error as { issues: unknown }).issues : undefined;
        if (error instanceof UnavailableError) response.setHeader('Retry-After', String(error.retryAfterSeconds));
        refuse(response, STATUS[error.kind], error.kind, error.message, issues);
        return;
      }
      services.logger.error('Export failed', { correlationId: response.locals['correlationId'] as string, error });
      // Once rows are on the wire a status cannot change: cutting the body tells the client.
      if (headersSent) response.destroy(error instanceof Error ? error : undefined);
      else refuse(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal error.');
    }
  });
  return router;
};
