import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { DateTime } from 'luxon';
import { startRegistry, type RunningRegistry } from '../../src/app/registry';
import { loadConfig } from '../../src/config/config';
import { dashboardRoutes } from '../../src/dashboard/dashboardRoutes';
import { createLogger } from '../../src/observability/logger';

describe('the dashboard as the registry serves it', () => {
  let dataDir: string;
  let registry: RunningRegistry;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-dashboard-'));
    registry = await startRegistry(loadConfig({ PORT: '0', DATA_DIR: dataDir }), { clock: () => DateTime.utc(2025, 6, 15), log: () => undefined, processMetrics: false });
    await registry.caughtUp;
  });
  afterAll(async () => {
    await registry.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const assetsOf = (html: string) => ({
    script: /<script type="module" src="(\/assets\/dashboard-[\w-]+\.js)"><\/script>/.exec(html)?.[1],
    stylesheet: /<link rel="stylesheet" href="(\/assets\/dashboard-[\w-]+\.css)">/.exec(html)?.[1],
  });

  it('answers / with the Spanish page shell, no inline script, and a CSP that forbids one', async () => {
    const response = await fetch(`${registry.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    const html = await response.text();
    expect(html).toContain('<html lang="es-MX">');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(assetsOf(html).script).toBeDefined();
    expect(assetsOf(html).stylesheet).toBeDefined();
  });

  it('serves the bundled script and stylesheet under content-hashed names, cacheable for good', async () => {
    const { script, stylesheet } = assetsOf(await (await fetch(`${registry.url}/`)).text());
    const js = await fetch(`${registry.url}${script}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('cache-control')).toContain('immutable');
    const code = await js.text();
    // The map, the chart library and the client's own text are in the bundle: nothing from a CDN.
    expect(code).toContain('Panorama nacional');
    expect(code).toContain('Jalisco');
    expect(code).not.toMatch(/https?:\/\/(cdn|unpkg|fonts\.googleapis)/);
    const css = await fetch(`${registry.url}${stylesheet}`);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toContain('.map-state');
    const etag = js.headers.get('etag') ?? '';
    expect((await fetch(`${registry.url}${script}`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(`${registry.url}/assets/dashboard-NOPE.js`)).status).toBe(404);
  });

  it.each(['/auditoria', '/acuerdos/6f1f5a4e-2c3b-4d5e-8f90-a1b2c3d4e5f6', '/entidades/14', '/entidades/14039'])('answers the client route %s with the same shell', async (route) => {
    const response = await fetch(`${registry.url}${route}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="app">');
  });

  it('leaves every other path to its own handler', async () => {
    const graphql = await fetch(`${registry.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ registryStatus { caughtUp } }' }) });
    expect(await graphql.json()).toEqual({ data: { registryStatus: { caughtUp: true } } });
    const getGraphql = await fetch(`${registry.url}/graphql?query=%7B__typename%7D`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await getGraphql.json()).toEqual({ data: { __typename: 'Query' } });
    expect(await (await fetch(`${registry.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${registry.url}/readyz`)).headers.get('content-type')).toMatch(/^application\/json/);
    expect(await (await fetch(`${registry.url}/metrics`)).text()).toMatch(/^# HELP/m);
    for (const other of ['/export', '/nope', '/acuerdos/', '/entidades/jalisco']) {
      const response = await fetch(`${registry.url}${other}`);
      expect({ other, status: response.status }).toEqual({ other, status: 404 });
      expect(await response.text()).not.toContain('<div id="app">');
    }
  });

  it("answers a browser's unknown path with the shell and 404, so the dashboard says the page does not exist in Spanish", async () => {
    const browser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    for (const other of ['/nada', '/entidades/1', '/acuerdos/']) {
      const response = await fetch(`${registry.url}${other}`, { headers: browser });
      expect({ other, status: response.status }).toEqual({ other, status: 404 });
      expect(await response.text()).toContain('<div id="app">');
    }
  });

  it('answers 503 in words, and keeps the API up, when the bundle cannot be built', async () => {
    const app = express();
    const lines: string[] = [];
    app.use(dashboardRoutes({ logger: createLogger({ level: 'info', sink: (line) => lines.push(line) }), bundle: Promise.reject(new Error('esbuild failed')) }));
    app.get('/healthz', (_request, response) => void response.json({ status: 'ok' }));
    const server = app.listen(0);
    try {
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      const response = await fetch(`${base}/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('El tablero no está disponible');
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect(lines.some((line) => line.includes('could not be bundled'))).toBe(true);
    } finally {
      server.close();
    }
  });
});
