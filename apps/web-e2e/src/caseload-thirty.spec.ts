/**
 * Issue #20, item 1 at real size: an Alliance supervisor with a caseload of 30 CCCs finds the ones with evidence
 * waiting from the caseload's card and books one's next session from its row; on a phone the caseload shows at least
 * nine CCCs a screen. The supervisor and the 30 CCCs are made for this file alone (people straight in the scratch
 * database, with the demo password; the cohort, enrolments and evidence through the API), so that the demo
 * supervisor's caseload, which other specs count, is left as it was.
 */
import pg from 'pg';
import type { Browser } from 'playwright-core';
import {
  DEMO_PASSWORD,
  DESKTOP,
  MOBILE,
  USERS,
  apiGet,
  apiToken,
  expectNoAxeViolations,
  expectNoProblems,
  launchBrowser,
  openPage,
  signIn,
  type TestPage,
  url,
  apiPost,
} from './support/e2e';
import { addDays, shownDate } from './support/dates';
import { expectNoHorizontalScroll, fillDate, statusTag, waitUntilLoaded } from './support/pages';

jest.setTimeout(120_000);

const RUN = Date.now();
const SUPERVISOR = `alliance.supervisor.thirty.${RUN}@example.org`;
const TABLE = 'CCCs you supervise and their sessions';
const FIRST = ['Avery', 'Blake', 'Casey', 'Devon', 'Ellis', 'Frankie', 'Gray', 'Harper', 'Indy', 'Jules'];
const LAST = ['Marsh', 'Okafor', 'Pryce'];
/** Thirty distinct names, e.g. "Avery Marsh", sorted as the caseload sorts them. */
const NAMES = LAST.flatMap((last) => FIRST.map((first) => `${first} ${last}`)).sort((a, b) =>
  a.localeCompare(b, 'en-GB'),
);
/** The CCCs who send evidence for review: three of the thirty. */
const WITH_EVIDENCE = [NAMES[3]!, NAMES[14]!, NAMES[26]!].sort((a, b) => a.localeCompare(b, 'en-GB'));

function londonToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

interface Lite {
  id: string;
  name: string;
  kind?: string;
}

/**
 * The supervisor and the 30 CCCs in one statement each, with the demo supervisor's password hash (so both sign in
 * with the demo password) and their roles copied from the demo people's: same Alliance, the CCCs over two PCNs.
 */
