/**
 * Shared helpers for the browser tests: one Chromium per test file, a fresh context (clean sessionStorage) per test,
 * sign-in through the UI, an axe check that fails on any violation, and screenshots for the README.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const DEMO_PASSWORD = 'demo-password-1';

export const USERS = {
  admin: 'admin@example.org',
  allianceSupervisor: 'alliance.supervisor@example.org',
  pcnSupervisor: 'pcn.supervisor@example.org',
  /** Tom Bennett, PCN supervisor of Solent Coast PCN (Jamie Reid's). */
  pcnSupervisor2: 'pcn.supervisor2@example.org',
  ccc: 'ccc@example.org',
  cccTraining: 'ccc.training@example.org',
  cccOtherPcn: 'ccc2@example.org',
  /** NHS England's national viewer: the national figures only. */
  national: 'national@example.org',
} as const;

const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');
const SCREENSHOT_DIRS = [path.join(WORKSPACE_ROOT, 'screenshots'), path.join(WORKSPACE_ROOT, 'docs/screenshots')];

export const DESKTOP = { width: 1280, height: 900 };
export const MOBILE = { width: 375, height: 812 };

export function baseUrl(): string {
  const url = process.env.WEB_E2E_BASE_URL;
  if (!url) throw new Error('WEB_E2E_BASE_URL is not set: run the tests through apps/web-e2e/jest.config.cjs');
  return url;
}

export function url(pathname: string): string {
  return new URL(pathname, baseUrl()).toString();
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}. Install Debian's (apt-get install chromium) or set CHROMIUM_PATH; ` +
        'the tests never download a browser.',
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page and failed responses other than the ones a test expects. */
  problems: string[];
}

/** A new context per test: no sessionStorage, so no token, left over from another test. */
export async function openPage(browser: Browser, viewport = DESKTOP): Promise<TestPage> {
  const context = await browser.newContext({
    viewport,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`${response.status()} from ${response.url()}`);
  });
  return { context, page, problems };
}

/** Signs in through the form and waits until the app has left the sign-in page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(url('/sign-in'));
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((target) => !target.pathname.startsWith('/sign-in'));
  // The header names the person once their details are in.
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Runs axe on the page as it is now and fails with a readable list of any violations. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  if (results.violations.length === 0) return;
  const lines = results.violations.map((violation) => {
    const targets = violation.nodes
      .slice(0, 5)
      .map((node) => `      ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
      .join('\n');
    return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${targets}`;
  });
  throw new Error(
    `axe found ${results.violations.length} violation(s) on ${label} (${page.url()}):\n${lines.join('\n')}`,
  );
}

/** A full-page screenshot in screenshots/ (ignored by git) and a copy in docs/screenshots/ for the README. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  for (const dir of SCREENSHOT_DIRS) mkdirSync(dir, { recursive: true });
  const [first, ...copies] = SCREENSHOT_DIRS.map((dir) => path.join(dir, `${name}.png`));
  // No hover effect from where the last click left the mouse.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: first, fullPage: true, animations: 'disabled', caret: 'hide' });
  for (const copy of copies) await copyFile(first, copy);
}

/** Calls the API directly, e.g. to learn an enrolment id a test needs; never to change data. */
export async function apiToken(email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(url('/api/auth/login'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login as ${email} answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { accessToken: string };
  return body.accessToken;
}

export async function apiGet<T>(pathname: string, token: string): Promise<T> {
  const response = await fetch(url(`/api${pathname}`), { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /api${pathname} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Test set-up only: a write through the API. */
export async function apiPost<T>(pathname: string, token: string, body: unknown): Promise<T> {
  const response = await fetch(url(`/api${pathname}`), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST /api${pathname} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export function expectNoProblems(testPage: TestPage): void {
  if (testPage.problems.length) throw new Error(`Problems in the page:\n${testPage.problems.join('\n')}`);
}
