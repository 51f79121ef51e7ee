import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { CONFIG_VARIABLES } from '../../src/config/config';

export const ROOT = path.resolve(__dirname, '../..');

export interface ScriptRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment a user's shell would give: none of the registry's variables but those given. */
const environment = (env: Readonly<Record<string, string>>): NodeJS.ProcessEnv => {
  const clean: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
  for (const name of Object.keys(CONFIG_VARIABLES)) if (name !== 'LOG_LEVEL') delete clean[name];
  return { ...clean, ...env };
};

/** `npm run <script>` is `tsx <file>`: the same, in one process, so signals reach it directly. */
const spawnScript = (file: string, args: readonly string[], env: Readonly<Record<string, string>>): ChildProcessWithoutNullStreams =>
  spawn(process.execPath, ['--import', 'tsx', file, ...args], { cwd: ROOT, env: environment(env) });

/** Runs a script (path from the repository root) to its end. */
export const runScript = (file: string, args: readonly string[] = [], env: Readonly<Record<string, string>> = {}): Promise<ScriptRun> =>
  new Promise((resolve, reject) => {
    const child = spawnScript(file, args, env);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });

export interface RunningService {
  /** The banner (stdout up to its last line). */
  readonly banner: string;
  readonly url: string;
  /** stderr so far (progress lines, JSON log). */
  stderr(): string;
  /** SIGTERM, then the exit code once it has drained and closed the store. */
  stop(): Promise<number | null>;
}

/** `npm start -- <args>`: resolves once the banner is printed, rejects if the process ends first. */
export const startService = (args: readonly string[], env: Readonly<Record<string, string>>): Promise<RunningService> =>
  new Promise((resolve, reject) => {
    const child = spawnScript('src/main.ts', args, { PORT: '0', ...env });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((done) => child.once('close', done));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // The banner's last line names the scripts.
      if (!/scripts: .*\n/.test(stdout)) return;
      const url = /^Registry listening on (http:\/\/\S+) /m.exec(stdout)?.[1];
      if (!url) return reject(new Error(`No URL in the banner:\n${stdout}`));
      resolve({
        banner: stdout,
        url,
        stderr: () => stderr,
        stop: async () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then((code) => reject(new Error(`The service exited (${code}) before its banner:\n${stdout}\n${stderr}`)));
  });

/** POSTs a GraphQL query, with a bearer token when given. */
export const graphql = async (url: string, query: string, token?: string): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
};
