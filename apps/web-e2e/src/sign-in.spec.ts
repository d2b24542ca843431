import { gzipSync } from 'node:zlib';
import type { Browser, Response } from 'playwright-core';
import {
  USERS,
  DEMO_PASSWORD,
  expectNoAxeViolations,
  expectNoProblems,
  launchBrowser,
  openPage,
  signIn,
  url,
  type TestPage,
} from './support/e2e';
import { endSessionsOf } from './support/outbox';

/** Issue #17: the script the sign-in page needs when it is the first page opened, gzipped. */
const SIGN_IN_SCRIPT_BUDGET_BYTES = 100_000;

describe('signing in', () => {
  let browser: Browser;
  let t: TestPage;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    t = await openPage(browser);
  });
  afterEach(async () => {
    await t.context.close();
  });

  it('sends a signed-out visitor to the sign-in page, which passes axe', async () => {
    const { page } = t;
    await page.goto(url('/'));
    await page.waitForURL('**/sign-in');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Sign in');
    await expect(page.title()).resolves.toBe('Sign in – CCC Programme');
    expect(await page.getByRole('banner').getByText('CCC Programme').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'the sign-in page');
    expectNoProblems(t);
  });

  it('opens the sign-in page with under 100 KB of gzipped script, and the SPA takes over after signing in', async () => {
    const { page } = t;
    const scripts = new Map<string, Response>();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script' || /\.js$/.test(new URL(response.url()).pathname))
        scripts.set(new URL(response.url()).pathname, response);
    });
    const html = await (await page.goto(url('/sign-in')))!.text();
    await page.getByLabel('Email address').waitFor();
    // The single sign-on buttons come from the API: the page is complete once they show.
    await page.getByRole('link', { name: 'Sign in with NHSmail' }).waitFor();
    await page.waitForLoadState('networkidle');

    // Every script and module preload the page names was loaded, and so counted.
    const named = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+)"/g)].map(
      ([, src]) => new URL(src, url('/')).pathname,
    );
    expect(named.length).toBeGreaterThan(1);
    expect(named.filter((pathname) => !scripts.has(pathname))).toEqual([]);
    const sizes = await Promise.all(
      [...scripts].map(async ([pathname, response]) => ({ pathname, gzipped: gzipSync(await response.body()).length })),
    );
    const total = sizes.reduce((sum, { gzipped }) => sum + gzipped, 0);
    if (total >= SIGN_IN_SCRIPT_BUDGET_BYTES)
      throw new Error(`The sign-in page loaded ${total} bytes of gzipped script: ${JSON.stringify(sizes)}`);
    // The router and React Query are not among them.
    expect(sizes.filter(({ pathname }) => /v-router|v-query/.test(pathname))).toEqual([]);
    expect(sizes.filter(({ pathname }) => /v-react-dom/.test(pathname))).toHaveLength(1);

    // Signing in brings the rest of the SPA, which opens the person's page without a new page load.
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await page.getByLabel('Email address').fill(USERS.ccc);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/enrolments/*');
    await page.getByRole('heading', { level: 1, name: 'Sam Taylor' }).waitFor();
    expect([...scripts.keys()].filter((pathname) => /v-router/.test(pathname))).toHaveLength(1);
    await expect(page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).resolves.toBe(
      true,
    );
    // As after any move to another page, a screen reader starts at the new page's content.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main-content');
    // The header's links are the router's again.
    await page.getByRole('link', { name: 'Calendar link' }).first().click();
    await page.getByRole('heading', { level: 1, name: /calendar/i }).waitFor();
    await expect(page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).resolves.toBe(
      true,
    );
    expectNoProblems(t);
  });

  it('shows an accessible error for a wrong password and keeps the person on the page', async () => {
    const { page } = t;
    await page.goto(url('/sign-in'));
    await page.getByLabel('Email address').fill(USERS.ccc);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();

    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('The email address or password is not right');
    // The summary takes focus, so a screen reader reads it and a keyboard user starts from it.
    await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('alert');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expect(page.evaluate(() => sessionStorage.length)).resolves.toBe(0);
    await expectNoAxeViolations(page, 'the sign-in page with a wrong password');
    expectNoProblems(t);
  });

  it('asks for the missing fields before sending anything', async () => {
    const { page } = t;
    await page.goto(url('/sign-in'));
    let loginCalls = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/auth/login')) loginCalls += 1;
    });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Enter your email address');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Enter your password');
    await expect(page.getByLabel('Email address').getAttribute('aria-invalid')).resolves.toBe('true');
    // The summary links to the field at fault.
    await page.getByRole('link', { name: 'Enter your password' }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('sign-in-password');
    expect(loginCalls).toBe(0);
    await expectNoAxeViolations(page, 'the sign-in page with missing fields');
  });

  it('works with the keyboard alone, and signs out with it too', async () => {
    const { page } = t;
    await page.goto(url('/sign-in'));
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

    // Tab from the top of the page: skip link, service name, the NHS account's button (the demo Alliance has single
    // sign-on), then the email field.
    const reached: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.id ?? '');
      reached.push(id || (await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')));
      if (id === 'sign-in-email') break;
    }
    expect(reached[0]).toBe('Skip to main content');
    expect(reached[reached.length - 1]).toBe('sign-in-email');

    await page.keyboard.type(USERS.ccc);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('sign-in-password');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');

    await page.waitForURL('**/enrolments/*');
    await page.getByRole('heading', { level: 1, name: 'Sam Taylor' }).waitFor();

    // Sign out from the header with the keyboard.
    await page.getByRole('button', { name: 'Sign out' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/sign-in');
    await page.getByText('You have signed out.').waitFor();
    await expect(page.evaluate(() => sessionStorage.length)).resolves.toBe(0);
    expectNoProblems(t);
  });

  it('keeps the access token out of storage and stays signed in across a reload with the refresh cookie', async () => {
    const { page, context } = t;
    await signIn(page, USERS.ccc);
    await page.waitForURL('**/enrolments/*');
    await page.getByRole('heading', { level: 1, name: 'Sam Taylor' }).waitFor();
    await expect(page.evaluate(() => sessionStorage.length + localStorage.length)).resolves.toBe(0);
    // The refresh token is a cookie no script can read, sent only to the sign-in routes.
    const cookies = await context.cookies();
    expect(cookies.map(({ name, httpOnly, sameSite, path }) => ({ name, httpOnly, sameSite, path }))).toEqual([
      { name: 'ccc_refresh', httpOnly: true, sameSite: 'Strict', path: '/api/auth' },
    ]);
    await expect(page.evaluate(() => document.cookie)).resolves.toBe('');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sam Taylor' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/enrolments\//);
    expectNoProblems(t);
  });

  it('renews an ended access token without the person noticing', async () => {
    const { page } = t;
    await signIn(page, USERS.ccc);
    await page.getByRole('heading', { level: 1, name: 'Sam Taylor' }).waitFor();
    // The next call to the API is refused as if the access token had run out; the app renews it and carries on.
    let refused = 0;
    await page.route('**/api/**', async (route) => {
      if (refused === 0 && route.request().headers()['authorization']) {
        refused += 1;
        await route.fulfill({ status: 401, contentType: 'application/json', body: '{"statusCode":401}' });
      } else await route.continue();
    });
    const renewed = page.waitForResponse((response) => response.url().endsWith('/api/auth/refresh'));
    await page.getByRole('link', { name: 'Calendar link' }).first().click();
    expect((await renewed).status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: /calendar/i }).waitFor();
    expect(refused).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/calendar');
    expectNoProblems(t);
  });

  it('sends someone whose session was ended elsewhere back to sign in, saying why', async () => {
    const { page } = t;
    await signIn(page, USERS.ccc);
    await page.getByRole('heading', { level: 1, name: 'Sam Taylor' }).waitFor();
    // Ended on the server (as a password change elsewhere would): the next call is refused and cannot be renewed.
    await endSessionsOf(USERS.ccc);
    await page.getByRole('link', { name: 'Calendar link' }).first().click();
    await page.getByText('Your session has ended. Sign in again to carry on.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expectNoProblems(t);
  });

  it('takes a signed-out visitor of a timeline link there after signing in', async () => {
    const { page } = t;
    // Learn Sam's enrolment id the way the app does: sign in, then follow "/" to the timeline.
    await page.goto(url('/sign-in'));
    await page.getByLabel('Email address').fill(USERS.ccc);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/enrolments/*');
    const timelinePath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');

    // A fresh load of the deep link (the API must serve the SPA for it) asks for sign-in first.
    await page.goto(url(timelinePath));
    await page.waitForURL('**/sign-in');
    await page.getByLabel('Email address').fill(USERS.ccc);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`**${timelinePath}`);
    await page.getByRole('heading', { level: 1, name: 'Sam Taylor' }).waitFor();
    expectNoProblems(t);
  });
});
