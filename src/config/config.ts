import path from 'node:path';
import { LOG_LEVELS, isLogLevel, type LogLevel } from '../observability/logger';

/** Everything the process reads from its environment, validated once at start-up. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** NODE_ENV=production: no introspection or suggestions, and a real signing key is required. */
  readonly production: boolean;
  readonly store: StoreConfig;
  readonly auth: AuthConfig;
  /** Least severe level written to the JSON log (debug, info, warn, error). */
  readonly logLevel: LogLevel;
  /** DEMO_DATA: whether a first start on an empty embedded store loads the demo registry. */
  readonly demoData: boolean;
  /** Sustained GraphQL-over-HTTP requests per second per caller (bursts of twice that); 0: no limit. */
  readonly rateLimitPerSecond: number;
  readonly history: HistoryConfig;
}

/** History snapshots: what "the registry as of an instant" loads before replaying the rest. */
export interface HistoryConfig {
  /** Events between two of them: a registry-as-of replays at most this many. */
  readonly everyEvents: number;
  /** How many are kept; past that, the one closest to its predecessor is removed. */
  readonly keep: number;
}

/**
 * Every 50k events, 24 kept: every one is kept up to 1.2M events, so no replay exceeds 50k events
 * there (the registry as of an instant under 1 s at 1M events); at 1M events they take about 6 GB.
 */
export const DEFAULT_HISTORY: HistoryConfig = { everyEvents: 50_000, keep: 24 };

export interface AuthConfig {
  readonly issuer: string;
  readonly audience: string;
  /**
   * `dev-secret-file`: no key was configured outside production, so a random secret is kept in
   * the data directory (created on first start) and development tokens are minted with it.
   */
  readonly key:
    | { readonly kind: 'secret'; readonly secret: string }
    | { readonly kind: 'public-key-file'; readonly path: string }
    | { readonly kind: 'dev-secret-file'; readonly path: string };
}

export type StoreConfig =
  | { readonly kind: 'sqlite'; readonly dataDir: string }
  | { readonly kind: 'eventstoredb'; readonly connectionString: string; readonly dataDir: string };

