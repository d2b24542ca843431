import type { Browser, Locator, Page } from 'playwright-core';
import {
  DEMO_PASSWORD,
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
import { newestMessageTo, respondToken } from './support/outbox';
import { expectFocusOnErrorSummary, expectNoHorizontalScroll, stateTag } from './support/pages';

/** The PCN home's section for one CCC, found by its heading. */
function cccSection(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** "11.5 of 37.5 hours …" -> 11.5: the hours released so far, read from the 5-day counter's sentence. */
async function releasedHours(section: Locator): Promise<number> {
  const text = (await section.getByText(/released for supervision and training/).textContent()) ?? '';
  const match = /([\d.]+)\s*of\s*([\d.]+) hours/.exec(text);
  if (!match) throw new Error(`No counter in: ${text}`);
  expect(Number(match[2])).toBe(37.5);
  return Number(match[1]);
}

/** "Confirm: Individual supervision, 2 December 2026, for Sam Taylor" -> "Individual supervision, 2 December 2026". */
function requestNamed(buttonText: string | null, verb: string): string {
  return (buttonText ?? '').replace(new RegExp(`^${verb}: `), '').replace(/, for [^,]+$/, '');
}

async function waitForHours(section: Locator, differentFrom: number): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const now = await releasedHours(section);
    if (now !== differentFrom) return now;
    await section.page().waitForTimeout(100);
  }
  return releasedHours(section);
}

