import path from 'node:path';

/** Everything the process reads from its environment, validated once at start-up. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly store: StoreConfig;
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
  PORT: 'HTTP port (1-65535). Default 4000.',
  HOST: 'Interface to listen on. Default 127.0.0.1; use 0.0.0.0 in a container.',
  DATA_DIR: 'Directory for the embedded store file and read-model snapshots. Default ./data.',
  EVENT_STORE: 'Which event store: "sqlite" (embedded, default) or "eventstoredb".',
  EVENTSTORE_CONNECTION_STRING:
    'EventStoreDB/KurrentDB connection string (esdb:// or esdb+discover://); required when EVENT_STORE=eventstoredb.',
} as const;

type Env = Readonly<Record<string, string | undefined>>;

/** Reads every variable and reports all problems at once, so one restart fixes them all. */
export const loadConfig = (env: Env): Config => {
  const problems: ConfigProblem[] = [];
  const problem = (variable: keyof typeof CONFIG_VARIABLES, message: string) => problems.push({ variable, message });

  const rawPort = env['PORT']?.trim() || '4000';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port < 1 || port > 65_535) {
    problem('PORT', `"${rawPort}" is not a port number: use a whole number from 1 to 65535, e.g. PORT=4000.`);
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
    } else {
      store = { kind: 'eventstoredb', connectionString, dataDir };
    }
  } else if (storeKind !== 'sqlite') {
    problem('EVENT_STORE', `"${storeKind}" is not a store: use "sqlite" (embedded) or "eventstoredb".`);
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return { port, host, store };
};
