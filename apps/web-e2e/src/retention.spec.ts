/**
 * Retention and erasure through the browser: the administrator lists the Alliance's enrolments with when their
 * personal data is due for erasure, and erases the demo's withdrawn CCC (Leo Ward, of the finished pilot cohort,
 * whom no other spec uses) with a reason. A supervisor is refused the page.
 */
import type { Browser } from 'playwright-core';
import {
  DESKTOP,
  USERS,
  expectNoAxeViolations,
  expectNoProblems,
  launchBrowser,
  openPage,
  signIn,
  url,
  type TestPage,
} from './support/e2e';
import { expectFocusOnErrorSummary, waitUntilLoaded } from './support/pages';

jest.setTimeout(120_000);

const WITHDRAWN = 'Leo Ward';

describe('retention and erasure', () => {
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

  it('the administrator erases a withdrawn CCC’s personal data, giving a reason', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Retention' }).click();
    await page.getByRole('heading', { level: 1, name: /Retention and erasure/ }).waitFor();
    await waitUntilLoaded(page);
    await expectNoAxeViolations(page, 'the retention page');

    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: WITHDRAWN }) });
    await row.getByText('Personal data: Kept').waitFor();
    await row.getByRole('button', { name: `Erase personal data of ${WITHDRAWN}` }).click();
    const heading = page.getByRole('heading', { level: 2, name: `Erase the personal data of ${WITHDRAWN}` });
    await heading.waitFor();
    expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page, 'the retention page with the erasure form open');

    // Sent without a reason first: refused, and focus moves to the error summary.
    await page.getByRole('button', { name: 'Erase personal data', exact: true }).click();
    await expectFocusOnErrorSummary(page, 'the erasure form');
    await page
      .getByLabel('Why the personal data is being erased')
      .fill('Leo asked us to erase his data (e-mail of 2 March)');
    await page.getByRole('button', { name: 'Erase personal data', exact: true }).click();

    const banner = page.getByRole('status').filter({ hasText: `The personal data of ${WITHDRAWN} was erased` });
    await banner.waitFor();
    await banner.getByText('their name and e-mail address were erased too').waitFor();
    // The list now shows the anonymised person, erased, with the reason.
    await page.getByRole('rowheader', { name: WITHDRAWN }).waitFor({ state: 'detached' });
    await page.getByText(/Leo asked us to erase his data/).waitFor();
    await expectNoAxeViolations(page, 'the retention page after an erasure');
    expectNoProblems(t);
  });

  it('refuses the page to an Alliance supervisor', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.allianceSupervisor);
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Retention' }).count(),
    ).resolves.toBe(0);
    await page.goto(url('/admin/retention'));
    await page.getByRole('heading', { level: 1, name: 'You cannot see the retention of personal data' }).waitFor();
  });
});
