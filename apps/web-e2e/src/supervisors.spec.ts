import type { Browser, Page } from 'playwright-core';
import {
  DESKTOP,
  MOBILE,
  USERS,
  expectNoAxeViolations,
  expectNoProblems,
  launchBrowser,
  openPage,
  saveScreenshot,
  signIn,
  type TestPage,
} from './support/e2e';

async function rowNames(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: 'Cancer Care Coordinators you can see' });
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

    const names = await rowNames(page);
    expect(names).toEqual(expect.arrayContaining(['Sam Taylor', 'Chris Doyle']));
    expect(names).not.toContain('Jamie Reid');
    const table = page.getByRole('table');
    for (const header of ['Name', 'PCN', 'Cohort', 'Track', 'Current month', 'Alliance supervisor', 'PCN supervisor']) {
      await expect(table.getByRole('columnheader', { name: header, exact: true }).count()).resolves.toBe(1);
    }
    const samRow = table.getByRole('row').filter({ hasText: 'Sam Taylor' });
    await expect(samRow.textContent()).resolves.toContain('North Downs PCN');
    await expect(samRow.textContent()).resolves.toContain('Month 3');
    await expect(samRow.textContent()).resolves.toContain('Supervision track');
    await expect(samRow.textContent()).resolves.toContain('Alex Carter');

    await expectNoAxeViolations(page, 'the PCN supervisor’s list');
    await saveScreenshot(page, 'pcn-home-1280');

    await page.getByRole('link', { name: /Sam Taylor/ }).click();
    await page.waitForURL('**/enrolments/*');
    await page.getByRole('heading', { level: 1, name: 'Sam Taylor' }).waitFor();
    await expect(page.locator('section[data-month]').count()).resolves.toBe(6);
    await expectNoAxeViolations(page, 'Sam’s timeline seen by the PCN supervisor');

    await page.getByRole('link', { name: 'Back to your CCCs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your CCCs' }).waitFor();
    expectNoProblems(t);
  });

  it('the PCN supervisor’s list reads well on a phone', async () => {
    t = await openPage(browser, MOBILE);
    const { page } = t;
    await signIn(page, USERS.pcnSupervisor);
    await page.getByRole('heading', { level: 1, name: 'Your CCCs' }).waitFor();
    await rowNames(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'the PCN supervisor’s list at 375px');
    await saveScreenshot(page, 'pcn-home-375');
    expectNoProblems(t);
  });

  it('the Alliance supervisor sees the CCCs they supervise', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.allianceSupervisor);
    await page.getByRole('heading', { level: 1, name: 'Your CCCs' }).waitFor();
    await expect(page.getByRole('banner').textContent()).resolves.toContain('Alliance supervisor');
    expect(await rowNames(page)).toContain('Sam Taylor');
    await expectNoAxeViolations(page, 'the Alliance supervisor’s list');
    expectNoProblems(t);
  });

  it('the administrator sees CCCs of every PCN', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.admin);
    await page.getByRole('heading', { level: 1, name: 'Your CCCs' }).waitFor();
    await expect(page.getByRole('banner').textContent()).resolves.toContain('Programme administrator');
    expect(await rowNames(page)).toEqual(expect.arrayContaining(['Sam Taylor', 'Chris Doyle', 'Jamie Reid']));
    await expectNoAxeViolations(page, 'the administrator’s list');
    expectNoProblems(t);
  });
});
