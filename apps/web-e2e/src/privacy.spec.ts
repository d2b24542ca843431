import type { Browser, Page } from 'playwright-core';
import {
  DESKTOP,
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
import { expectFocusOnErrorSummary } from './support/pages';

const DEMO_ALLIANCE = 'Wessex Cancer Alliance (demo)';

/** The notice's "How long we keep it" section, once shown. */
function retentionSection(page: Page) {
  return page.getByRole('region', { name: 'How long we keep it' });
}

/** Signed out with more than one Alliance, the page asks whose notice to show; with one, it shows it. */
async function showDemoNotice(page: Page): Promise<void> {
  const select = page.getByRole('combobox', { name: 'Cancer Alliance', exact: true });
  await Promise.race([retentionSection(page).waitFor(), select.waitFor()]);
  if (await select.isVisible()) {
    await select.selectOption({ label: DEMO_ALLIANCE });
    await page.getByRole('button', { name: 'Show the notice' }).click();
  }
  await retentionSection(page).waitFor();
}

describe('the privacy notice and the Alliance policy', () => {
  let browser: Browser;
  let t: TestPage;
  let original: { retentionYears: number; version: number } | null = null;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    // Put the demo Alliance's retention period back, for the specs that run after this one.
    if (original) {
      const admin = await apiToken(USERS.admin);
      const current = await apiGet<{ retentionYears: number; version: number }>('/alliance-policy', admin);
      if (current.retentionYears !== original.retentionYears) {
        await fetch(url('/api/alliance-policy'), {
          method: 'PUT',
          headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ retentionYears: original.retentionYears, version: current.version }),
        });
      }
    }
    await browser?.close();
  });
  afterEach(async () => {
    await t?.context.close();
  });

  it('opens from the footer of the sign-in page, without signing in, and says how long records are kept', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await page.goto(url('/sign-in'));
    await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy notice' }).click();
    await page.waitForURL((target) => target.pathname === '/privacy');
    await page.getByRole('heading', { level: 1, name: /Privacy notice/ }).waitFor();
    await showDemoNotice(page);
    await expect(retentionSection(page).textContent()).resolves.toMatch(/for 6 years after it ends/);
    for (const heading of ['What we hold about you', 'Why we hold it', 'Who can see it', 'Your rights', 'Contact us'])
      await expect(page.getByRole('heading', { level: 2, name: heading }).count()).resolves.toBe(1);
    await expect(page.title()).resolves.toBe(`Privacy notice: ${DEMO_ALLIANCE} – CCC Programme`);
    await expectNoAxeViolations(page, 'the privacy notice, signed out');
    await saveScreenshot(page, 'privacy-notice-1280');
    expectNoProblems(t);
  });

  it('lets the administrator change the retention period, and the notice then says the new number', async () => {
    original = await apiGet('/alliance-policy', await apiToken(USERS.admin));
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.admin);

    // Signed in, the footer's notice is the Alliance the administrator acts in, with the way to change it.
    await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy notice' }).click();
    await retentionSection(page).waitFor();
    await expect(retentionSection(page).textContent()).resolves.toMatch(/for 6 years after it ends/);
    await page.getByRole('link', { name: /Change the retention period/ }).click();
    await page.getByRole('heading', { level: 1, name: /Privacy notice and retention/ }).waitFor();

    // Out of range: the error summary names the field.
    const years = page.getByLabel('Years records are kept after an enrolment ends');
    await years.fill('31');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await expectFocusOnErrorSummary(page, 'the policy form');
    await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' }).textContent()).resolves.toMatch(
      /from 1 to 30/,
    );
    await expectNoAxeViolations(page, 'the policy form with an error');

    await years.fill('8');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.getByText('The policy was saved').waitFor();
    await page.getByRole('status').getByRole('link', { name: 'View the privacy notice' }).click();
    await retentionSection(page)
      .getByText(/for 8 years after it ends/)
      .waitFor();
    expectNoProblems(t);
  });
});
