import type { Browser } from 'playwright-core';
import {
  DESKTOP,
  USERS,
  apiGet,
  apiToken,
  expectNoAxeViolations,
  expectNoProblems,
  launchBrowser,
  openPage,
  signIn,
  type TestPage,
} from './support/e2e';

interface SummaryLite {
  alliances: { allianceName: string }[];
  national: { enrolment: { enrolled: { display: string } } };
}

describe('the national figures', () => {
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

  it('takes the national viewer from "/" to the figures of every Alliance, in tables, small numbers in words', async () => {
    const summary = await apiGet<SummaryLite>('/national/summary', await apiToken(USERS.national));
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.national);
    await page.waitForURL((target) => target.pathname === '/national');
    await page.getByRole('heading', { level: 1, name: /National figures/ }).waitFor();
    await expect(page.title()).resolves.toBe('National figures – CCC Programme');

    // The header offers the national figures and none of an Alliance's pages.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual(['National figures']);

    // The enrolment table: a row per Alliance, by name, and the nation's total.
    const table = page.getByRole('table', { name: 'CCCs enrolled, by Alliance' });
    await table.waitFor();
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers).toEqual(['Alliance', 'Enrolled', 'Active', 'Completed', 'Withdrawn', 'Completed, of enrolled']);
    const rowHeaders = await table.getByRole('rowheader').allTextContents();
    expect(rowHeaders).toEqual([...summary.alliances.map((a) => a.allianceName), 'England (all Alliances)']);
    const total = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'England (all Alliances)' }) });
    await expect(total.getByRole('cell').first().textContent()).resolves.toBe(
      summary.national.enrolment.enrolled.display,
    );
    // The demo's Alliances are small: some figures read "fewer than 5", and the page says why.
    await expect(page.getByRole('cell', { name: 'fewer than 5' }).count()).resolves.toBeGreaterThan(0);
    await page.getByText(/a figure about fewer than 5 people reads “fewer than 5”/).waitFor();
    // A table per expectation and per statement.
    await expect(page.getByRole('table').count()).resolves.toBeGreaterThan(3);

    await expectNoAxeViolations(page, 'the national figures');
    expectNoProblems(t);
  });
});
