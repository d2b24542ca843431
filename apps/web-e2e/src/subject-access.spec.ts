/**
 * The subject-access export through the browser against the real API: a CCC downloads everything held about them
 * from "Your data", and an administrator downloads a CCC's from the people page. Each archive is opened and read.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Browser, Download, Page } from 'playwright-core';
import {
  USERS,
  apiGet,
  apiToken,
  expectNoAxeViolations,
  expectNoProblems,
  launchBrowser,
  openPage,
  signIn,
  type TestPage,
} from './support/e2e';
import { waitUntilLoaded } from './support/pages';

jest.setTimeout(120_000);

/** Clicks the button, waits for the file, and reads the archive's JSON. */
async function downloadArchive(page: Page, buttonName: string | RegExp) {
  const [download] = (await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: buttonName }).click(),
  ])) as [Download, unknown];
  const zip = await JSZip.loadAsync(await readFile(await download.path()));
  const json = JSON.parse(await zip.file('subject-access.json')!.async('string')) as {
    person: { id: string; email: string };
    enrolments: { sessions: unknown[] }[];
    requestedBy: { self: boolean };
  };
  return { name: download.suggestedFilename(), zip, json };
}

describe('subject-access export', () => {
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

  it('lets a CCC download everything held about them from "Your data"', async () => {
    t = await openPage(browser);
    const { page } = t;
    await signIn(page, USERS.ccc);
    await page.getByRole('link', { name: 'Your data' }).click();
    await page.getByRole('heading', { level: 1, name: /Your data/ }).waitFor();
    await waitUntilLoaded(page);
    await expectNoAxeViolations(page, 'the "Your data" page');

    const { name, zip, json } = await downloadArchive(page, 'Download everything we hold about you');
    expect(name).toMatch(/^subject-access-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(zip.file('README.txt')).not.toBeNull();
    expect(json.person.email).toBe(USERS.ccc);
    expect(json.requestedBy.self).toBe(true);
    expect(json.enrolments.length).toBeGreaterThanOrEqual(1);
    expect(json.enrolments[0]!.sessions.length).toBeGreaterThan(0);
    // The button is itself again once the file is saved.
    await page.getByRole('button', { name: 'Download everything we hold about you' }).waitFor();
    expectNoProblems(t);
  });

  it("lets an administrator download a CCC's from the people page", async () => {
    const people = await apiGet<{ id: string; fullName: string; email: string }[]>(
      '/people',
      await apiToken(USERS.admin),
    );
    const ccc = people.find((p) => p.email === USERS.ccc)!;
    t = await openPage(browser);
    const { page } = t;
    await signIn(page, USERS.admin);
    // Found by e-mail: the list is read a page at a time.
    await page.goto(new URL(`/admin/people?q=${encodeURIComponent(USERS.ccc)}`, page.url()).toString());
    await waitUntilLoaded(page);

    const { json } = await downloadArchive(page, `Download subject-access export for ${ccc.fullName}`);
    expect(json.person).toMatchObject({ id: ccc.id, email: USERS.ccc });
    expect(json.requestedBy.self).toBe(false);
    expectNoProblems(t);
  });
});
