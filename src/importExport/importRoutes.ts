import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import express, { type Request, type Response } from 'express';
import type { Viewer } from '../access/permissions';
import type { TokenVerifier } from '../access/tokens';
import type { Actor } from '../eventSourcing/envelope';
import type { CommandHandlerDeps } from '../eventSourcing/commandHandler';
import { StoreUnavailableError } from '../eventStore/errors';
import { viewerFromAuthorization } from '../graphql/context';
import { rateLimiter } from '../http/rateLimiter';
import { observationOf } from '../http/requestObservation';
import type { Shutdown } from '../http/shutdown';
import type { Logger } from '../observability/logger';
import { csvFieldName, csvRows } from './csvRows';
import { importAgreements } from './importAgreements';
import { ImportFileError } from './importFileError';
import type { ImportFormat, SourceRow } from './importFormat';
import { importReportJson, reportInTermsOf } from './importReport';
import { jsonRows } from './jsonRows';

export interface ImportServices {
  /** Store, clock and upcasters: rows are decided and written as commands are. */
  readonly commands: CommandHandlerDeps;
  readonly verifyToken: TokenVerifier;
  readonly logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** The service stopping: an import stops taking rows and answers what it did before the sockets close. */
  readonly shutdown?: Shutdown;
}

export interface ImportLimits {
  /** Largest body accepted, in bytes. */
  readonly maxBytes: number;
  /** Most rows in one request: the report of a file of tiny bad rows grows with their number. */
  readonly maxRows: number;
  /** Rejected rows listed in the answer (all are counted); the script lists every one. */
  readonly rejectedListed: number;
  /** Imports running at once in this server; more are answered 503. */
  readonly concurrentImports: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = { maxBytes: 10 * 1024 * 1024, maxRows: 20_000, rejectedListed: 1_000, concurrentImports: 2 };

/**
 * Roles that import as the registry's operator: a row carries both subnational facts (opening,
 * signature) and SRE facts (opinion, registration), which no one token role may record, so their
 * events name the token's subject with role `system`, as `npm run import --actor` does. A
 * `subnational` token imports under its own role and scope instead: the engine authorizes every
 * command of every row, so rows of other entities' agreements, and SRE steps, are rejected row by
 * row (FORBIDDEN). Parliament only reads.
 */
const OPERATOR_ROLES: ReadonlySet<Actor['role']> = new Set(['sre-legal', 'admin']);

const importingActor = (actor: Actor): Actor | undefined => {
  if (OPERATOR_ROLES.has(actor.role)) return { id: actor.id, role: 'system', entityScope: [] };
  if (actor.role === 'subnational') return actor;
  return undefined;
};

/** Errors in the API's shape: `{ errors: [{ message, extensions: { code, … } }] }`. */
const refuse = (response: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void => {
  if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
  response.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
};

const FORMATS: Readonly<Record<string, ImportFormat>> = { 'text/csv': 'csv', 'application/json': 'json' };

/** The format the Content-Type names, or why it is not accepted. */
const formatOf = (request: Request): ImportFormat | string => {
  const header = request.headers['content-type'] ?? '';
  const [type = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  const format = Object.hasOwn(FORMATS, type) ? FORMATS[type] : undefined;
  if (format === undefined) {
    return `Content-Type ${header === '' ? 'is missing' : JSON.stringify(header.slice(0, 100))}: send the file as text/csv or application/json (see docs/import-format.md).`;
  }
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') return `charset ${JSON.stringify(charset.slice(0, 40))}: the file must be UTF-8 (Excel: "CSV UTF-8").`;
  const encoding = request.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return `Content-Encoding ${JSON.stringify(encoding.slice(0, 40))}: send the file uncompressed.`;
  return format;
};

/** `?dryRun=true|false`, the only parameter; anything else is refused by name. */
const dryRunOf = (request: Request): boolean | string => {
  let dryRun = false;
  for (const [name, value] of Object.entries(request.query as Record<string, unknown>)) {
    if (name !== 'dryRun') return `Unknown parameter ${JSON.stringify(name.slice(0, 40))}: the only one is dryRun=true|false.`;
    if (value !== 'true' && value !== 'false') return 'dryRun must be true or false (given once).';
    dryRun = value === 'true';
  }
  return dryRun;
};

/**
 * The body, or undefined when it goes over `maxBytes` (reading stops there). Read by hand rather
 * than by a body parser so that the limit, and the answer to going over it, are this route's.
 */
const readBody = (request: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        request.off('data', onData);
        request.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });

/** Every row of the file, read before anything is written: a file that cannot be read is refused whole. */
const readRows = async (format: ImportFormat, body: Buffer, maxRows: number): Promise<SourceRow[] | 'too-many'> => {
  const source = format === 'csv' ? csvRows(Readable.from([body])) : jsonRows(body.toString('utf8'));
  const rows: SourceRow[] = [];
  for await (const row of source) {
    if (rows.length === maxRows) return 'too-many';
    rows.push(row);
  }
  return rows;
};

/**
 * `POST /import/agreements` (`Content-Type: text/csv` or `application/json`, `?dryRun=true`): the
 * import of docs/import-format.md over HTTP, for a running registry, with the API's bearer tokens.
 * The file is read whole before any row is written: one that cannot be read is answered 400 with
 * its line and nothing is written. Otherwise 200 with the script's report, rows rejected included,
 * and `position`, the store position of the last write, to pass as `consistentWith`.
 */
export const importRoutes = (services: ImportServices, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): express.Router => {
  const router = express.Router();
  let running = 0;
  const megabytes = `${(limits.maxBytes / 1024 / 1024).toFixed(0)} MB`;

  // An import decides every row against the store: far fewer of them than GraphQL requests.
  router.post('/import/:what', rateLimiter({ perSecond: 0.5, burst: 10 }), async (request: Request, response: Response) => {
    // Whatever is refused before the body is read closes the connection rather than reading it.
    const refuseEarly = (status: number, code: string, message: string) => {
      response.setHeader('Connection', 'close');
      refuse(response, status, code, message);
    };
    if (request.params['what'] !== 'agreements') {
      refuseEarly(404, 'NOT_FOUND', 'No such import: POST /import/agreements.');
      return;
    }
    let viewer: Viewer;
    try {
      viewer = await viewerFromAuthorization(request.headers.authorization, services.verifyToken);
    } catch (error) {
      refuseEarly(401, 'UNAUTHENTICATED', error instanceof Error ? error.message : 'Invalid token.');
      return;
    }
    if (viewer.kind === 'anonymous') {
      refuseEarly(401, 'UNAUTHENTICATED', 'Importing needs a signed-in user: send a bearer token (sre-legal, admin or subnational).');
      return;
    }
    const observation = observationOf(response);
    if (observation) observation.role = viewer.actor.role;
    const actor = importingActor(viewer.actor);
    if (actor === undefined) {
      refuseEarly(403, 'FORBIDDEN', `Importing agreements is for sre-legal, admin or subnational users (their own entities' agreements); your role is ${viewer.actor.role}.`);
      return;
    }
    const format = formatOf(request);
    if (format !== 'csv' && format !== 'json') {
      refuseEarly(415, 'UNSUPPORTED_MEDIA_TYPE', format);
      return;
    }
    const dryRun = dryRunOf(request);
    if (typeof dryRun === 'string') {
      refuseEarly(400, 'BAD_USER_INPUT', dryRun);
      return;
    }
    const tooLarge = `The file is larger than ${megabytes}: split it, or import it with npm run import on the server.`;
    if (Number(request.headers['content-length'] ?? 0) > limits.maxBytes) {
      refuseEarly(413, 'PAYLOAD_TOO_LARGE', tooLarge);
      return;
    }
    if (services.shutdown?.signal.aborted === true) {
      refuseEarly(503, 'SHUTTING_DOWN', 'The service is shutting down: send the file again once it is back.');
      return;
    }
    if (running >= limits.concurrentImports) {
      response.setHeader('Retry-After', '5');
      refuseEarly(503, 'BUSY', `${running} imports are running: try again in a few seconds.`);
      return;
    }
    running += 1;
    const importing = (async () => {
      try {
        const body = await readBody(request, limits.maxBytes);
        if (body === undefined) {
          refuseEarly(413, 'PAYLOAD_TOO_LARGE', tooLarge);
          return;
        }
        const rows = await readRows(format, body, limits.maxRows);
        if (rows === 'too-many') {
          refuse(response, 413, 'PAYLOAD_TOO_LARGE', `The file has more than ${limits.maxRows} rows: split it, or import it with npm run import on the server.`);
          return;
        }
        const report = await importAgreements(services.commands, rows, { actor, dryRun, ...(services.shutdown ? { signal: services.shutdown.signal } : {}) });
        const shown = importReportJson(format === 'csv' ? reportInTermsOf(report, csvFieldName) : report);
        const logged = {
          correlationId: response.locals['correlationId'] as string,
          actor: actor.id,
          role: viewer.actor.role,
          dryRun,
          rows: report.rows,
          imported: report.imported,
          unchanged: report.unchanged,
          rejected: report.rejected.length,
        };
        if (report.interrupted) services.logger.warn('Import interrupted: the service is shutting down', logged);
        else services.logger.info('Import', logged);
        response.status(report.interrupted ? 503 : 200).json({
          ...(report.interrupted
            ? {
                code: 'SHUTTING_DOWN',
                message: `The service is shutting down: the import stopped after ${report.rows} row(s), each written whole or not at all. Import the same file again once the service is back to complete it.`,
              }
            : {}),
          import: 'agreements',
          format,
          actor: { id: actor.id, role: actor.role },
          ...shown,
          rejected: shown.rejected.slice(0, limits.rejectedListed),
          rejectedCount: shown.rejected.length,
        });
      } catch (error) {
        if (error instanceof ImportFileError) {
          refuse(response, 400, 'BAD_USER_INPUT', `The file cannot be read, nothing was imported: ${error.message}`, { line: error.line });
          return;
        }
        if (error instanceof StoreUnavailableError) {
          // Rows are written whole or not at all; the ones written stand, and importing the file again completes it.
          refuse(response, 503, 'STORE_UNAVAILABLE', `${error.message} Rows written before it stand: import the same file again to complete it.`);
          return;
        }
        services.logger.error('Import failed', { correlationId: response.locals['correlationId'] as string, error });
        refuse(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal error.');
      } finally {
        running -= 1;
      }
    })();
    await (services.shutdown ? services.shutdown.track(importing) : importing);
  });
  return router;
};
