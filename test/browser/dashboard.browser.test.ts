import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AgreementId } from '../../src/agreements/agreementTypes';
import { date, openedData } from '../agreements/agreementFixtures';
import { startBrowserRegistry, type BrowserRegistry } from './support/browserRegistry';

/*
 * The dashboard in a real browser (Debian's chromium driven by playwright-core) against the real
 * service: the figures it shows are the API's, it updates live without a reload (and resumes
 * after the service restarts), the audit needs a token, the agreement page travels back in time,
 * the map works with the keyboard. Screenshots go to docs/screenshots/ for the README.
 */

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots');

const STATISTICS = `{ statistics { total signed withoutPriorityRegion scope byState { key count } byStatus { status count } } }`;

interface Statistics {
  readonly total: number;
  readonly signed: number;
  readonly withoutPriorityRegion: number;
  readonly scope: string;
  readonly byState: readonly { key: string; count: number }[];
  readonly byStatus: readonly { status: string; count: number }[];
}

describe('the dashboard in a browser', () => {
  let registry: BrowserRegistry;
  let browser: Browser;
  let context: BrowserContext;
  let parliament: string;
  /** Console errors, failed scripts and CSP violations of the pages: there must be none. */
  let problems: string[] = [];

  const watch = (page: Page): Page => {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    return page;
  };
  const newPage = async (): Promise<Page> => watch(await context.newPage());
  const kpi = (page: Page, id: string) => page.locator(`[data-kpi="${id}"]`);
  const numberIn = async (page: Page, selector: string): Promise<number> => Number((await page.locator(selector).first().textContent())?.replace(/[^\d]/g, ''));
  /** Waits until an element matching `selector` has exactly `text` as its text. */
  const waitForText = (page: Page, selector: string, text: string) => page.locator(selector).filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first().waitFor();
  /** Polls `read` until it returns `expected` (the dashboard updates asynchronously). */
  const eventually = async <T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    let value = await read();
    while (value !== expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      value = await read();
    }
    expect(value).toBe(expected);
  };
  const rows = (page: Page, table: string) => page.locator(`table[data-table="${table}"] tbody tr`).count();
  /** The top of the page, at most `height` pixels: what a reader sees first, and a small PNG. */
  const screenshot = async (page: Page, name: string, height = 2200) => {
    const full = Number(await page.evaluate('document.documentElement.scrollHeight'));
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, clip: { x: 0, y: 0, width: 1366, height: Math.min(full, height) } });
  };

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    registry = await startBrowserRegistry();
    parliament = await registry.token('parliament', 'senado@dev.registro');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Without the background-networking flags chromium's own connections are refused here.
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await registry?.stop();
  });
  beforeEach(async () => {
    // A fresh profile per test: no sessionStorage (token) carried over.
    context = await browser.newContext({ locale: 'es-MX', timezoneId: 'America/Mexico_City', viewport: { width: 1366, height: 900 } });
    problems = [];
  });
  afterEach(async () => {
    await context.close();
    expect(problems).toEqual([]);
  });

  it('shows the public the same figures as the API, state by state on the map', async () => {
    const { statistics } = await registry.graphql<{ statistics: Statistics }>(STATISTICS);
    const page = await newPage();
    await page.goto(`${registry.url()}/`);
    await expect(kpi(page, 'total').textContent()).resolves.toBe(statistics.total.toLocaleString('es-MX'));
    expect(await page.locator('[data-scope]').getAttribute('data-scope')).toBe('PUBLISHED');
    expect(await numberIn(page, '[data-kpi="signed"]')).toBe(statistics.signed);
    expect(await numberIn(page, '[data-kpi="withoutPriorityRegion"]')).toBe(statistics.withoutPriorityRegion);
    expect(await numberIn(page, '[data-kpi="inForce"]')).toBe(statistics.byStatus.find((row) => row.status === 'IN_FORCE')?.count);
    await page.locator('[data-session="public"]').waitFor();

    const states = page.locator('a.map-state');
    expect(await states.count()).toBe(32);
    for (const { key, count } of statistics.byState) {
      expect({ key, shown: await page.locator(`a.map-state[data-state="${key}"]`).getAttribute('data-count') }).toEqual({ key, shown: String(count) });
      expect({ key, table: await page.locator(`td[data-state="${key}"]`).getAttribute('data-value') }).toEqual({ key, table: String(count) });
    }
    const jalisco = statistics.byState.find((row) => row.key === '14')?.count ?? 0;
    expect(await page.locator('a.map-state[data-state="14"]').getAttribute('aria-label')).toBe(`Jalisco: ${jalisco} ${jalisco === 1 ? 'acuerdo' : 'acuerdos'}`);
    await screenshot(page, 'panorama-publico');
  });

  it('takes the token from the address, shows who is signed in, and updates live when a command is recorded', async () => {
    const page = await newPage();
    await page.goto(`${registry.url()}/#token=${parliament}`);
    await page.locator('[data-session="parliament"]').waitFor();
    // The token left the address bar (and so the history) for sessionStorage.
    expect(page.url()).toBe(`${registry.url()}/`);
    expect(await page.evaluate('Object.values(sessionStorage)')).toContain(parliament);
    await expect(page.locator('.session-who').textContent()).resolves.toBe('senado@dev.registro');

    const before = (await registry.graphql<{ statistics: Statistics }>(STATISTICS, undefined, parliament)).statistics;
    expect(before.scope).toBe('ALL');
    await page.locator('[data-live="live"]').waitFor();
    await expect(kpi(page, 'total').textContent()).resolves.toBe(before.total.toLocaleString('es-MX'));
    const jaliscoBefore = before.byState.find((row) => row.key === '14')?.count ?? 0;
    await page.evaluate('window.notReloaded = true');

    const title = 'Acuerdo de cooperación cultural entre el Estado de Jalisco y el Estado Libre de Baviera';
    const jalisco = await registry.token('subnational', 'enlace@jalisco.gob.mx', ['14']);
    const opened = await registry.graphql<{ openAgreement: { agreementId: string; position: string } }>(
      `mutation Open($commandId: ID!, $agreementId: ID!, $input: OpenAgreementInput!) {
        openAgreement(commandId: $commandId, agreementId: $agreementId, input: $input) { agreementId position }
      }`,
      {
        commandId: randomUUID(),
        agreementId: randomUUID(),
        input: {
          kind: 'COOPERATION_AGREEMENT',
          title,
          themes: ['culture'],
          languages: ['es', 'de'],
          parties: [{ level: 'STATE', code: '14', agency: 'Secretaría de Relaciones Exteriores del Estado de Jalisco' }],
          counterparts: [{ kind: 'FOREIGN_SUBNATIONAL_GOVERNMENT', name: 'Estado Libre de Baviera', country: 'DE', subdivision: 'DE-BY' }],
          openedOn: '2025-06-14',
        },
      },
      jalisco,
    );

    // The live feed shows the event, the figures and the map follow, and the page never reloaded.
    const item = page.locator(`.feed-item.is-live[data-agreement="${opened.openAgreement.agreementId}"]`);
    await item.waitFor();
    // The title is fetched after the event arrives: wait for it rather than read it at once.
    await eventually(() => item.locator('.feed-title').textContent(), title);
    await expect(item.locator('.feed-type').textContent()).resolves.toBe('Apertura del expediente');
    await waitForText(page, '[data-kpi="total"]', (before.total + 1).toLocaleString('es-MX'));
    await page.locator(`a.map-state[data-state="14"][data-count="${jaliscoBefore + 1}"]`).waitFor();
    expect(await page.evaluate('window.notReloaded')).toBe(true);
    const after = (await registry.graphql<{ statistics: Statistics }>(STATISTICS, undefined, parliament)).statistics;
    await expect(kpi(page, 'total').textContent()).resolves.toBe(after.total.toLocaleString('es-MX'));
    await screenshot(page, 'panorama');

    // Signing out forgets the token and shows the public figures, still without a reload.
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.locator('[data-session="public"]').waitFor();
    expect(await page.evaluate('Object.values(sessionStorage)')).toEqual([]);
    await page.locator('[data-scope="PUBLISHED"]').waitFor();
    expect(await page.evaluate('window.notReloaded')).toBe(true);
  });

  it('ends a session whose token expires while the dashboard is open, says so in Spanish, and shows the public registry', async () => {
    const shortLived = await registry.token('parliament', 'senado@dev.registro', undefined, '4s');
    const page = await newPage();
    await page.goto(`${registry.url()}/#token=${shortLived}`);
    await page.locator('[data-session="parliament"]').waitFor();
    await page.locator('[data-live="live"]').waitFor();
    // The server closes the live connection when the token expires (4401): no endless reconnecting.
    await page.getByText('La sesión venció o ya no es válida').waitFor({ timeout: 15_000 });
    expect(await page.evaluate('Object.values(sessionStorage)')).not.toContain(shortLived);
    await page.locator('[data-session="parliament"]').waitFor({ state: 'detached' });
    await page.locator('[data-live="live"]').waitFor();
  });

  it('says in Spanish why an agreement cannot be shown, and refuses a day typed after today', async () => {
    const page = await newPage();
    await page.goto(`${registry.url()}/acuerdos/00000000-0000-4000-8000-000000000000`);
    await page.getByText('No hay un acuerdo con ese identificador').waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/does not exist/);
    const { agreements } = await registry.graphql<{ agreements: { edges: { node: { agreementId: string } }[] } }>('{ agreements(first: 1, filter: { statuses: [IN_FORCE] }) { edges { node { agreementId } } } }');
    await page.goto(`${registry.url()}/acuerdos/${agreements.edges[0]!.node.agreementId}`);
    await page.getByLabel('Registro al').fill('2099-01-01');
    await page.getByLabel('Registro al').evaluate((field) => (field as unknown as { blur(): void }).blur());
    await page.getByText('Elija un día entre el').waitFor();
    expect(await page.locator('[data-as-of]').count()).toBe(0);
  });

  it('resumes the live feed after the service restarts, with what was recorded while it was away', async () => {
    const page = await newPage();
    await page.goto(`${registry.url()}/#token=${parliament}`);
    await page.locator('[data-live="live"]').waitFor();
    await page.locator('.feed-summary').waitFor();

    const agreementId = randomUUID() as AgreementId;
    const title = 'Hermanamiento Guadalajara–Kioto asentado durante la desconexión';
    await registry.restartRecording(
      { id: 'enlace@guadalajara.gob.mx', role: 'subnational', entityScope: ['14039'] },
      { type: 'OpenAgreement', agreementId, data: openedData({ agreementId, title, openedOn: date('2025-06-14') }) },
    );
    // graphql-ws reconnects by itself; registryEvents resubscribes after the last cursor it saw.
    const item = page.locator(`.feed-item.is-live[data-agreement="${agreementId}"]`);
    await item.waitFor({ timeout: 30_000 });
    // The title is fetched after the event arrives: wait for it rather than read it at once.
    await eventually(() => item.locator('.feed-title').textContent(), title);
    await page.locator('[data-live="live"]').waitFor();
    expect(await page.locator(`.feed-item[data-agreement="${agreementId}"]`).count()).toBe(1);
    // While the service was down the browser logged its refused WebSocket attempts: expected here.
    problems = problems.filter((problem) => !/WebSocket connection to .* failed/.test(problem));
  });

  it('explains that the audit needs a token, and shows the findings by rule and severity with one', async () => {
    const anonymous = await newPage();
    await anonymous.goto(`${registry.url()}/auditoria`);
    await anonymous.locator('[data-needs-token]').waitFor();
    await expect(anonymous.getByRole('heading', { name: 'La auditoría requiere una sesión' }).isVisible()).resolves.toBe(true);
    await anonymous.close();

    const page = await newPage();
    await page.goto(`${registry.url()}/#token=${parliament}`);
    await page.locator('[data-session="parliament"]').waitFor();
    await page.getByRole('link', { name: 'Auditoría' }).click();
    expect(page.url()).toBe(`${registry.url()}/auditoria`);

    const SUMMARY = `query ($filter: AuditFindingFilter) { auditSummary(filter: $filter) { open total byRule { rule open } } auditFindings(filter: $filter) { totalCount } }`;
    const national = await registry.graphql<{ auditSummary: { open: number; byRule: { rule: string; open: number }[] } }>(SUMMARY, {}, parliament);
    await waitForText(page, '[data-kpi="open"]', national.auditSummary.open.toLocaleString('es-MX'));
    for (const { rule, open } of national.auditSummary.byRule) {
      expect({ rule, shown: await page.locator(`tr[data-rule="${rule}"] td[data-value]`).getAttribute('data-value') }).toEqual({ rule, shown: String(open) });
    }
    await screenshot(page, 'auditoria');

    await page.getByLabel('Entidad federativa').selectOption('14');
    const jalisco = await registry.graphql<{ auditSummary: { open: number }; auditFindings: { totalCount: number } }>(SUMMARY, { filter: { states: ['14'] } }, parliament);
    await waitForText(page, '[data-kpi="open"]', jalisco.auditSummary.open.toLocaleString('es-MX'));
    expect(page.url()).toBe(`${registry.url()}/auditoria?entidad=14`);
    const firstFinding = page.locator('table[data-table="findings"] tbody tr a').first();
    const href = await firstFinding.getAttribute('href');
    expect(href).toMatch(/^\/acuerdos\//);
    await firstFinding.click();
    await page.waitForURL(`${registry.url()}${href}`);
    await page.locator('#historial-heading').waitFor();
  });

  it('shows an agreement with its full timeline, and as the registry stood on an earlier day', async () => {
    const { agreements } = await registry.graphql<{ agreements: { edges: { node: { agreementId: string; title: string; history: { recordedAt: string }[] } }[] } }>(
      `{ agreements(first: 20, filter: { statuses: [IN_FORCE] }, sort: { field: LAST_RECORDED_AT, direction: DESC }) { edges { node { agreementId title history { recordedAt } } } } }`,
      undefined,
      parliament,
    );
    const chosen = agreements.edges.map((edge) => edge.node).sort((a, b) => b.history.length - a.history.length)[0]!;
    const page = await newPage();
    await page.goto(`${registry.url()}/acuerdos/${chosen.agreementId}#token=${parliament}`);
    await page.getByRole('heading', { level: 1, name: chosen.title, exact: true }).waitFor();
    await page.locator('table[data-table="history"] tbody tr').first().waitFor();
    expect(await rows(page, 'history')).toBe(chosen.history.length);
    await screenshot(page, 'acuerdo');

    // A day in the middle of its recorded history, in Mexico City.
    const middle = chosen.history[Math.floor(chosen.history.length / 2)]!.recordedAt;
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date(middle));
    const { registryAsOf } = await registry.graphql<{ registryAsOf: { agreement: { history: unknown[]; findings: unknown[] } } }>(
      `query ($id: ID!, $instant: DateTime!) { registryAsOf(instant: $instant) { agreement(id: $id) { history { eventId } findings { findingId } } } }`,
      { id: chosen.agreementId, instant: new Date(`${day}T23:59:59.999-06:00`).toISOString() },
      parliament,
    );
    // Typed digit by digit, as a keyboard user does: the year passes through 0002, 0020, 0201, all
    // invalid, before the day. (Headless chromium lays the field out in its own UI language,
    // en-US here: month, day, year.)
    const [year, month, date] = day.split('-') as [string, string, string];
    await page.getByLabel('Registro al').focus();
    await page.getByLabel('Registro al').pressSequentially(`${month}${date}${year}`);
    expect(await page.getByLabel('Registro al').inputValue()).toBe(day);
    await page.locator(`[data-as-of="${day}"]`).getByText('Vista histórica').waitFor();
    const then = registryAsOf.agreement;
    await eventually(() => rows(page, 'history'), then.history.length);
    expect(then.history.length).toBeLessThan(chosen.history.length);
    // The findings are the audit's as it stood then.
    expect(await page.locator('[aria-labelledby="hallazgos-heading"] [data-finding]').count()).toBe(then.findings.length);
    await screenshot(page, 'acuerdo-historico');
    await page.getByRole('button', { name: 'Ver la situación actual' }).click();
    await eventually(() => rows(page, 'history'), chosen.history.length);
  });

  it("shows a state's portfolio and its progress on the six objectives", async () => {
    const { entities } = await registry.graphql<{ entities: { edges: { node: { code: string; name: string; agreementCount: number } }[] } }>(
      `{ entities(filter: { level: STATE, hasProfile: true }, first: 32) { edges { node { code name agreementCount } } } }`,
      undefined,
      parliament,
    );
    const state = entities.edges.map((edge) => edge.node).sort((a, b) => b.agreementCount - a.agreementCount)[0]!;
    const page = await newPage();
    await page.goto(`${registry.url()}/entidades/${state.code}#token=${parliament}`);
    await page.getByRole('heading', { level: 1, name: state.name, exact: true }).waitFor();
    await waitForText(page, '[data-kpi="agreementCount"]', state.agreementCount.toLocaleString('es-MX'));
    expect(await page.locator('li.objective').count()).toBe(6);
    await screenshot(page, 'entidad');

    // Without a token the objectives are reserved, and said to be.
    const anonymous = await newPage();
    await anonymous.goto(`${registry.url()}/entidades/${state.code}`);
    await anonymous.locator('[data-restricted="objectives"]').waitFor();
  });

  it('lets a keyboard user reach the states of the map, hear their counts and open one', async () => {
    const page = await newPage();
    await page.goto(`${registry.url()}/`);
    await page.locator('a.map-state').first().waitFor();
    const focus = page.locator(':focus');
    const focusedClass = async () => String(await page.evaluate("document.activeElement?.getAttribute('class') ?? ''"));
    let presses = 0;
    while (presses < 40 && !(await focusedClass()).includes('map-state')) {
      await page.keyboard.press('Tab');
      presses += 1;
    }
    expect(await focus.getAttribute('class')).toContain('map-state');
    expect(await focus.getAttribute('aria-label')).toMatch(/^[\p{L} .]+: \d+ acuerdos?$/u);
    await page.keyboard.press('Tab');
    const next = await focus.getAttribute('data-state');
    expect(next).toMatch(/^\d{2}$/);
    // The readout beside the map says the focused state's name.
    const name = (await focus.getAttribute('aria-label'))?.split(':')[0] ?? '';
    await waitForText(page, '.map-readout strong', name);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${registry.url()}/entidades/${next}`);
    // Focus moved to the new page's heading, as after a page load.
    await page.locator('h1:focus').filter({ hasText: name }).waitFor();
  });
});
