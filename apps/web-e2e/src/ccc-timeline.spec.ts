import type { Browser, Locator, Page } from 'playwright-core';
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
import { expectNoHorizontalScroll, statusTag, summaryValue } from './support/pages';

function month(page: Page, n: number): Locator {
  return page.locator(`section[data-month="${n}"]`);
}

/** The month's show/hide button: only a past month has one. */
function monthToggle(page: Page, n: number): Locator {
  return month(page, n).getByRole('button', { name: new RegExp(`^Month ${n}\\b`) });
}

/** Whether the top of the element is on screen, below the top edge and above the bottom one. */
async function headingInView(page: Page, n: number): Promise<boolean> {
  return month(page, n)
    .getByRole('heading', { level: 3 })
    .evaluate((node) => {
      const { top, bottom } = node.getBoundingClientRect();
      // Less a pixel: scrolling lands on fractions of one.
      return top >= -1 && bottom <= window.innerHeight;
    });
}

async function sessionKinds(section: Locator): Promise<string[]> {
  return section
    .locator('article[data-session-kind]')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-session-kind') ?? ''));
}

describe('a CCC on the supervision track', () => {
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

  it('goes straight to their own timeline: six months, month 3 current, the month 1 plan', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.ccc);
    await page.waitForURL('**/enrolments/*');

    await page.getByRole('heading', { level: 1, name: 'Sam Taylor' }).waitFor();
    const banner = page.getByRole('banner');
    await expect(banner.textContent()).resolves.toContain('Sam Taylor');
    await expect(banner.textContent()).resolves.toContain('Cancer Care Coordinator');

    await expect(summaryValue(page, 'Track')).resolves.toBe('Supervision track');
    await expect(summaryValue(page, 'PCN')).resolves.toBe('North Downs PCN');
    await expect(summaryValue(page, 'PCN supervisor')).resolves.toBe('Priya Nair');
    await expect(summaryValue(page, 'Alliance supervisor')).resolves.toBe('Alex Carter');

    // Six months, each with a heading and a date range; only month 3 is marked as this month.
    await expect(page.locator('section[data-month]').count()).resolves.toBe(6);
    for (let n = 1; n <= 6; n += 1) {
      await expect(month(page, n).getByRole('heading', { level: 3 }).textContent()).resolves.toMatch(
        new RegExp(`^Month ${n}`),
      );
      // Dates in full, as the NHS writes them: "25 September 2026 to 24 October 2026".
      await expect(
        month(page, n)
          .getByText(/^\d{1,2} [A-Z][a-z]+ \d{4} to \d{1,2} [A-Z][a-z]+ \d{4}/)
          .count(),
      ).resolves.toBe(1);
    }
    await expect(page.getByText('This month', { exact: true }).count()).resolves.toBe(1);
    await expect(month(page, 3).getByText('This month', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(month(page, 3).getAttribute('data-state')).resolves.toBe('current');
    await expect(month(page, 1).getAttribute('data-state')).resolves.toBe('past');
    await expect(month(page, 6).getAttribute('data-state')).resolves.toBe('future');

    // It opens at this month: month 3 on screen and open; months 1 and 2 one line each, closed.
    await page.waitForFunction(() => {
      const heading = document.querySelector('section[data-month="3"] h3');
      const rect = heading?.getBoundingClientRect();
      return rect !== undefined && rect.top >= -1 && rect.bottom <= window.innerHeight;
    });
    await expect(headingInView(page, 3)).resolves.toBe(true);
    await expect(page.evaluate(() => window.scrollY)).resolves.toBeGreaterThan(0);
    await expect(month(page, 3).getAttribute('data-expanded')).resolves.toBe('true');
    await expect(month(page, 3).locator('article[data-session-kind]').first().isVisible()).resolves.toBe(true);
    await expect(monthToggle(page, 3).count()).resolves.toBe(0);
    for (const past of [1, 2]) {
      await expect(month(page, past).getAttribute('data-expanded')).resolves.toBe('false');
      await expect(monthToggle(page, past).getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(month(page, past).locator('article[data-session-kind]').first().isVisible()).resolves.toBe(false);
      // One line: what happened in the month, counted by status.
      await expect(month(page, past).textContent()).resolves.toMatch(/\d+ sessions?: \d+ /);
    }
    // The future months are open too: nothing to look up there, but what is coming is worth seeing.
    await expect(month(page, 4).getAttribute('data-expanded')).resolves.toBe('true');

    // "Jump to a month": six links, this month marked; following a link to a closed month opens it.
    const jump = page.getByRole('navigation', { name: 'Jump to a month' });
    await expect(jump.getByRole('link').count()).resolves.toBe(6);
    await expect(jump.locator('a[aria-current]').textContent()).resolves.toMatch(/^Month 3/);
    await jump.getByRole('link', { name: 'Month 2', exact: true }).click();
    await page.waitForURL('**#month-2');
    await expect(monthToggle(page, 2).getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(headingInView(page, 2)).resolves.toBe(true);

    // The keyboard opens a past month: Enter on its heading's button.
    await monthToggle(page, 1).focus();
    await page.keyboard.press('Enter');
    await expect(monthToggle(page, 1).getAttribute('aria-expanded')).resolves.toBe('true');

    // Month 1: the teaching topic and the four sessions of the plan.
    const first = month(page, 1);
    await expect(
      first.getByRole('paragraph').filter({ hasText: 'Group teaching topic:' }).textContent(),
    ).resolves.toContain('Introduction to DES, QOF, integrated care');
    // Besides the plan's four, the month's group teaching may be listed as a session of its own.
    const kinds = (await sessionKinds(first)).filter((kind) => kind !== 'teaching');
    expect([...kinds].sort()).toEqual(['group', 'individual', 'joint', 'tna']);
    const text = (await first.textContent()) ?? '';
    expect(text).toContain('Introduction: toolkit, ACCEND and the competency framework');
    expect(text).toContain('Joint session: PCN priorities and the CCC role');
    expect(text).toContain('Training needs analysis');
    expect(text).toContain('Virtual group supervision');
    // The joint session names the PCN supervisor; each session's status is in words.
    const joint = first.locator('article[data-session-kind="joint"]');
    await expect(joint.textContent()).resolves.toContain('PCN supervisor: Priya Nair');
    await expect(statusTag(joint).textContent()).resolves.toMatch(
      /Not booked yet|Booked|Completed|Cancelled|Not held: never booked|Did not attend/,
    );

    // Month 3 has the joint review; month 6 the conference and the handover.
    expect(await sessionKinds(month(page, 3))).toContain('joint');
    expect(await sessionKinds(month(page, 6))).toEqual(expect.arrayContaining(['conference', 'handover']));

    const courses = page.getByRole('region', { name: 'Self-directed courses' });
    await expect(courses.textContent()).resolves.toContain('e-LfH ACCEND Programme');

    await expect(page.title()).resolves.toBe('Sam Taylor: programme timeline – CCC Programme');
    await expectNoAxeViolations(page, 'the CCC timeline');
    await saveScreenshot(page, 'ccc-timeline-1280');
    expectNoProblems(t);
  });

  it('reads well on a phone and passes axe there', async () => {
    t = await openPage(browser, MOBILE);
    const { page } = t;
    await signIn(page, USERS.ccc);
    await page.getByRole('heading', { level: 1, name: 'Sam Taylor' }).waitFor();
    await expect(page.locator('section[data-month]').count()).resolves.toBe(6);
    // Nothing wider than the screen: no sideways scrolling of the whole page.
    await expectNoHorizontalScroll(page, 'the CCC timeline at 375px');
    await expectNoAxeViolations(page, 'the CCC timeline at 375px');
    await saveScreenshot(page, 'ccc-timeline-375');
    expectNoProblems(t);
  });

  it('cannot open another CCC’s timeline', async () => {
    const adminToken = await apiToken(USERS.admin);
    const all = await apiGet<{ id: string; ccc: { email: string } }[]>('/enrolments', adminToken);
    const other = all.find((enrolment) => enrolment.ccc.email === USERS.cccOtherPcn);
    expect(other).toBeDefined();

    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.ccc);
    await page.waitForURL('**/enrolments/*');
    await page.goto(url(`/enrolments/${other?.id}`));
    const heading = page.getByRole('heading', { level: 1 });
    await page.getByRole('alert').waitFor();
    await expect(heading.textContent()).resolves.toMatch(/You cannot see this timeline|Timeline not found/);
    await expect(page.getByText('Jamie Reid').count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'a forbidden timeline');
  });
});

describe('a CCC on the training track', () => {
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

  it('sees the TNA and the conference but no supervision sessions', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.cccTraining);
    await page.waitForURL('**/enrolments/*');
    await page.getByRole('heading', { level: 1, name: 'Chris Doyle' }).waitFor();
    await expect(summaryValue(page, 'Track')).resolves.toBe('Training track');

    const kinds = await sessionKinds(page.locator('main'));
    expect(kinds).toContain('tna');
    expect(kinds).toContain('conference');
    for (const supervisionOnly of ['individual', 'group', 'joint', 'handover']) {
      expect(kinds).not.toContain(supervisionOnly);
    }
    await monthToggle(page, 1).click();
    await expect(
      month(page, 1).getByRole('paragraph').filter({ hasText: 'Group teaching topic:' }).textContent(),
    ).resolves.toContain('Introduction to DES, QOF, integrated care');
    await expectNoAxeViolations(page, 'the training-track timeline');
    expectNoProblems(t);
  });
});
