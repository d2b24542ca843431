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
    await expect(
      month(page, 1).getByRole('paragraph').filter({ hasText: 'Group teaching topic:' }).textContent(),
    ).resolves.toContain('Introduction to DES, QOF, integrated care');
    await expectNoAxeViolations(page, 'the training-track timeline');
    expectNoProblems(t);
  });
});
