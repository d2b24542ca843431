/**
 * Bulk import of people through the browser (issue #16, item 5): the administrator downloads the template, checks
 * a file with a bad row (each problem named by row and column, nothing imported), corrects it, checks again,
 * imports, and finds the people on the list as invited, with their invitations waiting in the outbox.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Download } from 'playwright-core';
import {
  DESKTOP,
  USERS,
  expectNoAxeViolations,
  expectNoProblems,
  launchBrowser,
  openPage,
  signIn,
  type TestPage,
} from './support/e2e';
import { newestMessageTo } from './support/outbox';

jest.setTimeout(120_000);

const TAG = Date.now().toString(36);
const HEADER = 'full_name,email,role,pcn,employment_start';

describe('people import', () => {
  let browser: Browser;
  let t: TestPage;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await t?.context.close();
    await browser?.close();
  });

  it('walks the administrator through an import with a bad row, corrected, then imported', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { level: 1, name: /People/ }).waitFor();
    await page.locator('tr[data-person]').first().waitFor();
    await page.getByText('Invite many people at once from a spreadsheet').click();
    const panel = page.getByTestId('people-import');

    // The template: its header row is the one the import reads.
    const [download] = (await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      panel.getByRole('button', { name: 'Download the template (CSV)' }).click(),
    ])) as [Download, unknown];
    expect(download.suggestedFilename()).toBe('people-import-template.csv');
    const template = await readFile((await download.path())!, 'utf8');
    expect(template.split('\r\n')[0]).toBe(HEADER);

    const ccc = `imported.ccc.${TAG}@example.org`;
    const sup = `imported.pcn.${TAG}@example.org`;
    const file = (pcnOfSecondRow: string) => ({
      name: 'people.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          HEADER,
          `Imported Ccc ${TAG},${ccc},ccc,North Downs PCN,2026-01-05`,
          `Imported Pcn ${TAG},${sup},pcn_supervisor,${pcnOfSecondRow},`,
        ].join('\n'),
      ),
    });

    // A bad row: the check names its row and column, and there is nothing to import.
    await panel.getByLabel('The file (CSV or XLSX)').setInputFiles(file('Nowhere PCN'));
    await panel.getByRole('button', { name: 'Check the file' }).click();
    const check = page.getByTestId('import-check');
    await check.getByText('Row 3, pcn: no PCN of this name in your Alliance').waitFor();
    await check.getByText('2 rows: 1 to invite, 0 to give a role, 1 with a problem.').waitFor();
    expect(await check.locator('[data-import-row="2"]').innerText()).toContain('Invite');
    expect(await check.getByRole('button', { name: /^Import/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'the people import with a problem');
    expect(await newestMessageTo(ccc)).toBeNull();

    // Corrected: checked again, then imported.
    await panel.getByLabel('The file (CSV or XLSX)').setInputFiles(file('Solent Coast PCN'));
    await panel.getByRole('button', { name: 'Check the file' }).click();
    await check.getByText('2 rows: 2 to invite, 0 to give a role, 0 with a problem.').waitFor();
    await check.getByRole('button', { name: 'Import 2 people' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported 2 people' }).waitFor();
    await expectNoAxeViolations(page, 'the people import done');

    // On the list as invited (found by the search: the list is read a page at a time); their invitations are in the
    // outbox, sent once the import committed.
    await page.getByLabel('Search by name, e-mail or organisation').fill(ccc);
    await page.waitForURL(/[?&]q=/);
    const row = page.locator(`tr[data-person="${ccc}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('Invited');
    expect((await newestMessageTo(ccc))?.subject).toBe('Your invitation to the CCC supervision and training programme');
    expect(await newestMessageTo(sup)).not.toBeNull();
    expectNoProblems(t);
  });
});
