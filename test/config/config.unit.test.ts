import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/config';

describe('loadConfig', () => {
  it('defaults to the embedded store under ./data on port 4000', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      production: false,
      store: { kind: 'sqlite', dataDir: path.resolve('./data') },
      auth: {
        issuer: 'registro-acuerdos',
        audience: 'registro-acuerdos-api',
        key: { kind: 'dev-secret-file', path: path.resolve('./data/dev-token-secret') },
      },
      logLevel: 'info',
      demoData: true,
      rateLimitPerSecond: 50,
      history: { everyEvents: 50_000, keep: 24 },
    });
  });

  it('takes EventStoreDB with its connection string', () => {
    const config = loadConfig({
      PORT: '8080',
      DATA_DIR: '/var/lib/registry',
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
    });
    expect(config.port).toBe(8080);
    expect(config.store).toEqual({
      kind: 'eventstoredb',
      connectionString: 'esdb://localhost:2113?tls=false',
      dataDir: '/var/lib/registry',
    });
  });

  it('reports every bad variable at once, each with what to do', () => {
    const attempt = () => loadConfig({ PORT: '80a', EVENT_STORE: 'postgres' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        { variable: 'PORT', message: expect.stringContaining('whole number from 1 to 65535') },
        { variable: 'EVENT_STORE', message: expect.stringContaining('use "sqlite" (embedded) or "eventstoredb"') },
      ]);
    }
  });

  it('takes a configured signing key and never uses a development secret in production', () => {
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 's'.repeat(32) })).toMatchObject({ production: true, auth: { key: { kind: 'secret', secret: 's'.repeat(32) } } });
    expect(loadConfig({ NODE_ENV: 'production', AUTH_PUBLIC_KEY_FILE: 'keys/issuer.pem' }).auth.key).toEqual({ kind: 'public-key-file', path: path.resolve('keys/issuer.pem') });
  });

  it('takes the log level, in any case', () => {
    expect(loadConfig({ LOG_LEVEL: ' WARN ' }).logLevel).toBe('warn');
    expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
  });

  it('loads the demo registry on a first start unless DEMO_DATA=off', () => {
    expect(loadConfig({ DEMO_DATA: 'on' }).demoData).toBe(true);
    expect(loadConfig({ DEMO_DATA: ' OFF ' }).demoData).toBe(false);
    expect(loadConfig({}).demoData).toBe(true);
  });

  it('never loads demo data in production unless asked to', () => {
    const production = { NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) };
    expect(loadConfig(production).demoData).toBe(false);
    expect(loadConfig({ ...production, DEMO_DATA: 'on' }).demoData).toBe(true);
  });

  it('takes the rate limit per caller, 0 turning it off', () => {
    expect(loadConfig({ RATE_LIMIT_PER_SECOND: ' 200 ' }).rateLimitPerSecond).toBe(200);
    expect(loadConfig({ RATE_LIMIT_PER_SECOND: '0' }).rateLimitPerSecond).toBe(0);
  });

  it('takes how history snapshots are spaced and how many are kept', () => {
    expect(loadConfig({ HISTORY_SNAPSHOT_EVERY: '100000', HISTORY_SNAPSHOTS_KEPT: ' 8 ' }).history).toEqual({ everyEvents: 100_000, keep: 8 });
  });

  it.each([
    [{ HISTORY_SNAPSHOT_EVERY: '999' }, 'HISTORY_SNAPSHOT_EVERY'],
    [{ HISTORY_SNAPSHOT_EVERY: '50k' }, 'HISTORY_SNAPSHOT_EVERY'],
    [{ HISTORY_SNAPSHOTS_KEPT: '1' }, 'HISTORY_SNAPSHOTS_KEPT'],
    [{ HISTORY_SNAPSHOTS_KEPT: '1001' }, 'HISTORY_SNAPSHOTS_KEPT'],
    [{ RATE_LIMIT_PER_SECOND: '-5' }, 'RATE_LIMIT_PER_SECOND'],
    [{ RATE_LIMIT_PER_SECOND: '2.5' }, 'RATE_LIMIT_PER_SECOND'],
    [{ RATE_LIMIT_PER_SECOND: 'off' }, 'RATE_LIMIT_PER_SECOND'],
    [{ PORT: '-1' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ EVENT_STORE: 'eventstoredb' }, 'EVENTSTORE_CONNECTION_STRING'],
    [{ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'http://localhost:2113' }, 'EVENTSTORE_CONNECTION_STRING'],
    [{ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false&throwOnAppendFailure=false' }, 'EVENTSTORE_CONNECTION_STRING'],
    [{ NODE_ENV: 'production' }, 'AUTH_SECRET'],
    [{ AUTH_SECRET: 'short' }, 'AUTH_SECRET'],
    [{ AUTH_SECRET: 'x'.repeat(40), AUTH_PUBLIC_KEY_FILE: '/k.pem' }, 'AUTH_SECRET'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    [{ DEMO_DATA: 'no' }, 'DEMO_DATA'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ variable })] }));
  });
});
