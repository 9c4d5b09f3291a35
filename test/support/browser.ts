/**
 * Browser test harness: the real Wellcheck server (API and built screens) listening on a free
 * port over a fresh in-memory PGlite with the demo organisation, driven by Debian's Chromium
 * through playwright-core. No browser is ever downloaded: CHROMIUM_PATH (default
 * /usr/bin/chromium) must exist; scripts/test.mjs skips test/e2e when it does not.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Deps } from '../../src/app/deps.ts';
import type { Db } from '../../src/db/port.ts';
import { ensureDemo } from '../../src/demo/load.ts';
import { DEMO_PASSWORD } from '../../src/demo/organisation.ts';
import { systemClock, type Clock } from '../../src/domain/time/clock.ts';
import { buildServer } from '../../src/http/server.ts';
import { makeDb } from './db.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const WEB_DIST_INDEX = join(ROOT, 'dist/web/index.html');
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Flags that keep Chromium quiet and offline: no sandbox (containers), no GPU, no background
// fetches or updates, so a test run never reaches the network.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Newest modification time among the files the screens are built from. */
function newestSource(): number {
  const walk = (dir: string): number =>
    readdirSync(dir).reduce((max, name) => {
      const p = join(dir, name);
      const st = statSync(p);
      return Math.max(max, st.isDirectory() ? walk(p) : st.mtimeMs);
    }, 0);
  // Screens import pure rules and labels from src/domain (the role table, protocol content).
  return Math.max(walk(join(ROOT, 'src/web')), walk(join(ROOT, 'src/domain')));
}

/**
 * Builds dist/web with Vite when it is missing or older than its sources. A lock directory
 * stops two test processes on this machine from building over each other.
 */
export function ensureWebBuilt(): void {
  const fresh = () => existsSync(WEB_DIST_INDEX) && statSync(WEB_DIST_INDEX).mtimeMs >= newestSource();
  if (fresh()) return;
  const lock = join(ROOT, 'dist/.web-build.lock');
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another process is building; a lock older than three minutes is from a crashed run.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lock}`);
      execFileSync('sleep', ['1']);
    }
  }
  try {
    if (!fresh()) {
      execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'src/web/vite.config.ts', '--logLevel', 'error'], {
        cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'],
      });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export type BrowserHarness = {
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  app: FastifyInstance;
  db: Db;
  deps: Deps;
  browser: Browser;
  /** A fresh browser context (its own cookies) and a page in it. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
};

export type HarnessOptions = {
  /** Defaults to the system clock (sessions expire in real time). */
  clock?: Clock;
  /** Also run the background engine in-process, as `npm start` does. */
  engine?: boolean;
};

/** Starts the server over a fresh demo database and launches Chromium. */
export async function startBrowserHarness(options: HarnessOptions = {}): Promise<BrowserHarness> {
  ensureWebBuilt();
  const db = await makeDb('pglite');
  const deps: Deps = { db, clock: options.clock ?? systemClock, config: { SECURE_COOKIES: 'off' } };
  await ensureDemo(deps, () => undefined);
  const stopEngine = options.engine ? await (await import('../../src/engine/start.ts')).startEngine(deps, () => undefined) : undefined;
  const app = await buildServer(deps, { logLevel: 'warn', serveWeb: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not report its port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  } catch (err) {
    await app.close();
    await stopEngine?.();
    await db.close();
    throw err;
  }
  const contexts: BrowserContext[] = [];
  return {
    baseUrl, app, db, deps, browser,
    async newPage() {
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'en-GB', timezoneId: 'Europe/London' });
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await app.close();
      await stopEngine?.();
      await db.close();
    },
  };
}

/** Signs in through the real sign-in form and waits for the signed-in shell. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

export type AxeViolation = { id: string; impact: string; help: string; nodes: string[] };

/**
 * Runs axe-core (WCAG 2.x A and AA rules) on the page as it is now and returns the serious
 * and critical violations; tests assert there are none.
 */
export async function checkAccessibility(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  // Injected through the debugging protocol rather than page.addScriptTag: an inline <script>
  // is (rightly) refused by Wellcheck's Content-Security-Policy, and the check should run on
  // the page as users get it, not with the policy switched off.
  if (!loaded) await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'unknown', help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
