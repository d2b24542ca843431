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
  url,
  type TestPage,
} from './support/e2e';
import { addReminder } from './support/notifications';
import { expectNoHorizontalScroll } from './support/pages';

/** The header's link to the list, whose name says how many are new. */
function notificationsLink(page: Page) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Notifications/ });
}

/** The link's text once it matches: the unread count arrives after the page. */
async function linkTextMatching(page: Page, pattern: RegExp): Promise<string> {
  let text = '';
  for (let i = 0; i < 100; i++) {
    text = (await notificationsLink(page).textContent()) ?? '';
    if (pattern.test(text)) return text;
    await page.waitForTimeout(100);
  }
  throw new Error(`The notifications link reads "${text}", not ${pattern}`);
}

describe('notifications: the in-app list of reminders and the choice of which to get', () => {
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

  it('lists a reminder as new, links to where to act, and marks it read', async () => {
    // The scratch database is new for each run, so the title is this test's alone.
    const title = 'Can you make Joint review with Sam Taylor?';
    await addReminder(USERS.pcnSupervisor, {
      kind: 'slot_awaiting_pcn',
      title,
      body: 'Joint review was offered 3 days ago. Accept the time or propose another, so that it can go ahead.',
      link: '/agenda',
    });
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.pcnSupervisor);

    // The header says there is something new, and leads to the list.
    const before = await linkTextMatching(page, /^Notifications \(\d+ new\)$/);
    await notificationsLink(page).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await expect(page.title()).resolves.toBe('Notifications – CCC Programme');
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
    await item.waitFor();
    await expect(item.getByText('Status: New').count()).resolves.toBe(1);
    await expect(item.textContent()).resolves.toContain('Session times waiting for you');
    await expectNoAxeViolations(page, 'the notifications list');
    await saveScreenshot(page, 'notifications-1280');

    const unreadBefore = Number(/\((\d+) new\)/.exec(before)?.[1]);
    // The button's name ends with the item's title, for those who hear it out of context.
    const markRead = item.getByRole('button', { name: /^Mark as read\b/ });
    await expect(markRead.textContent()).resolves.toBe(`Mark as read: ${title}`);
    await markRead.click();
    await item.getByText('Status: Read').waitFor();
    await expect(item.getByRole('button', { name: /Mark as read/ }).count()).resolves.toBe(0);
    // Focus stays with the item rather than falling back to the top of the page.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(title);
    const after = unreadBefore > 1 ? `Notifications (${unreadBefore - 1} new)` : 'Notifications';
    await linkTextMatching(page, new RegExp(`^${after.replace(/[()]/g, '\\$&')}$`));
    await expectNoAxeViolations(page, 'the notifications list after marking one read');

    await item.getByRole('link', { name: /^Open it\b/ }).click();
    await page.waitForURL((target) => target.pathname === '/agenda');
    expectNoProblems(t);
  });

  it('says so when there are none, and when the list cannot be loaded', async () => {
    t = await openPage(browser, MOBILE);
    const { page } = t;
    await signIn(page, USERS.cccOtherPcn);
    await page.goto(url('/notifications'));
    await page.getByRole('heading', { name: 'You have no notifications' }).waitFor();
    await expectNoHorizontalScroll(page, 'the empty notifications list at 375 px');
    await expectNoAxeViolations(page, 'the empty notifications list');

    // A refusal is not retried: the error shows at once, and Try again loads the list once it answers.
    await page.route('**/api/me/notifications', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: JSON.stringify({ statusCode: 404, error: 'Not Found', message: 'The list is not available' }),
      }),
    );
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: 'Your notifications could not be loaded' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('The list is not available');
    await expectNoAxeViolations(page, 'the notifications list that could not be loaded');
    await page.unroute('**/api/me/notifications');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'You have no notifications' }).waitFor();
    expectNoProblems(t);
  });

  it('lets a person turn a kind of reminder off and on again, offering only the kinds their role gets', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.pcnSupervisor);
    await notificationsLink(page).click();
    await page.getByRole('link', { name: 'Choose which reminders you get' }).click();
    await page.getByRole('heading', { level: 1, name: 'Choose your reminders' }).waitFor();
    await expect(page.title()).resolves.toBe('Choose your reminders – CCC Programme');
    const group = page.getByRole('group', { name: 'Which reminders do you want?' });
    await group.getByRole('checkbox').first().waitFor();
    // Sessions tomorrow, times waiting, release unconfirmed, handovers to sign again, duties that can be confirmed.
    await expect(group.getByRole('checkbox').count()).resolves.toBe(5);
    await group.getByRole('checkbox', { name: 'Duties that can now be confirmed' }).waitFor();
    const slots = group.getByRole('checkbox', { name: 'Session times waiting for you' });
    await expect(slots.isChecked()).resolves.toBe(true);
    // Not the Alliance supervisor's kinds.
    await expect(group.getByRole('checkbox', { name: /Plan months ending/ }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'the reminder choices');

    await slots.uncheck();
    await page.getByRole('button', { name: 'Save choices' }).click();
    const saved = page.getByRole('status').filter({ hasText: 'Your choices are saved' });
    await saved.waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toContain(
      'Your choices are saved',
    );
    await expectNoAxeViolations(page, 'the reminder choices once saved');

    // Kept: a fresh page shows it off; then on again, as the other tests expect.
    await page.reload();
    await page.getByRole('checkbox').first().waitFor();
    await expect(page.getByRole('checkbox', { name: 'Session times waiting for you' }).isChecked()).resolves.toBe(
      false,
    );
    await page.getByRole('checkbox', { name: 'Session times waiting for you' }).check();
    await page.getByRole('button', { name: 'Save choices' }).click();
    await page.getByRole('status').filter({ hasText: 'Your choices are saved' }).waitFor();
    await page.reload();
    await expect(page.getByRole('checkbox', { name: 'Session times waiting for you' }).isChecked()).resolves.toBe(true);
    expectNoProblems(t);
  });
});
