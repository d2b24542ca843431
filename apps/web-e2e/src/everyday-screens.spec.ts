import type { Browser } from 'playwright-core';
import {
  DESKTOP,
  MOBILE,
  USERS,
  apiGet,
  apiToken,
  expectNoAxeViolations,
  expectNoProblems,
  launchBrowser,
  openPage,
  saveScreenshot,
  signIn,
  url,
  type TestPage,
} from './support/e2e';
import { dateInput, expectFocusOnErrorSummary, expectNoHorizontalScroll, fillDate } from './support/pages';

/** Issue #20: NHS forms on a phone, the header's menu, the administrator's long lists. */
describe('the screens people use every day', () => {
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

  it('the header folds its links into a Menu button that works from the keyboard', async () => {
    t = await openPage(browser, MOBILE);
    const { page } = t;
    await signIn(page, USERS.allianceSupervisor);
    await page.getByRole('heading', { level: 1, name: 'Your caseload' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    const toggle = nav.getByRole('button', { name: 'Menu' });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(nav.getByRole('link', { name: 'Agenda' }).isVisible()).resolves.toBe(false);
    const height = await page
      .locator('header.nhsuk-header')
      .evaluate((header) => header.getBoundingClientRect().height);
    // One line of navigation (the menu button) rather than three rows of links: 380 px of header before.
    expect(height).toBeLessThan(260);
    await expect(toggle.evaluate((button) => button.getBoundingClientRect().height)).resolves.toBeLessThan(60);
    await expectNoAxeViolations(page, 'the caseload with the menu closed');

    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await nav.getByRole('link', { name: 'Agenda' }).waitFor();
    await expectNoAxeViolations(page, 'the caseload with the menu open');
    // Escape closes it again, from the button or from a link in it, and focus stays on the button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(toggle.evaluate((button) => button === document.activeElement)).resolves.toBe(true);

    await page.keyboard.press('Enter');
    await nav.getByRole('link', { name: 'Agenda' }).click();
    await page.getByRole('heading', { level: 1, name: /Week of/ }).waitFor();
    // A new page starts with the menu closed.
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    expectNoProblems(t);
  });

  it('a CCC sends the study time form with a half-filled date, and reads what to fix in plain words', async () => {
    t = await openPage(browser, MOBILE);
    const { page } = t;
    await signIn(page, USERS.ccc);
    await page.getByRole('link', { name: 'Log study time and see your release' }).click();
    const form = page.getByRole('region', { name: 'Log study time or a training day' });
    await form.waitFor();

    // The date is the NHS date input (day, month, year), never the browser's picker.
    const date = dateInput(form, 'Date');
    await expect(date.locator('input[type="date"]').count()).resolves.toBe(0);
    await fillDate(form, 'Date', '');
    await date.getByLabel('Day').fill('6');
    await date.getByLabel('Year').fill('2026');
    await form.getByLabel('Time, in minutes').fill('45');
    await form.getByRole('button', { name: 'Log this time' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    await expectFocusOnErrorSummary(page, 'the log form on a phone');
    await expect(summary.textContent()).resolves.toContain('Date must include a month');
    await expect(summary.textContent()).resolves.toContain('Enter what the time was for');
    // Only the month box is marked; the summary's link lands on the date.
    await expect(date.getByLabel('Month').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(date.getByLabel('Day').getAttribute('aria-invalid')).resolves.toBeNull();
    await summary.getByRole('link', { name: 'Date must include a month' }).click();
    await expect(date.getByLabel('Day').evaluate((input) => input === document.activeElement)).resolves.toBe(true);
    await expectNoAxeViolations(page, 'the log form with a date error on a phone');
    await expectNoHorizontalScroll(page, 'the log form with errors at 375px');

    // A date in the future is refused with today written as people read it, never as 2026-12-06.
    await fillDate(form, 'Date', '2099-01-01');
    await form.getByRole('button', { name: 'Log this time' }).click();
    await summary.filter({ hasText: 'Date must be today or in the past' }).waitFor();
    await expect(summary.textContent()).resolves.toMatch(/today is \d{1,2} [A-Z][a-z]+ \d{4}\)/);
    await expect(summary.textContent()).resolves.not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expectNoProblems(t);
  });

  it('the administrator finds a person by name, e-mail or organisation, a page at a time', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.admin);
    // The API pages and searches (#20 item 1): the page asks for one page, never the whole list.
    const asked: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/people')) asked.push(`${path}${new URL(request.url()).search}`);
    });
    await page.goto(url('/admin/people'));
    await page.getByRole('heading', { level: 1, name: /People/ }).waitFor();
    const rows = page.locator('tr[data-person]');
    await rows.first().waitFor();
    const status = page.getByRole('status').filter({ hasText: /^(Showing|Nobody)/ });
    const everyone = await apiGet<unknown[]>('/people', await apiToken(USERS.admin));
    // Never more than a page of rows; the rest a "Next" away.
    expect(await rows.count()).toBe(Math.min(everyone.length, 25));
    if (everyone.length > 25) {
      await expect(status.textContent()).resolves.toBe(`Showing 1 to 25 of ${everyone.length} people.`);
      await page.getByRole('navigation', { name: 'Pages of people' }).getByRole('link', { name: /^Next/ }).click();
      await page.waitForURL('**/admin/people?page=2');
      // The first page stays on screen until the second has come: wait for the second's line.
      await status.filter({ hasText: /^Showing 26 to/ }).waitFor();
      await expect(status.textContent()).resolves.toMatch(/^Showing 26 to \d+ of \d+ people\.$/);
      expect(asked).toContain('/api/people/page?page=2&pageSize=25');
    }
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((path) => !path.startsWith('/api/people/page?'))).toEqual([]);
    await expectNoAxeViolations(page, 'the people list');

    // Every word in any of name, e-mail and organisation, in any case; the search goes in the address.
    const search = page.getByLabel('Search by name, e-mail or organisation');
    await search.fill('sam TAYLOR');
    await page.waitForURL('**/admin/people?q=sam+TAYLOR');
    await page.waitForFunction(() => document.querySelectorAll('tr[data-person]').length === 1);
    await expect(rows.first().getAttribute('data-person')).resolves.toBe(USERS.ccc);
    await expect(status.textContent()).resolves.toBe('Showing 1 person matching the search.');
    await search.fill('nobody-by-this-name');
    await status.filter({ hasText: 'Nobody matches the search.' }).waitFor();
    await expectNoAxeViolations(page, 'the people list with no match');

    // A page number past the end (an old link) shows the last page rather than nothing.
    await page.goto(url('/admin/people?page=99'));
    await rows.first().waitFor();
    expectNoProblems(t);
  });

  for (const [size, viewport] of [
    ['1280', DESKTOP],
    ['375', MOBILE],
  ] as const) {
    it(`an Alliance supervisor books a group session from the cohort, reached from the caseload (${size} px)`, async () => {
      t = await openPage(browser, viewport);
      const { page } = t;
      await signIn(page, USERS.allianceSupervisor);
      await page.getByRole('heading', { level: 1, name: 'Your caseload' }).waitFor();
      const toCohort = page.getByRole('link', { name: /^Book a group session for / }).first();
      await toCohort.click();
      await page.waitForURL('**/admin/cohorts/*#group-sessions');
      // The reader lands on the list, focus on its heading, once it is in.
      const heading = page.getByRole('heading', { level: 2, name: 'Group sessions' });
      await page.waitForFunction(() => document.activeElement?.id === 'group-sessions-heading');
      await expect(heading.isVisible()).resolves.toBe(true);
      const table = page.getByRole('table', { name: 'Group sessions of the cohort, by month' });
      await table.waitFor();
      // Each row says its status and register; only a planned one offers "Book".
      const book = table.getByRole('link', { name: /^Book / }).first();
      await expect(book.count()).resolves.toBe(1);
      if (size === '375') await expectNoHorizontalScroll(page, 'the cohort’s group sessions at 375px');
      await expectNoAxeViolations(page, `the cohort’s group sessions at ${size}px`);
      await heading.scrollIntoViewIfNeeded();
      await saveScreenshot(page, `cohort-group-sessions-${size}`);
      const href = (await book.getAttribute('href'))!;
      await book.click();
      await page.waitForURL(`**${href}`);
      await page.getByRole('heading', { level: 2, name: 'Book this session' }).waitFor();
      await expectNoAxeViolations(page, 'booking a group session from the cohort');
      expectNoProblems(t);
    });
  }
});
