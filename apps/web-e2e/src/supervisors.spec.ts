import type { Browser, Page } from 'playwright-core';
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
import { expectNoHorizontalScroll } from './support/pages';

async function rowNames(page: Page, tableName = 'Cancer Care Coordinators you can see'): Promise<string[]> {
  const table = page.getByRole('table', { name: tableName });
  await table.waitFor();
  return table
    .locator('tbody th[scope="row"] a')
    .evaluateAll((links) => links.map((link) => (link.firstChild?.textContent ?? '').trim()));
}

describe('supervisors and the administrator', () => {
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

  it('the PCN supervisor sees the CCCs of their PCN only, and opens a timeline', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.pcnSupervisor);
    await page.getByRole('heading', { level: 1, name: 'Your CCCs' }).waitFor();
    const banner = page.getByRole('banner');
    await expect(banner.textContent()).resolves.toContain('Priya Nair');
    await expect(banner.textContent()).resolves.toContain('PCN supervisor');

    // One section per CCC of their PCN, named by the CCC.
    await page.getByRole('region', { name: 'Sam Taylor', exact: true }).waitFor();
    const names = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(names).toEqual(expect.arrayContaining(['Sam Taylor', 'Chris Doyle']));
    expect(names).not.toContain('Jamie Reid');
    const sam = page.getByRole('region', { name: 'Sam Taylor', exact: true });
    await expect(sam.textContent()).resolves.toContain('North Downs PCN');
    await expect(sam.textContent()).resolves.toContain('Month 3');
    await expect(sam.textContent()).resolves.toContain('Supervision track');
    await expect(sam.textContent()).resolves.toContain('Alex Carter');

    await sam.getByRole('link', { name: 'Sam Taylor', exact: true }).click();
    await page.waitForURL('**/enrolments/*');
    await page.getByRole('heading', { level: 1, name: 'Sam Taylor' }).waitFor();
    await expect(page.locator('section[data-month]').count()).resolves.toBe(6);
    await expectNoAxeViolations(page, 'Sam’s timeline seen by the PCN supervisor');

    await page.getByRole('link', { name: 'Back to your CCCs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your CCCs' }).waitFor();
    // The back link went back in the tab's history (the list as it was left), not to a new copy: forward returns.
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: 'Sam Taylor' }).waitFor();
    // Opened afresh (a link from an e-mail), the back link is a plain link to the list.
    await page.reload();
    await page.getByRole('link', { name: 'Back to your CCCs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your CCCs' }).waitFor();
    expectNoProblems(t);
  });

  it('the Alliance supervisor’s home is their caseload', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.allianceSupervisor);
    await page.getByRole('heading', { level: 1, name: 'Your caseload' }).waitFor();
    await expect(page.getByRole('banner').textContent()).resolves.toContain('Alliance supervisor');
    const tableName = 'CCCs you supervise and their sessions';
    const names = await rowNames(page, tableName);
    expect(names).toContain('Sam Taylor');
    const table = page.getByRole('table', { name: tableName });
    for (const header of [
      'CCC',
      'PCN',
      'Month',
      'Unbooked',
      'Awaiting',
      'Upcoming',
      'Overdue',
      'Not held: never booked',
      'Did not attend',
      'Release declined',
    ]) {
      await expect(table.getByRole('columnheader', { name: header, exact: true }).count()).resolves.toBe(1);
    }
    // Sam's month 3 individual session is booked a week ahead: it is the next session.
    const samRow = table.getByRole('row').filter({ hasText: 'Sam Taylor' });
    await expect(samRow.textContent()).resolves.toContain('North Downs PCN');
    await expect(samRow.textContent()).resolves.toContain('Month 3');
    const nextCell = samRow.locator('td').last();
    await expect(nextCell.getByRole('link').first().getAttribute('href')).resolves.toMatch(/^\/sessions\/[^?]+$/);
    // And the next of Sam's own sessions still to book, one click from the row.
    await expect(
      nextCell.getByRole('link', { name: /^Book next ?: .*, month \d+, for Sam Taylor$/ }).count(),
    ).resolves.toBe(1);
    await expectNoAxeViolations(page, 'the Alliance supervisor’s caseload');
    await saveScreenshot(page, 'alliance-caseload-1280');
    expectNoProblems(t);
  });

  it('the Alliance supervisor finds the CCCs with evidence waiting, then one CCC by name', async () => {
    const token = await apiToken(USERS.allianceSupervisor);
    const inbox = await apiGet<{ awaitingReview: { enrolmentId: string; ccc: { fullName: string } }[] }>(
      '/competencies/inbox',
      token,
    );
    const withEvidence = [...new Set(inbox.awaitingReview.map((item) => item.ccc.fullName))].sort();
    expect(withEvidence).toContain('Sam Taylor');

    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.allianceSupervisor);
    await page.getByRole('heading', { level: 1, name: 'Your caseload' }).waitFor();
    const tableName = 'CCCs you supervise and their sessions';
    const everyone = await rowNames(page, tableName);
    expect(everyone.length).toBeGreaterThan(withEvidence.length);

    // The card is a link that applies its filter, and the filter goes in the address.
    const cards = page.getByRole('list', { name: 'Across the caseload' });
    const evidenceCard = cards.getByRole('link', { name: /evidence waiting for your review/ });
    await expect(evidenceCard.textContent()).resolves.toMatch(new RegExp(`^${inbox.awaitingReview.length} `));
    await evidenceCard.click();
    await page.waitForURL('**/?show=evidence');
    // The address changes a moment before the cards are drawn again.
    await cards.locator('a[aria-current="true"]').waitFor();
    await expect(evidenceCard.getAttribute('aria-current')).resolves.toBe('true');
    await expect(page.getByLabel('Show', { exact: true }).inputValue()).resolves.toBe('evidence');
    await page.waitForFunction(
      (count) => document.querySelectorAll('table.app-caseload tbody tr').length === count,
      withEvidence.length,
    );
    expect((await rowNames(page, tableName)).sort()).toEqual(withEvidence);
    await expect(page.getByRole('status').filter({ hasText: 'Showing' }).textContent()).resolves.toContain(
      `Showing ${withEvidence.length} of ${everyone.length} CCCs: evidence waiting for review`,
    );
    await expectNoAxeViolations(page, 'the caseload filtered to evidence waiting');

    // A name nobody with evidence has: nothing; then part of Sam's name, in any case.
    const search = page.getByRole('searchbox', { name: 'Search by name or PCN' });
    await search.fill('Chris');
    await page.getByText('No CCC on the programme matches').waitFor();
    await search.fill('sam t');
    await page.waitForURL('**/?q=sam+t&show=evidence');
    await expect(rowNames(page, tableName)).resolves.toEqual(['Sam Taylor']);

    // The address keeps the search and the filter: a reload (or a link sent to a colleague) shows the same.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Your caseload' }).waitFor();
    await expect(page.getByRole('searchbox', { name: 'Search by name or PCN' }).inputValue()).resolves.toBe('sam t');
    await expect(rowNames(page, tableName)).resolves.toEqual(['Sam Taylor']);

    // Clearing shows everyone again; sorting by PCN keeps everyone, ordered by PCN.
    await page.getByRole('link', { name: 'Clear the search and filter' }).click();
    await page.waitForFunction(
      (count) => document.querySelectorAll('table.app-caseload tbody tr').length === count,
      everyone.length,
    );
    await page.getByLabel('Sort by').selectOption('pcn');
    await page.waitForURL('**/?sort=pcn');
    // The address changes a moment before the table is drawn again: wait for the order, not just the address.
    const pcnOrder = () =>
      page
        .getByRole('table', { name: tableName })
        .locator('tbody tr td:first-of-type span:last-child')
        .allTextContents();
    await page.waitForFunction(() => {
      const cells = Array.from(
        document.querySelectorAll('table.app-caseload tbody tr td:first-of-type span:last-child'),
      );
      const pcns = cells.map((cell) => cell.textContent ?? '');
      return pcns.every((pcn, i) => i === 0 || pcns[i - 1]!.localeCompare(pcn, 'en-GB') <= 0);
    });
    const pcns = await pcnOrder();
    expect(pcns).toHaveLength(everyone.length);
    expect(pcns).toEqual([...pcns].sort((a, b) => a.localeCompare(b, 'en-GB')));

    // Back to those with evidence waiting: Sam's next session is booked from the row, in one click.
    await page.goto(url('/?show=evidence'));
    const samRow = page.getByRole('table', { name: tableName }).getByRole('row').filter({ hasText: 'Sam Taylor' });
    const book = samRow.getByRole('link', { name: /^Book next ?: / });
    const sessionId = await book.getAttribute('data-book-session');
    await book.click();
    await page.waitForURL(`**/sessions/${sessionId}?action=book`);
    await page.getByRole('heading', { level: 2, name: 'Book this session' }).waitFor();
    await expect(page.getByRole('main').textContent()).resolves.toContain('Sam Taylor');
    await expectNoAxeViolations(page, 'booking from the caseload');
    // The back link returns to the filtered caseload as it was left.
    await page.getByRole('link', { name: 'Back', exact: true }).click();
    await page.waitForURL('**/?show=evidence');
    expectNoProblems(t);
  });

  it('the caseload reads well on a phone', async () => {
    t = await openPage(browser, MOBILE);
    const { page } = t;
    await signIn(page, USERS.allianceSupervisor);
    await page.getByRole('heading', { level: 1, name: 'Your caseload' }).waitFor();
    await rowNames(page, 'CCCs you supervise and their sessions');
    await expectNoHorizontalScroll(page, 'the caseload at 375px');
    // Compact rows, not a card of eleven lines each: about ten CCCs to a screen (at least nine).
    const heights = await page
      .locator('table.app-caseload tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().height));
    const average = heights.reduce((sum, h) => sum + h, 0) / heights.length;
    expect(average).toBeLessThan(812 / 9);
    await expectNoAxeViolations(page, 'the caseload at 375px');
    await saveScreenshot(page, 'alliance-caseload-375');
    expectNoProblems(t);
  });

  it('the administrator sees the caseload of every PCN', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.admin);
    await page.getByRole('heading', { level: 1, name: 'Caseload: all CCCs' }).waitFor();
    await expect(page.getByRole('banner').textContent()).resolves.toContain('Programme administrator');
    expect(await rowNames(page, 'Every CCC and their sessions')).toEqual(
      expect.arrayContaining(['Sam Taylor', 'Chris Doyle', 'Jamie Reid', 'Aisha Khan']),
    );
    await expectNoAxeViolations(page, 'the administrator’s caseload');
    expectNoProblems(t);
  });
});
