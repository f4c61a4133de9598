import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startApi, type TestApi } from '../support/api';

/** Debian's Chromium; Playwright's own browser download cannot work on these machines. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PHONE = { width: 390, height: 844 };
export const DESK = { width: 1440, height: 900 };
export const SCREENSHOTS = path.join(process.cwd(), 'artifacts', 'screenshots');

export interface ConsoleServer {
  api: TestApi;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/** The real API on a port (SQLite, Redis), serving the built console, and a headless Chromium. */
export async function startConsole(env: Record<string, string> = {}): Promise<ConsoleServer> {
  const api = await startApi('sqlite', env);
  await api.app.listen(0, '127.0.0.1');
  const { port } = api.app.getHttpServer().address() as AddressInfo;
  let browser: Browser;
  try {
    // Playwright gives every launch a fresh, empty user-data directory of its own.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-quic',
        '--disable-sync',
      ],
    });
  } catch (error) {
    await api.close();
    throw error;
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    api,
    base: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await api.close();
    },
  };
}

export async function newPage(
  server: ConsoleServer,
  viewport = DESK,
  lang = 'zh-CN',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await server.browser.newContext({
    viewport,
    locale: lang,
    timezoneId: 'Asia/Shanghai',
    hasTouch: viewport === PHONE,
    isMobile: viewport === PHONE,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return { context, page };
}

export async function login(
  page: Page,
  base: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole('button', { name: /登\s*录|Log in/ }).click();
  // Logged in once the header offers to log out (the URL is /app/ before and after).
  await page.getByRole('button', { name: /退出登录|Log out/ }).waitFor();
}

/** Uncaught errors in any page, reported when a journey fails. */
const pageErrors: string[] = [];

/** Runs a journey; on failure, a screenshot of every open page shows where it stopped. */
export async function journey(
  server: ConsoleServer,
  name: string,
  walk: () => Promise<void>,
): Promise<void> {
  try {
    await walk();
  } catch (error) {
    const pages = server.browser.contexts().flatMap((c) => c.pages());
    await Promise.all(pages.map((p, i) => shot(p, `FAILED-${name}-${i}`).catch(() => undefined)));
    if (pageErrors.length > 0 && error instanceof Error) {
      error.message += `\nerrors in the page:\n${pageErrors.join('\n')}`;
    }
    throw error;
  }
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core in the page: the serious and critical violations, named so a failure says what. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run()).violations;
  });
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}
