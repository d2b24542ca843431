/**
 * Programme administration through the browser against the real API: the administrator creates a cohort from a
 * template version, enrols a CCC, is refused for another whose employment start rules out the supervision track
 * (and reads why), then opens the cohort report, filters it to the new cohort, and downloads it as CSV and XLSX.
 * One database for the whole run, so the tests build on each other in order.
 *
 * The evaluation survey is not submitted here: the demo's current cohort is in month 3 (the survey opens in the
 * last month) and its past cohort's CCCs have all submitted theirs already.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
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
  type TestPage,
} from './support/e2e';
import { expectFocusOnErrorSummary, fillDate, waitUntilLoaded } from './support/pages';

jest.setTimeout(120_000);

interface PersonLite {
  id: string;
  fullName: string;
  email: string;
}

const COHORT_NAME = `Browser test cohort ${Date.now()}`;
const FILE_NAME = /^cohort-report-\d{4}-\d{2}-\d{2}\.(csv|xlsx)$/;

function londonToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

/** The first day of next month, YYYY-MM-DD. */
function firstOfNextMonth(): string {
  const [y, m] = londonToday().split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}

function addYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

async function saveDownload(page: Page, buttonName: string): Promise<{ name: string; body: Buffer }> {
  const [download] = (await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: buttonName }).click(),
  ])) as [Download, unknown];
  const file = await download.path();
  return { name: download.suggestedFilename(), body: await readFile(file) };
}

describe('programme administration', () => {
  let browser: Browser;
  let t: TestPage;
  let trainee: PersonLite;
  let lateStarter: PersonLite;
  let cohortPath = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    const people = await apiGet<PersonLite[]>('/people', await apiToken(USERS.admin));
    const find = (email: string) => {
      const person = people.find((p) => p.email === email);
      if (!person) throw new Error(`${email} is not in the administrator's people`);
      return person;
    };
    // CCCs with no active enrolment (one at a time): Rosa finished the pilot, Leo withdrew from it.
    trainee = find('ccc.pilot1@example.org');
    lateStarter = find('ccc.pilot6@example.org');
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await t?.context.close();
  });

  it('the administrator creates a cohort from a template version', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cohorts' }).click();
    await page.getByRole('heading', { level: 1, name: /Cohorts/ }).waitFor();
    await waitUntilLoaded(page);
    await expectNoAxeViolations(page, 'the cohorts page');

    await page.getByText('Start a new cohort from a template version').click();
    // Sent empty first: the errors are listed and focus moves to them.
    await page.getByRole('button', { name: 'Create cohort' }).click();
    await expectFocusOnErrorSummary(page, 'the create-cohort form');

    await page.getByLabel('Name of the cohort').fill(COHORT_NAME);
    const template = page.getByLabel('Programme template');
    const firstTemplate = await template.locator('option').nth(1).getAttribute('value');
    await template.selectOption(firstTemplate ?? '');
    await page.getByLabel('Start date').fill(firstOfNextMonth());
    await page.getByRole('button', { name: 'Create cohort' }).click();

    await page.getByRole('heading', { level: 1, name: COHORT_NAME }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `Cohort created: ${COHORT_NAME}` })
      .waitFor();
    cohortPath = new URL(page.url()).pathname;
    expect(cohortPath).toMatch(/^\/admin\/cohorts\/[0-9a-f-]{36}$/);
    await page.getByText('No CCCs are enrolled in this cohort yet.').waitFor();
    expectNoProblems(t);
  });

  it('enrols a CCC, and is told why another cannot join the supervision track', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.admin);
    await page.goto(new URL(cohortPath, page.url()).toString());
    await page.getByRole('heading', { level: 2, name: 'Enrol a CCC' }).waitFor();
    await waitUntilLoaded(page);
    await expectNoAxeViolations(page, 'the cohort page with its enrol form');

    // Rosa on the training track: the PCN fills in from her role.
    const start = firstOfNextMonth();
    await page.getByLabel('Cancer Care Coordinator').selectOption(trainee.id);
    await expect(page.getByLabel('PCN that employs them').inputValue()).resolves.not.toBe('');
    await page.getByLabel('Training only').check();
    await fillDate(page, 'Date they started in post', addYears(start, -2));
    await page.getByRole('button', { name: 'Enrol CCC' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${trainee.fullName} enrolled on the training track` })
      .waitFor();
    await page.locator(`tr[data-enrolment="${trainee.email}"]`).waitFor();

    // Leo on the supervision track, employed years before the cohort starts: refused, with the reason.
    await page.getByLabel('Cancer Care Coordinator').selectOption(lateStarter.id);
    await page.getByLabel('Supervision and training').check();
    await fillDate(page, 'Date they started in post', addYears(start, -3));
    await page.getByRole('button', { name: 'Enrol CCC' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary
      .getByText(
        /The supervision track is for newly employed CCCs: employment starting from .+ \(within \d+ months before the cohort starts/,
      )
      .waitFor();
    await expectFocusOnErrorSummary(page, 'the enrol form refused for eligibility');
    await expect(summary.getByRole('link').first().textContent()).resolves.toMatch(/Enrol them on the training track/);
    await expect(page.locator(`tr[data-enrolment="${lateStarter.email}"]`).count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'the enrol form with the eligibility refusal');
    expectNoProblems(t);
  });

  it('opens the cohort report, filters it to the new cohort, and downloads it', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Report' }).click();
    await page.getByRole('heading', { level: 1, name: /Cohort report/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Evaluation survey' }).waitFor();
    await waitUntilLoaded(page);
    // The demo's finished cohort answered the survey: each statement shows a share or "fewer than 5".
    const statements = page.locator('tr[data-statement]');
    expect(await statements.count()).toBeGreaterThan(0);
    await expect(statements.first().textContent()).resolves.toMatch(/\d+ of \d+ \(\d+%\)|fewer than 5/);
    await expectNoAxeViolations(page, 'the cohort report');
    await saveScreenshot(page, 'cohort-report-1280');

    // The filters are a GET form: the choice goes into the address.
    await page.getByLabel('Cohort', { exact: true }).selectOption({ label: COHORT_NAME });
    await page.getByRole('button', { name: 'Show report' }).click();
    await page.waitForURL(/cohortId=/);
    await page.getByText(`Showing cohort ${COHORT_NAME}`).waitFor();
    const enrolment = page.getByRole('table', { name: 'Enrolment by cohort' });
    await enrolment.getByRole('rowheader', { name: new RegExp(COHORT_NAME) }).waitFor();
    await expect(
      enrolment.getByRole('row').filter({ hasText: COHORT_NAME }).getByRole('cell').first().textContent(),
    ).resolves.toBe('1');

    const csv = await saveDownload(page, 'Download CSV');
    expect(csv.name).toMatch(FILE_NAME);
    expect(csv.name.endsWith('.csv')).toBe(true);
    expect(csv.body.length).toBeGreaterThan(0);
    expect(csv.body.toString('utf8')).toContain(COHORT_NAME);
    await page.getByRole('status').filter({ hasText: 'The CSV file has been downloaded' }).waitFor();

    const xlsx = await saveDownload(page, 'Download Excel (XLSX)');
    expect(xlsx.name).toMatch(FILE_NAME);
    expect(xlsx.name.endsWith('.xlsx')).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.length).toBeGreaterThan(1);
    const cells: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toContain(COHORT_NAME);
    expectNoProblems(t);
  });
});
