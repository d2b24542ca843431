/**
 * Each party's own sign-offs through the browser against the real API (#24): the CCC sends evidence; the Alliance
 * supervisor sees it on their home's count and their sign-offs page, awaiting them; they sign it off, and it
 * leaves "awaiting your sign-off", appears in "what you signed" and on the CCC's timeline in its month; the CCC sees
 * it there too and no longer waits on it. Axe checks every new page. One database for the whole file, so the
 * tests build on each other in order.
 */
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
  saveScreenshot,
  signIn,
  url,
  type TestPage,
} from './support/e2e';

interface GridLite {
  domains: { competencies: { code: string; title: string; progress: { state: string } }[] }[];
}
interface TimelineLite {
  enrolment: { currentMonth: number | null };
}

jest.setTimeout(120_000);

const REFLECTION = 'I set up a weekly list of FIT kits not returned after 14 days and followed each one up.';

describe('sign-offs: what awaits me, what I signed, and the CCC’s timeline', () => {
  let browser: Browser;
  let t: TestPage;
  let enrolmentId: string;
  let competency: { code: string; title: string };
  let currentMonth: number;
  let supervisorName: string;
  /** The sign-off of Sam's competency in a list across CCCs (the link names the CCC to screen readers). */
  const samsSignOff = () => new RegExp(`^Signed off ${competency.code} at level \\d+\\s+for Sam Taylor`);

  beforeAll(async () => {
    browser = await launchBrowser();
    const token = await apiToken(USERS.allianceSupervisor);
    const enrolments = await apiGet<{ id: string; ccc: { email: string } }[]>('/enrolments', token);
    const sam = enrolments.find((enrolment) => enrolment.ccc.email === USERS.ccc);
    if (!sam) throw new Error('Sam Taylor is not in the Alliance supervisor’s enrolments');
    enrolmentId = sam.id;
    supervisorName = (await apiGet<{ fullName: string }>('/me', token)).fullName;
    const grid = await apiGet<GridLite>(`/enrolments/${enrolmentId}/competencies`, token);
    const untouched = grid.domains
      .flatMap((domain) => domain.competencies)
      .find((item) => item.progress.state === 'not_started');
    if (!untouched) throw new Error('Sam has no competency left that is not started');
    competency = { code: untouched.code, title: untouched.title };
    const timeline = await apiGet<TimelineLite>(`/enrolments/${enrolmentId}/timeline`, token);
    if (!timeline.enrolment.currentMonth) throw new Error('Sam’s cohort is not running today');
    currentMonth = timeline.enrolment.currentMonth;
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await t?.context.close();
  });

  it('the CCC sends evidence and then waits on their Alliance supervisor for it', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.ccc);
    await page.goto(url(`/enrolments/${enrolmentId}/competencies/${encodeURIComponent(competency.code)}`));
    await page.getByRole('heading', { level: 1, name: competency.title }).waitFor();
    await page.getByLabel('Your reflection').fill(REFLECTION);
    await page.getByRole('button', { name: 'Add this evidence' }).click();
    await page.getByRole('status').filter({ hasText: 'Reflection added' }).waitFor();

    await page.goto(url('/sign-offs'));
    await page.getByRole('heading', { level: 1, name: 'Your sign-offs' }).waitFor();
    const waitingOn = page.getByRole('region', { name: 'What you are waiting on' });
    const row = waitingOn.locator(`tr[data-awaiting="competency:${competency.code}"]`);
    await row.waitFor();
    // Waiting on the CCC's own Alliance supervisor, by name.
    await expect(row.textContent()).resolves.toContain(supervisorName);
    await expectNoAxeViolations(page, 'the CCC’s sign-offs page');
    expectNoProblems(t);
  });

  it('the Alliance supervisor finds it awaiting them, oldest first, signs it off, and it leaves "awaiting"', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.allianceSupervisor);
    await page.getByRole('heading', { level: 1, name: 'Your caseload' }).waitFor();
    // The count on the home page links to the page.
    const count = page.getByRole('link', { name: /sign-offs? awaits? you/ });
    await count.waitFor();
    const before = Number(await page.locator('[data-sign-offs-count]').getAttribute('data-sign-offs-count'));
    expect(before).toBeGreaterThan(0);
    await count.click();

    await page.getByRole('heading', { level: 1, name: 'Your sign-offs' }).waitFor();
    const awaiting = page.getByRole('region', { name: 'Awaiting your sign-off' });
    const row = awaiting.locator(`tr[data-awaiting="competency:${competency.code}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Sam Taylor');
    await expect(row.textContent()).resolves.toContain('today');
    // Oldest first: the waiting-since column never goes back in time down the table.
    const since = await awaiting
      .locator('tbody time')
      .evaluateAll((els) => els.map((el) => el.getAttribute('datetime')));
    expect([...since].sort()).toEqual(since);
    await expectNoAxeViolations(page, 'the Alliance supervisor’s sign-offs page');
    await saveScreenshot(page, 'sign-offs-1280');

    // A bad filter in the address is refused by the API and shown against its field.
    await page.goto(url('/sign-offs?month=99'));
    const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toContain('Month must be from 1 to 36');
    await expectNoAxeViolations(page, 'the sign-offs page with a bad filter');

    await page.goto(url('/sign-offs'));
    await row.getByRole('link', { name: /for Sam Taylor/ }).click();
    await page.getByRole('heading', { level: 1, name: competency.title }).waitFor();
    await page.getByLabel('Sign off this competency').check();
    await page.getByRole('group', { name: 'Rating' }).getByRole('radio').last().check();
    await page.getByLabel('Your comment').fill('A clear system, followed through.');
    await page.getByRole('button', { name: 'Sign off', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Competency signed off' }).waitFor();

    await page.goto(url('/sign-offs'));
    await page.getByRole('heading', { level: 1, name: 'Your sign-offs' }).waitFor();
    const signed = page.getByRole('region', { name: 'What you signed' });
    await signed.getByRole('link', { name: samsSignOff() }).waitFor();
    await expect(awaiting.locator(`tr[data-awaiting="competency:${competency.code}"]`).count()).resolves.toBe(0);

    // Filtered by kind and month through the form: still there; another kind: not.
    await page.getByLabel('Kind').selectOption('competency');
    await page.getByLabel('Month of the programme').selectOption(String(currentMonth));
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/kind=competency/);
    await signed.getByRole('link', { name: samsSignOff() }).waitFor();
    await page.getByLabel('Kind').selectOption('tna');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/kind=tna/);
    await expect(signed.getByRole('link', { name: samsSignOff() }).count()).resolves.toBe(0);

    // On the CCC's timeline, in the current month.
    await page.goto(url(`/enrolments/${enrolmentId}`));
    const month = page.locator(`section[data-month="${currentMonth}"]`);
    await month.getByRole('link', { name: new RegExp(`^Signed off ${competency.code} at level`) }).waitFor();
    expectNoProblems(t);
  });

  it('the Alliance supervisor pages through what they signed, newest first, the filters kept', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.allianceSupervisor);
    await page.getByRole('heading', { level: 1, name: 'Your caseload' }).waitFor();
    await page.goto(url('/sign-offs?signedPageSize=2'));
    const signed = page.getByRole('region', { name: 'What you signed' });
    const summary = signed.getByText(/^\d+ sign-offs, 1 to 2 shown\.$/);
    await summary.waitFor();
    const total = Number((await summary.textContent())!.split(' ')[0]);
    expect(total).toBeGreaterThan(2);
    const firstPage = await signed.locator('tbody tr').allTextContents();
    expect(firstPage).toHaveLength(2);
    // Newest first: the one just signed heads the first page.
    await signed.locator('tbody tr').first().getByRole('link', { name: samsSignOff() }).waitFor();
    const pages = page.getByRole('navigation', { name: 'Pages of what you signed' });
    await expect(pages.getByRole('link', { name: /Previous/ }).count()).resolves.toBe(0);
    const pageCount = Math.ceil(total / 2);
    await pages.getByRole('link', { name: new RegExp(`^Next page\\s?:\\s?Page 2 of ${pageCount}$`) }).click();
    await page.waitForURL(/signedPage=2/);
    await signed.getByText(/^\d+ sign-offs, 3 to \d shown\.$/).waitFor();
    expect(new URL(page.url()).searchParams.get('signedPageSize')).toBe('2');
    const secondPage = await signed.locator('tbody tr').allTextContents();
    expect(secondPage.some((row) => firstPage.includes(row))).toBe(false);
    await expectNoAxeViolations(page, 'the second page of what the supervisor signed');
    await pages.getByRole('link', { name: new RegExp(`^Previous page\\s?:\\s?Page 1 of ${pageCount}$`) }).click();
    await page.waitForURL((address) => !address.searchParams.has('signedPage'));
    await signed.locator('tbody tr').first().getByRole('link', { name: samsSignOff() }).waitFor();
    expectNoProblems(t);
  });

  it('the CCC sees the sign-off on their timeline and no longer waits on it', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.ccc);
    await page.getByRole('heading', { level: 1, name: 'Sam Taylor' }).waitFor();
    const month = page.locator(`section[data-month="${currentMonth}"]`);
    const event = month.getByRole('link', { name: new RegExp(`^Signed off ${competency.code} at level`) });
    await event.waitFor();
    await expectNoAxeViolations(page, 'the CCC’s timeline with its sign-offs');

    await page.goto(url('/sign-offs'));
    await page.getByRole('heading', { level: 1, name: 'Your sign-offs' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'What you are waiting on' }).waitFor();
    await expect(page.locator(`tr[data-awaiting="competency:${competency.code}"]`).count()).resolves.toBe(0);
    expectNoProblems(t);
  });
});