describe('the PCN’s part: release time, links and expectations', () => {
  let browser: Browser;
  let t: TestPage;
  let extra: TestPage | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await t?.context.close();
    await extra?.context.close();
    extra = undefined;
  });

  it('the PCN supervisor’s home shows what waits per CCC, and confirms release in one click', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.pcnSupervisor);
    await page.getByRole('heading', { level: 1, name: 'Your CCCs' }).waitFor();
    const banner = page.getByRole('banner');
    await expect(banner.textContent()).resolves.toContain('PCN supervisor');

    const sam = cccSection(page, 'Sam Taylor');
    await sam.waitFor();
    await cccSection(page, 'Chris Doyle').waitFor();
    await expect(page.getByRole('heading', { level: 2, name: 'Jamie Reid' }).count()).resolves.toBe(0);
    await expect(sam.textContent()).resolves.toContain('North Downs PCN');
    await expect(sam.textContent()).resolves.toContain('Month 3');

    // The 8-week chart, in words for those who cannot see it.
    const chart = sam.getByRole('figure');
    await expect(chart.getByRole('listitem').count()).resolves.toBe(8);
    // Each bar's list item carries its week in words, for those who cannot see the bars.
    const weekTexts = await chart.getByRole('listitem').allTextContents();
    expect(weekTexts.join(' ')).toMatch(/below the 1 to 2 hours agreed/);
    expect(weekTexts.join(' ')).toMatch(/within the 1 to 2 hours agreed/);
    await expect(sam.getByRole('meter').count()).resolves.toBe(1);

    await expectNoAxeViolations(page, 'the PCN supervisor’s home');
    await saveScreenshot(page, 'pcn-home-1280');

    // Sam's month 3 individual session is booked a week ahead: its release waits (as may that of a session another
    // test booked). One click confirms it, and the 5-day counter moves by its length.
    const before = await releasedHours(sam);
    const row = sam
      .getByRole('listitem')
      .filter({ hasText: /Session · / })
      .first();
    const confirm = row.getByRole('button', { name: /^Confirm\b/ });
    // The button names the request ("Confirm: Individual supervision, 2 December 2026, for Sam Taylor").
    const title = requestNamed(await confirm.textContent(), 'Confirm');
    const minutes = /(\d+) minutes/.exec((await row.textContent()) ?? '')?.[1];
    await confirm.click();
    await sam
      .getByRole('status')
      .filter({ hasText: `Confirmed: ${title}` })
      .waitFor();
    const after = await waitForHours(sam, before);
    expect(after).toBeGreaterThan(before);
    if (title.startsWith('Individual supervision,') && minutes) {
      expect(after).toBeCloseTo(before + Number(minutes) / 60, 5);
    }
    await expectNoAxeViolations(page, 'the PCN supervisor’s home after confirming');
    expectNoProblems(t);
  });

  it('confirms every pending request of a week at once', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.pcnSupervisor);
    const chris = cccSection(page, 'Chris Doyle');
    await chris.waitFor();
    const button = chris.getByRole('button', { name: /^Confirm all for week \d+/ }).first();
    const name = (await button.textContent()) ?? '';
    const week = /week (\d+)/.exec(name)?.[1];
    expect(week).toBeDefined();
    const weekGroup = chris.getByRole('region', { name: new RegExp(`Week ${week},`) });
    const items = await weekGroup.getByRole('listitem').count();
    expect(items).toBeGreaterThan(0);
    await button.click();
    await chris
      .getByRole('status')
      .filter({ hasText: `of week ${week},` })
      .waitFor();
    await weekGroup.waitFor({ state: 'detached' });
    // The week's bar now counts the time as confirmed.
    const bar = chris.getByRole('figure').getByRole('listitem').last();
    await expect(bar.textContent()).resolves.not.toContain('waiting for confirmation');
    expectNoProblems(t);
  });

  it('declines a request with a reason given in place', async () => {
    // Its own request to decline, logged by Sam through the API, so that no other test's request is used up.
    const description = `Training day to decline ${Date.now()}`;
    const login = await fetch(url('/api/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: USERS.ccc, password: DEMO_PASSWORD }),
    });
    const auth = {
      authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`,
      'content-type': 'application/json',
    };
    const [enrolment] = (await (await fetch(url('/api/enrolments'), { headers: auth })).json()) as { id: string }[];
    const logged = await fetch(url(`/api/enrolments/${enrolment!.id}/release-requests`), {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ kind: 'training', date: new Date().toISOString().slice(0, 10), minutes: 60, description }),
    });
    expect(logged.status).toBe(201);

    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.pcnSupervisor);
    const sam = cccSection(page, 'Sam Taylor');
    await sam.waitFor();
    const row = sam.getByRole('listitem').filter({ hasText: description });
    const title = requestNamed(await row.getByRole('button', { name: /^Decline\b/ }).textContent(), 'Decline');
    await row.getByRole('button', { name: /^Decline\b/ }).click();
    const reason = row.getByRole('textbox', { name: 'Why can this time not be released?' });
    await reason.waitFor();
    // Focus moves to the reason; an empty one is refused before anything is sent.
    await expect(reason.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await row.getByRole('button', { name: /^Decline\b/ }).click();
    await expect(row.textContent()).resolves.toContain('Enter why this time cannot be released');
    await expectFocusOnErrorSummary(page, 'the decline reason');
    await reason.fill('Clinic that morning');
    await expectNoAxeViolations(page, 'the decline reason form');
    await row.getByRole('button', { name: /^Decline\b/ }).click();
    await sam
      .getByRole('status')
      .filter({ hasText: `Declined: ${title}` })
      .waitFor();
    expectNoProblems(t);
  });

  it('the PCN supervisor’s home reads well on a phone', async () => {
    t = await openPage(browser, MOBILE);
    const { page } = t;
    await signIn(page, USERS.pcnSupervisor);
    await cccSection(page, 'Sam Taylor').waitFor();
    await cccSection(page, 'Sam Taylor').getByRole('figure').waitFor();
    await expectNoHorizontalScroll(page, 'the PCN supervisor’s home at 375px');
    await expectNoAxeViolations(page, 'the PCN supervisor’s home at 375px');
    await saveScreenshot(page, 'pcn-home-375');
    expectNoProblems(t);
  });

  it('a CCC sends their PCN supervisor a link, which confirms without signing in, once', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.ccc);
    await page.getByRole('heading', { level: 1, name: 'Sam Taylor' }).waitFor();
    await page.getByRole('link', { name: 'Log study time and see your release' }).click();
    await page.getByRole('heading', { level: 1, name: 'Study time and release' }).waitFor();
    await expectNoAxeViolations(page, 'the CCC’s study time and release page');

    const waiting = page.getByRole('region', { name: 'Waiting for confirmation' });
    const row = waiting.getByRole('listitem').filter({ hasText: 'e-LfH ACCEND module' }).first();
    const requestId = await row.getAttribute('data-request-id');
    await row.getByRole('button', { name: /^Send my PCN supervisor a link to confirm/ }).click();
    await row.getByRole('status').filter({ hasText: 'Link sent to Priya Nair' }).waitFor();

    const message = await newestMessageTo(USERS.pcnSupervisor);
    expect(message?.subject).toContain('Sam Taylor');
    const token = respondToken(message?.body ?? '');
    expect(message?.body).toContain(`/respond/${token}`);

    // A fresh browser, never signed in, as the PCN supervisor opening the e-mail.
    extra = await openPage(browser, DESKTOP);
    const link = extra.page;
    await link.goto(url(`/respond/${token}`));
    await link.getByRole('heading', { level: 1, name: 'Confirm release time for Sam Taylor' }).waitFor();
    await expect(link.getByRole('button', { name: 'Sign out' }).count()).resolves.toBe(0);
    await expect(link.getByTestId('link-status').textContent()).resolves.toBe('Waiting for your answer');
    await expectNoAxeViolations(link, 'the link page');
    await link.getByRole('button', { name: 'Confirm', exact: true }).click();
    await link.getByRole('heading', { name: 'Release time confirmed' }).waitFor();
    await expect(link.getByTestId('link-status').textContent()).resolves.toBe('Confirmed');
    expect(link.url()).toContain('/respond/');
    await expectNoAxeViolations(link, 'the link page after confirming');

    // The second time, the link says it was used.
    await link.reload();
    await link.getByRole('heading', { level: 1, name: 'This link can no longer be used' }).waitFor();
    await expect(link.getByRole('alert').textContent()).resolves.toContain('already been used');
    await expectNoAxeViolations(link, 'a used link');
    expect(link.url()).toContain('/respond/');

    // The CCC sees it confirmed by their PCN supervisor, by link.
    await page.reload();
    const decided = page.getByRole('region', { name: 'Confirmed and declined' });
    const confirmed = decided.locator(`[data-request-id="${requestId}"]`);
    await confirmed.waitFor();
    await expect(confirmed.textContent()).resolves.toContain('Confirmed by Priya Nair');
    await expect(confirmed.textContent()).resolves.toContain('by e-mailed link');
    expectNoProblems(t);
    expectNoProblems(extra);
  });

  it('an unknown link says so, without asking anyone to sign in', async () => {
    t = await openPage(browser, MOBILE);
    const { page } = t;
    await page.goto(url('/respond/not-a-real-token'));
    await page.getByRole('heading', { level: 1, name: 'This link is not valid' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/respond/not-a-real-token');
    await expectNoAxeViolations(page, 'an unknown link');
    expectNoProblems(t);
  });

  it('a CCC logs study time, with the form checking what they enter', async () => {
    t = await openPage(browser, MOBILE);
    const { page } = t;
    await signIn(page, USERS.ccc);
    await page.getByRole('link', { name: 'Log study time and see your release' }).click();
    const form = page.getByRole('region', { name: 'Log study time or a training day' });
    await form.waitFor();
    await form.getByRole('button', { name: 'Log this time' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toContain('Enter how many minutes you took');
    await expect(summary.textContent()).resolves.toContain('Enter what the time was for');
    await expectFocusOnErrorSummary(page, 'the log form');
    await expectNoAxeViolations(page, 'the log form with errors');

    await form.getByLabel('Time, in minutes').fill('45');
    await form.getByLabel('What was it for?').fill('Macmillan Communication Skills, module 1');
    await form.getByRole('button', { name: 'Log this time' }).click();
    await page.getByRole('status').filter({ hasText: 'Study time logged' }).waitFor();
    const waiting = page.getByRole('region', { name: 'Waiting for confirmation' });
    await waiting.getByRole('listitem').filter({ hasText: 'Macmillan Communication Skills, module 1' }).waitFor();
    await expectNoHorizontalScroll(page, 'the study time page at 375px');
    expectNoProblems(t);
  });

  it('the expectations checklist shows every party’s 18 expectations, and the PCN supervisor ticks one', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.pcnSupervisor);
    await cccSection(page, 'Sam Taylor').getByRole('link', { name: 'Sam Taylor', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sam Taylor' }).waitFor();
    await page.getByText('What each party agreed to, and how it is going').click();
    const checklist = page.getByRole('region', { name: 'Expectations', exact: true });
    const items = checklist.locator('li[data-expectation-key]');
    await items.first().waitFor();
    await expect(items.count()).resolves.toBe(18);
    for (const [party, count] of [
      ['ccc', 6],
      ['pcn', 5],
      ['alliance', 7],
    ] as const) {
      await expect(checklist.locator(`[data-party="${party}"] li[data-expectation-key]`).count()).resolves.toBe(count);
    }
    const states = await stateTag(items).allTextContents();
    expect(states).toHaveLength(18);
    for (const state of states)
      expect(state).toMatch(
        /^State: (Met|On track|At risk|Missed|Target not in the plan|Not applicable|Not measured yet)$/,
      );
    await expectNoAxeViolations(page, 'the timeline with the expectations open');

    // The PCN's Table 2 duties, each ticked on its own; the expectation counts them.
    const table2 = items.filter({ hasText: 'Provide the training and supervision set in Table 2' });
    await expect(table2.textContent()).resolves.toContain('0 of 4 duties confirmed');
    const induction = page.locator('li[data-duty-key="pcn-local-induction"]');
    await induction.getByRole('button', { name: /^Tick as done/ }).click();
    await induction.getByText('Ticked as done by Priya Nair').waitFor();
    await table2.getByText('1 of 4 duties confirmed', { exact: false }).waitFor();
    // The later ones say from when they can be confirmed, with no form before then.
    const appraisal = page.locator('li[data-duty-key="pcn-appraisal"]');
    await appraisal.getByText(/^Can be confirmed from /).waitFor();
    await expect(appraisal.getByRole('button').count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'the duties with one confirmed');
    expectNoProblems(t);
  });
});
