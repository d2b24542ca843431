import type { Browser } from 'playwright-core';
import {
  expectNoAxeViolations,
  expectNoProblems,
  launchBrowser,
  openPage,
  signIn,
  url,
  type TestPage,
} from './support/e2e';

/** Jo Whitfield supervises in Wessex and in Greater Manchester: she chooses which Alliance she acts in. */
describe('acting in one Alliance at a time', () => {
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

  it('switches from Wessex to Greater Manchester, and the caseload follows', async () => {
    const { page } = t;
    await signIn(page, 'alliance.supervisor2@example.org');
    await page.goto(url('/'));
    const main = page.getByRole('main');
    await main.getByText('Aisha Khan').first().waitFor();
    expect(await main.getByText('Leah Byrne').count()).toBe(0);

    const acting = page.getByLabel('Acting in');
    expect(await acting.inputValue()).not.toBe('');
    await expectNoAxeViolations(page, 'the header with the Alliance chooser');
    await acting.selectOption({ label: 'Greater Manchester Cancer Alliance (demo)' });
    await page.getByRole('button', { name: 'Switch' }).click();

    await main.getByText('Leah Byrne').first().waitFor();
    expect(await main.getByText('Aisha Khan').count()).toBe(0);
    // A reload keeps the choice: it belongs to the session, not to the page.
    await page.reload();
    await main.getByText('Leah Byrne').first().waitFor();
    expect(await page.getByLabel('Acting in').locator('option:checked').textContent()).toBe(
      'Greater Manchester Cancer Alliance (demo)',
    );
    expectNoProblems(t);
  });

  it('shows no chooser to someone with roles in one Alliance only', async () => {
    const { page } = t;
    await signIn(page, 'alliance.supervisor@example.org');
    await page.goto(url('/'));
    await page.getByRole('main').getByText('Sam Taylor').first().waitFor();
    expect(await page.getByLabel('Acting in').count()).toBe(0);
    expectNoProblems(t);
  });
});
