import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/** One file the dashboard serves under /assets/, its name carrying a hash of its content. */
export interface DashboardAsset {
  readonly contentType: string;
  readonly body: Buffer;
  /** Strong validator: the content hash. */
  readonly etag: string;
}

/** The bundled dashboard: the page shell and its assets, held in memory. */
export interface DashboardBundle {
  readonly indexHtml: string;
  /** By file name (e.g. `dashboard-3KX7C2QA.js`). */
  readonly assets: ReadonlyMap<string, DashboardAsset>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Where the client's sources are: next to this file when run from src/ (tsx, ts-jest), or back in
 * src/ when run from the compiled dist/ (tsc does not emit the client, esbuild bundles it).
 */
export const clientDirectory = (): string => {
  const candidates = [path.join(__dirname, 'client'), path.resolve(__dirname, '../../../src/dashboard/client')];
  const found = candidates.find((directory) => fs.existsSync(path.join(directory, 'main.tsx')));
  if (!found) throw new Error(`The dashboard's sources (main.tsx) are in none of: ${candidates.join(', ')}.`);
  return found;
};

/**
 * Bundles the client (Preact, Chart.js, the map, graphql-ws) with esbuild, in memory, once. The
 * output names carry content hashes, so browsers may cache them for good and a new build is never
 * mixed with an old one. Everything is served by the registry itself: no CDN, works offline.
 */
export const buildDashboardBundle = async (directory: string = clientDirectory()): Promise<DashboardBundle> => {
  const result = await build({
    entryPoints: [path.join(directory, 'main.tsx')],
    absWorkingDir: directory,
    bundle: true,
    write: false,
    outdir: path.join(directory, 'out'),
    entryNames: 'dashboard-[hash]',
    format: 'esm',
    platform: 'browser',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const assets = new Map<string, DashboardAsset>();
  for (const file of result.outputFiles) {
    const name = path.basename(file.path);
    const body = Buffer.from(file.contents);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    assets.set(name, { contentType: CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream', body, etag });
  }
  const script = [...assets.keys()].find((name) => name.endsWith('.js'));
  const stylesheet = [...assets.keys()].find((name) => name.endsWith('.css'));
  if (!script || !stylesheet) throw new Error(`The dashboard bundle lacks its script or stylesheet: ${[...assets.keys()].join(', ')}.`);
  return { indexHtml: pageShell(`/assets/${script}`, `/assets/${stylesheet}`), assets };
};

/** The one HTML page every dashboard path answers with; no inline script or style (see the CSP). */
const pageShell = (script: string, stylesheet: string): string => `<!doctype html>
<html lang="es-MX">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Registro nacional de acuerdos interinstitucionales de estados y municipios: panorama, auditoría, historial de cada acuerdo.">
<title>Registro de Acuerdos Interinstitucionales</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${stylesheet}">
<script type="module" src="${script}"></script>
</head>
<body>
<div id="app"><p class="boot">Cargando el tablero…</p></div>
<noscript><p class="boot">Este tablero necesita JavaScript. Los mismos datos están en la API GraphQL: POST /graphql.</p></noscript>
</body>
</html>
`;

const builds = new Map<string, Promise<DashboardBundle>>();

/**
 * The bundle of `directory`, built at most once per process: the sources do not change while it
 * runs, and a process that starts several registries (the end-to-end tests) need not pay esbuild
 * each time. A failed build is forgotten, so a later start tries again.
 */
export const dashboardBundle = (directory: string = clientDirectory()): Promise<DashboardBundle> => {
  let built = builds.get(directory);
  if (built === undefined) {
    built = buildDashboardBundle(directory);
    builds.set(directory, built);
    built.catch(() => builds.delete(directory));
  }
  return built;
};