/** One bad setting: the variable, what was wrong and what to do. */
export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `Invalid configuration:\n${problems.map((problem) => `  - ${problem.variable}: ${problem.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/** The variables, their defaults and meaning; README's configuration table mirrors this. */
export const CONFIG_VARIABLES = {
  PORT: 'HTTP port (1-65535; 0 picks a free one). Default 4000.',
  HOST: 'Interface to listen on. Default 127.0.0.1; use 0.0.0.0 in a container.',
  DATA_DIR: 'Directory for the embedded store file and read-model snapshots. Default ./data.',
  EVENT_STORE: 'Which event store: "sqlite" (embedded, default) or "eventstoredb".',
  EVENTSTORE_CONNECTION_STRING:
    'EventStoreDB/KurrentDB connection string (esdb:// or esdb+discover://); required when EVENT_STORE=eventstoredb.',
  NODE_ENV: '"production" turns off introspection and field suggestions and requires AUTH_SECRET or AUTH_PUBLIC_KEY_FILE.',
  AUTH_ISSUER: 'Expected "iss" of bearer tokens. Default registro-acuerdos.',
  AUTH_AUDIENCE: 'Expected "aud" of bearer tokens. Default registro-acuerdos-api.',
  AUTH_SECRET: 'HS256 secret (at least 32 characters) that signs bearer tokens.',
  AUTH_PUBLIC_KEY_FILE: 'PEM public key (RS256, ES256 or EdDSA) that verifies bearer tokens issued elsewhere.',
  LOG_LEVEL: 'Least severe level of the JSON log lines written to stderr: debug, info (default), warn or error.',
  DEMO_DATA: '"on": the first start on an empty embedded store loads the demo registry; "off": starts empty. Default "on", but "off" with NODE_ENV=production.',
  RATE_LIMIT_PER_SECOND:
    'GraphQL requests over HTTP per second per caller (token, or address without one), with bursts of twice that; beyond it: 429. Default 50; 0 turns the limit off (load tests on a trusted network only).',
  HISTORY_SNAPSHOT_EVERY:
    'Events between two history snapshots (1000 to 10000000): the registry as of an instant replays at most this many after the nearest one, and the audit\'s judged findings are checkpointed every tenth of the spacing in between. Each is written while the read models wait (about a second at 1M events), so a small spacing slows a busy service. Default 50000.',
  HISTORY_SNAPSHOTS_KEPT:
    'History snapshots kept in DATA_DIR/read-models/history (2 to 1000); past that, the one closest to its predecessor is removed. Default 24 (about 7 GB at 1M events); fewer saves disk, and some replays get longer.',
} as const;

type Env = Readonly<Record<string, string | undefined>>;

/** Reads every variable and reports all problems at once, so one restart fixes them all. */
export const loadConfig = (env: Env): Config => {
  const problems: ConfigProblem[] = [];
  const problem = (variable: keyof typeof CONFIG_VARIABLES, message: string) => void problems.push({ variable, message });

  const rawPort = env['PORT']?.trim() || '4000';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65_535) {
    problem('PORT', `"${rawPort}" is not a port number: use a whole number from 1 to 65535 (0 picks a free one), e.g. PORT=4000.`);
  }

  const host = env['HOST']?.trim() || '127.0.0.1';
  const dataDir = path.resolve(env['DATA_DIR']?.trim() || './data');

  const storeKind = env['EVENT_STORE']?.trim() || 'sqlite';
  const connectionString = env['EVENTSTORE_CONNECTION_STRING']?.trim();
  let store: StoreConfig = { kind: 'sqlite', dataDir };
  if (storeKind === 'eventstoredb') {
    if (!connectionString) {
      problem(
        'EVENTSTORE_CONNECTION_STRING',
        'is required when EVENT_STORE=eventstoredb, e.g. esdb://localhost:2113?tls=false (see docker-compose.yml).',
      );
    } else if (!/^esdb(\+discover)?:\/\/\S+$/.test(connectionString)) {
      problem(
        'EVENTSTORE_CONNECTION_STRING',
        `"${connectionString}" is not an EventStoreDB connection string: it starts with esdb:// or esdb+discover://.`,
      );
    } else if (/[?&]throwOnAppendFailure=false(&|$)/i.test(connectionString)) {
      // The client then answers a refused append with a revision it cannot know on the path a
      // real server uses (BatchAppend); the registry relies on the refusal being thrown.
      problem('EVENTSTORE_CONNECTION_STRING', 'must not set throwOnAppendFailure=false: the registry needs refused appends reported as errors. Remove that option.');
    } else {
      store = { kind: 'eventstoredb', connectionString, dataDir };
    }
  } else if (storeKind !== 'sqlite') {
    problem('EVENT_STORE', `"${storeKind}" is not a store: use "sqlite" (embedded) or "eventstoredb".`);
  }

  const production = env['NODE_ENV']?.trim() === 'production';
  const secret = env['AUTH_SECRET'];
  const publicKeyFile = env['AUTH_PUBLIC_KEY_FILE']?.trim();
  let key: AuthConfig['key'] = { kind: 'dev-secret-file', path: path.join(dataDir, 'dev-token-secret') };
  if (secret !== undefined && publicKeyFile) {
    problem('AUTH_SECRET', 'give either AUTH_SECRET or AUTH_PUBLIC_KEY_FILE, not both.');
  } else if (secret !== undefined) {
    if (secret.length < 32) problem('AUTH_SECRET', `is ${secret.length} characters long: use at least 32 random characters.`);
    else key = { kind: 'secret', secret };
  } else if (publicKeyFile) {
    key = { kind: 'public-key-file', path: path.resolve(publicKeyFile) };
  } else if (production) {
    problem('AUTH_SECRET', 'production (NODE_ENV=production) needs AUTH_SECRET or AUTH_PUBLIC_KEY_FILE to verify bearer tokens.');
  }
  const auth: AuthConfig = {
    issuer: env['AUTH_ISSUER']?.trim() || 'registro-acuerdos',
    audience: env['AUTH_AUDIENCE']?.trim() || 'registro-acuerdos-api',
    key,
  };

  const rawLogLevel = env['LOG_LEVEL']?.trim().toLowerCase() || 'info';
  let logLevel: LogLevel = 'info';
  if (isLogLevel(rawLogLevel)) logLevel = rawLogLevel;
  else problem('LOG_LEVEL', `"${env['LOG_LEVEL']?.trim()}" is not a log level: use one of ${LOG_LEVELS.join(', ')}, e.g. LOG_LEVEL=info.`);

  // Synthetic agreements must never land in a production registry by accident: there, only on request.
  const rawDemoData = env['DEMO_DATA']?.trim().toLowerCase() || (production ? 'off' : 'on');
  if (rawDemoData !== 'on' && rawDemoData !== 'off') problem('DEMO_DATA', `"${env['DEMO_DATA']?.trim()}" is not a choice: use DEMO_DATA=on (load the demo registry on a first start) or DEMO_DATA=off.`);
  const demoData = rawDemoData !== 'off';

  const rawRateLimit = env['RATE_LIMIT_PER_SECOND']?.trim() || '50';
  const rateLimitPerSecond = Number(rawRateLimit);
  if (!/^\d+$/.test(rawRateLimit) || rateLimitPerSecond > 1_000_000) {
    problem('RATE_LIMIT_PER_SECOND', `"${rawRateLimit}" is not a rate: use a whole number of requests per second up to 1000000, or 0 for no limit, e.g. RATE_LIMIT_PER_SECOND=50.`);
  }

  const wholeNumber = (variable: 'HISTORY_SNAPSHOT_EVERY' | 'HISTORY_SNAPSHOTS_KEPT', fallback: number, min: number, max: number, what: string): number => {
    const raw = env[variable]?.trim() || String(fallback);
    const value = Number(raw);
    if (/^\d+$/.test(raw) && value >= min && value <= max) return value;
    problem(variable, `"${raw}" is not ${what}: use a whole number from ${min} to ${max}, e.g. ${variable}=${fallback}.`);
    return fallback;
  };
  const history: HistoryConfig = {
    everyEvents: wholeNumber('HISTORY_SNAPSHOT_EVERY', DEFAULT_HISTORY.everyEvents, 1_000, 10_000_000, 'a number of events'),
    keep: wholeNumber('HISTORY_SNAPSHOTS_KEPT', DEFAULT_HISTORY.keep, 2, 1_000, 'a number of snapshots'),
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return { port, host, production, store, auth, logLevel, demoData, rateLimitPerSecond, history };
};
