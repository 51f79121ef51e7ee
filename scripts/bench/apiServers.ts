/**
 * The servers under test, each in its own process, and what the load generator needs to talk to
 * them: tokens signed with the server's development secret, and GraphQL over HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { resolveTokenSettings } from '../../src/access/tokenSettings';
import { mintToken } from '../../src/access/tokens';
import { loadConfig } from '../../src/config/config';

const root = path.resolve(__dirname, '..', '..');

export interface ServerUnderTest {
  /** The GraphQL endpoint (http://…/graphql). */
  readonly endpoint: string;
  /** From spawning to ready (read models caught up). */
  readonly startSeconds: number;
  stop(): Promise<void>;
}

/**
 * `registry`: the real server (src/main.ts, as `npm start` runs it). `bare`: graphql-js over
 * node:http with the same schema, resolvers and context (bareGraphqlServer.ts). The rate limit is
 * off in both (RATE_LIMIT_PER_SECOND=0): 50 clients from one address would otherwise be throttled.
 */
export const startServer = async (kind: 'registry' | 'bare', dataDir: string): Promise<ServerUnderTest> => {
  const started = performance.now();
  const script = kind === 'registry' ? 'src/main.ts' : 'scripts/bench/bareGraphqlServer.ts';
  // A young generation of 64 MB semi-spaces (16 MB by default): with ~3 GB of read models in the
  // old generation every scavenge costs ~8 ms whatever it frees, so fewer, larger ones cost less
  // (about a tenth less CPU per request at 100k agreements). Recommended for deployments too.
  const child = spawn(process.execPath, ['--import', 'tsx', '--max-old-space-size=8192', '--max-semi-space-size=64', '--initial-old-space-size=1024', path.join(root, script)], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_PER_SECOND: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderrTail: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderrTail.push(...chunk.split('\n').filter(Boolean));
    stderrTail.splice(0, Math.max(0, stderrTail.length - 20));
  });
  const stop = () => stopChild(child);
  try {
    const pattern = kind === 'registry' ? /Registry listening on (http:\/\/\S+)/ : /BARE_URL (http:\/\/\S+)/;
    const found = await lineMatching(child, pattern);
    if (kind === 'registry') {
      await untilReady(`${found}/readyz`, child);
      return { endpoint: `${found}/graphql`, startSeconds: (performance.now() - started) / 1000, stop };
    }
    return { endpoint: found, startSeconds: (performance.now() - started) / 1000, stop };
  } catch (error) {
    await stop();
    throw new Error(`${kind} server failed to start: ${error instanceof Error ? error.message : String(error)}\n${stderrTail.join('\n')}`);
  }
};

const lineMatching = (child: ChildProcess, pattern: RegExp): Promise<string> =>
  new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const match = pattern.exec(buffered);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited with code ${code}`)));
  });

/** The registry listens at once and says on /readyz when its read models have caught up (a first start rebuilds them). */
const untilReady = async (url: string, child: ChildProcess): Promise<void> => {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    const ready = await fetch(url).then((response) => response.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};

/** SIGTERM: the server drains and writes its read-model snapshot, so the next start is fast. */
const stopChild = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/** A bearer token the servers on `dataDir` accept (signed with the development secret kept there). */
export const tokenFor = async (dataDir: string, role: 'parliament' | 'subnational', entities?: readonly string[]): Promise<string> => {
  const settings = resolveTokenSettings(loadConfig({ DATA_DIR: dataDir }).auth);
  if (settings.key.kind !== 'secret') throw new Error('Expected the development secret of the data directory.');
  return mintToken({ ...settings, key: settings.key }, { sub: `bench-${role}`, role, ...(entities ? { entities: [...entities] } : {}) }, '1d');
};

export interface GraphQLAnswer<T> {
  readonly data?: T;
  readonly errors?: readonly { readonly message: string }[];
}

/** One GraphQL request; throws on errors, so the benchmark never measures a failing query. */
export const graphql = async <T>(endpoint: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as GraphQLAnswer<T>;
  if (!response.ok || answer.errors?.length || answer.data === undefined) throw new Error(`GraphQL request failed (${response.status}): ${JSON.stringify(answer.errors ?? answer)}`);
  return answer.data;
};