async function insertPeople(pcnIds: string[]): Promise<{ supervisorId: string; cccIds: Map<string, string> }> {
  const client = new pg.Client({ connectionString: process.env.WEB_E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query('BEGIN');
    const supervisor = await client.query<{ id: string }>(
      `INSERT INTO person (email, full_name, password_hash)
       SELECT $1, 'Morgan Thirty', password_hash FROM person WHERE lower(email) = lower($2) RETURNING id`,
      [SUPERVISOR, USERS.allianceSupervisor],
    );
    const supervisorId = supervisor.rows[0]!.id;
    await client.query(
      `INSERT INTO role_assignment (person_id, role, organisation_id)
       SELECT $1, r.role, r.organisation_id FROM role_assignment r JOIN person p ON p.id = r.person_id
        WHERE lower(p.email) = lower($2) AND r.role = 'alliance_supervisor'`,
      [supervisorId, USERS.allianceSupervisor],
    );
    const ccc = await client.query<{ id: string; full_name: string }>(
      `INSERT INTO person (email, full_name, password_hash)
       SELECT 'ccc.thirty.' || n || '.' || $3 || '@example.org', name,
              (SELECT password_hash FROM person WHERE lower(email) = lower($2))
         FROM unnest($1::text[]) WITH ORDINALITY AS t(name, n) RETURNING id, full_name`,
      [NAMES, USERS.allianceSupervisor, String(RUN)],
    );
    const cccIds = new Map(ccc.rows.map((row) => [row.full_name, row.id]));
    await client.query(
      `INSERT INTO role_assignment (person_id, role, organisation_id)
       SELECT id, 'ccc', ($2::uuid[])[1 + (ordinality - 1) % array_length($2::uuid[], 1)]
         FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, ordinality)`,
      [ccc.rows.map((row) => row.id), pcnIds],
    );
    await client.query('COMMIT');
    return { supervisorId, cccIds };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}

async function rowNames(page: TestPage['page']): Promise<string[]> {
  const table = page.getByRole('table', { name: TABLE });
  await table.waitFor();
  return (await table.locator('tbody tr th a').allTextContents()).map((text) => text.replace(/: view timeline$/, ''));
}

describe('a caseload of 30 CCCs', () => {
  let browser: Browser;
  let t: TestPage;
  let cohortId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = await apiToken(USERS.admin);
    const organisations = await apiGet<Lite[]>('/organisations', admin);
    const pcns = organisations.filter((o) => o.kind === 'pcn').slice(0, 2);
    const { supervisorId, cccIds } = await insertPeople(pcns.map((pcn) => pcn.id));
    const [template] = await apiGet<Lite[]>('/templates', admin);
    // Started on the first of this month: month 1's sessions are there to book.
    const start = `${londonToday().slice(0, 8)}01`;
    const cohort = await apiPost<Lite>('/cohorts', admin, {
      name: `Thirty cohort ${RUN}`,
      templateId: template!.id,
      startDate: start,
      supervisorIds: [supervisorId],
    });
    cohortId = cohort.id;
    const enrolments = new Map<string, string>();
    let i = 0;
    for (const [name, cccId] of cccIds) {
      const enrolment = await apiPost<Lite>(`/cohorts/${cohort.id}/enrolments`, admin, {
        cccId,
        pcnId: pcns[i++ % pcns.length]!.id,
        allianceSupervisorId: supervisorId,
        track: 'supervision',
        employmentStart: start,
      });
      enrolments.set(name, enrolment.id);
    }
    // Three CCCs send a reflection for their first competency, as they would from its page.
    for (const [n, name] of WITH_EVIDENCE.entries()) {
      const token = await apiToken(`ccc.thirty.${NAMES.indexOf(name) + 1}.${RUN}@example.org`, DEMO_PASSWORD);
      const enrolmentId = enrolments.get(name)!;
      const grid = await apiGet<{ domains: { competencies: { code: string }[] }[] }>(
        `/enrolments/${enrolmentId}/competencies`,
        token,
      );
      const code = grid.domains[0]!.competencies[n]!.code;
      await apiPost(`/enrolments/${enrolmentId}/competencies/${encodeURIComponent(code)}/evidence`, token, {
        kind: 'reflection',
        text: `A reflection on my first weeks, from ${name}.`,
      });
    }
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await t?.context.close();
  });

  it('finds the CCCs with evidence waiting and books one’s next session from the caseload (1280 px)', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, SUPERVISOR);
    await page.getByRole('heading', { level: 1, name: 'Your caseload' }).waitFor();
    await waitUntilLoaded(page);
    await expect(page.getByText('30 Cancer Care Coordinators on the programme.').count()).resolves.toBe(1);
    await expect(rowNames(page)).resolves.toEqual(NAMES);
    const count = page.getByRole('status').filter({ hasText: /^Showing/ });
    await expect(count.textContent()).resolves.toContain('Showing all 30 CCCs.');
    await expectNoAxeViolations(page, 'a caseload of 30 CCCs');

    // The card says how many competencies wait, and shows the CCCs behind them.
    const cards = page.getByRole('list', { name: 'Across the caseload' });
    const evidenceCard = cards.getByRole('link', { name: /evidence waiting for your review/ });
    await expect(evidenceCard.textContent()).resolves.toMatch(/^3 evidence waiting for your review/);
    await evidenceCard.click();
    await page.waitForURL('**/?show=evidence');
    await cards.locator('a[aria-current="true"]').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('table.app-caseload tbody tr').length === 3);
    await expect(rowNames(page)).resolves.toEqual(WITH_EVIDENCE);
    await expect(count.textContent()).resolves.toContain('Showing 3 of 30 CCCs: evidence waiting for review.');
    await expectNoAxeViolations(page, 'the 30-CCC caseload filtered to evidence waiting');

    // The first of them: their next session booked from the row.
    const name = WITH_EVIDENCE[0]!;
    const row = page.getByRole('table', { name: TABLE }).getByRole('row').filter({ hasText: name });
    await expect(row.locator('td').last().textContent()).resolves.toContain('None booked');
    const book = row.getByRole('link', { name: new RegExp(`^Book next ?: .*, month 1, for ${name}$`) });
    const sessionId = await book.getAttribute('data-book-session');
    await book.click();
    await page.waitForURL(`**/sessions/${sessionId}?action=book`);
    await page.getByRole('heading', { level: 2, name: 'Book this session' }).waitFor();
    await expect(page.getByRole('main').textContent()).resolves.toContain(name);
    await expectNoAxeViolations(page, 'booking from the 30-CCC caseload');

    const date = addDays(londonToday(), 7);
    await fillDate(page, 'Date', date);
    await page.getByLabel('Start time').fill('10:30');
    await page.getByLabel('Virtual (online meeting)').check();
    await page.getByLabel('Meeting link').fill('https://meet.example.org/thirty');
    await page.getByRole('button', { name: 'Book session' }).click();

    // It ends on the booked session: the date as people read it, and its status.
    const confirmation = page.getByRole('status').filter({ hasText: 'Session booked' });
    await confirmation.waitFor();
    await expect(confirmation.textContent()).resolves.toContain(`${shownDate(date)}, 10:30`);
    expect(new URL(page.url()).pathname).toBe(`/sessions/${sessionId}`);
    await expect(statusTag(page.getByRole('main')).textContent()).resolves.toContain('Booked');
    await expect(page.getByRole('main').textContent()).resolves.toContain(name);
    await expectNoAxeViolations(page, 'the session booked from the 30-CCC caseload');

    // Back on the caseload, the row shows it as their next session.
    await page.getByRole('link', { name: 'Back', exact: true }).click();
    await page.waitForURL('**/?show=evidence');
    const next = page
      .getByRole('table', { name: TABLE })
      .getByRole('row')
      .filter({ hasText: name })
      .locator('td')
      .last();
    await next.getByRole('link').first().waitFor();
    await expect(next.locator('time').getAttribute('datetime')).resolves.toContain(date);
    expectNoProblems(t);
  });

  it('shows at least nine of the 30 CCCs in one screen on a phone (375 px)', async () => {
    t = await openPage(browser, MOBILE);
    const { page } = t;
    await signIn(page, SUPERVISOR);
    await page.getByRole('heading', { level: 1, name: 'Your caseload' }).waitFor();
    await waitUntilLoaded(page);
    await expect(rowNames(page)).resolves.toHaveLength(30);
    await expectNoHorizontalScroll(page, 'a caseload of 30 CCCs at 375px');
    // Scrolled to the first CCC, the rows wholly inside the 812 px screen.
    const rows = page.locator('table.app-caseload tbody tr');
    await rows.first().evaluate((row) => row.scrollIntoView({ block: 'start' }));
    const inView = await rows.evaluateAll(
      (all) =>
        all.filter((row) => {
          const box = row.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }).length,
    );
    expect(inView).toBeGreaterThanOrEqual(9);
    await expectNoAxeViolations(page, 'a caseload of 30 CCCs at 375px');
    expectNoProblems(t);
  });

  it('records a group session of the 30 with an action owned by one CCC, named on the session page', async () => {
    const today = londonToday();
    const sessions = await apiGet<{ id: string; kind: string; status: string; monthStartsOn: string }[]>(
      `/cohorts/${cohortId}/group-sessions`,
      await apiToken(SUPERVISOR),
    );
    // One of this month's, still to book: booked for the early hours of today, it is held and recorded next.
    const group = sessions.find((s) => s.monthStartsOn <= today && s.status === 'planned');
    if (!group) throw new Error(`No group session to book this month: ${JSON.stringify(sessions)}`);
    const owner = NAMES[7]!;
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, SUPERVISOR);
    await page.goto(url(`/sessions/${group.id}?action=book`));
    await page.getByRole('heading', { level: 2, name: 'Book this session' }).waitFor();
    await fillDate(page, 'Date', today);
    await page.getByLabel('Start time').fill('00:00');
    await page.getByLabel('Virtual (online meeting)').check();
    await page.getByLabel('Meeting link').fill('https://meet.example.org/thirty-group');
    await page.getByTestId('booking-in-the-past').waitFor();
    await page.getByRole('button', { name: 'Book as held, then record' }).click();
    await page.getByRole('heading', { level: 2, name: 'Record this session' }).waitFor();
    await expect(page.getByRole('heading', { level: 3, name: 'Register' }).count()).resolves.toBe(1);

    await page.getByRole('button', { name: 'Mark everyone present' }).click();
    await page.getByRole('button', { name: 'Add an action' }).click();
    await page.getByLabel('What is to be done').fill('Bring a case study to the next group');
    await page.getByLabel('Who does it').selectOption('ccc');
    // In a group of thirty, "the CCC" says nobody: the form asks which one.
    const which = page.getByLabel('Which CCC');
    await expect(which.locator('option').allTextContents()).resolves.toEqual(expect.arrayContaining(NAMES));
    await which.selectOption({ label: owner });
    await page.getByLabel('Due by').fill(addDays(today, 14));
    await expectNoAxeViolations(page, 'recording a group session of 30 with an action for one CCC');
    await page.getByRole('button', { name: 'Save the record' }).click();
    await page.getByRole('status').filter({ hasText: 'Session recorded' }).waitFor();
    await expect(statusTag(page.getByRole('main')).textContent()).resolves.toContain('Completed');

    const actions = page.getByRole('table', { name: 'Actions agreed at the session' });
    const row = actions.getByRole('row').filter({ hasText: 'Bring a case study to the next group' });
    await expect(row.textContent()).resolves.toContain(`CCC: ${owner}`);
    await expectNoAxeViolations(page, 'a recorded group session with an action for one CCC');
    expectNoProblems(t);
  });
});
