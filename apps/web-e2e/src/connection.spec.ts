/**
 * The SPA through a lost connection and a restarting API: a banner (role="status") says so while it lasts and goes
 * when the connection is back, and the page carries on by itself (TanStack Query retries, then refetches).
 */
import type { Browser, Page } from 'playwright-core';
import {
  DESKTOP,
  USERS,
  expectNoAxeViolations,
  expectNoProblems,
  launchBrowser,
  openPage,
  signIn,
  type TestPage,
} from './support/e2e';

function banner(page: Page, text: string) {
  return page.getByRole('status').filter({ hasText: text });
}

describe('when the connection drops', () => {
  let browser: Browser;
  let t: TestPage;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await t?.context.close();
  });

  it('shows a banner while the browser is offline, and carries on when it is back online', async () => {
    t = await openPage(browser, DESKTOP);
    const { page, context } = t;
    await signIn(page, USERS.ccc);
    await page.getByRole('heading', { level: 1, name: 'Sam Taylor' }).waitFor();
    await expect(banner(page, 'You are offline').count()).resolves.toBe(0);
    // The other pages' code is fetched in the background after the first page: offline before it has all come, a
    // page not yet fetched cannot open (the run on a fast machine went offline first).
    await page.locator('html[data-pages-preloaded]').waitFor({ state: 'attached' });

    await context.setOffline(true);
    const offline = banner(page, 'You are offline');
    await offline.waitFor();
    await expectNoAxeViolations(page, 'the timeline with the offline banner');

    // Moving on while offline: the page waits for the connection instead of failing.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agenda' }).click();
    await page.getByRole('heading', { level: 1, name: /Week of / }).waitFor();
    await expect(page.getByRole('alert').count()).resolves.toBe(0);

    await context.setOffline(false);
    await offline.waitFor({ state: 'detached' });
    // Back online, the agenda loads by itself.
    await page.getByRole('navigation', { name: 'Weeks' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^Loading/ })
      .waitFor({ state: 'detached' });
    expectNoProblems(t);
  });

  it('shows a banner while the API cannot be reached, and loads the page when it answers again', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.pcnSupervisor);
    await page.getByRole('heading', { level: 1, name: 'Your CCCs' }).waitFor();

    // As during a restart of the API: every request to it fails for want of an answer.
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar link' }).click();
    await page.getByRole('heading', { level: 1, name: 'Calendar link' }).waitFor();
    const unreachable = banner(page, 'The service cannot be reached at the moment');
    await unreachable.waitFor();
    await expectNoAxeViolations(page, 'a page with the service unreachable');

    // The API is back: within a few seconds the banner goes and the page shows what it was waiting for.
    await page.unroute('**/api/**');
    await unreachable.waitFor({ state: 'detached', timeout: 20_000 });
    await page.getByRole('heading', { level: 2, name: 'Status' }).waitFor({ timeout: 20_000 });
    expectNoProblems(t);
  });
});
