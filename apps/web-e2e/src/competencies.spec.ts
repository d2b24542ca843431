/**
 * Competencies through the browser against the real API: the CCC writes a reflection (kept as a draft across a
 * sign-out), sends it and uploads a PDF as evidence with its progress shown; the Alliance supervisor signs the
 * competency off from their inbox; the CCC's grid then shows it signed off. Axe checks every new page. One
 * database for the whole run, so the tests in this file build on each other in order.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
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

interface GridLite {
  enrolmentId: string;
  domains: {
    key: string;
    title: string;
    competencies: { code: string; title: string; progress: { state: string } }[];
  }[];
}

// Axe over long pages (the timeline, a TNA form of every competency) takes a while on a busy machine.
jest.setTimeout(120_000);

const REFLECTION =
  'I audited safety netting for suspected cancer referrals at two practices and shared the results at the team meeting.';
const FILE_NAME = 'safety-netting-audit.pdf';

/** A small but real PDF, padded so that its upload takes long enough (on a throttled connection) to see progress. */
function smallPdf(): Buffer {
  const objects = [
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const object of objects) {
    offsets.push(body.length);
    body += object;
  }
  body += `%${'audit results '.repeat(8000)}\n`;
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function competencyRow(page: Page, code: string) {
  return page.locator(`tr[data-competency="${code}"]`);
}

describe('competencies, evidence and sign-off', () => {
  let browser: Browser;
  let t: TestPage;
  let enrolmentId: string;
  let competency: { code: string; title: string };
  /** What the demo data returned to Sam for more evidence, if anything. */
  let returnedToSam = 0;

  beforeAll(async () => {
    browser = await launchBrowser();
    const token = await apiToken(USERS.allianceSupervisor);
    const enrolments = await apiGet<{ id: string; ccc: { email: string } }[]>('/enrolments', token);
    const sam = enrolments.find((enrolment) => enrolment.ccc.email === USERS.ccc);
    if (!sam) throw new Error('Sam Taylor is not in the Alliance supervisor’s enrolments');
    enrolmentId = sam.id;
    // A competency nobody has touched yet in the demo data.
    const grid = await apiGet<GridLite>(`/enrolments/${enrolmentId}/competencies`, token);
    const untouched = grid.domains
      .flatMap((domain) => domain.competencies)
      .find((item) => item.progress.state === 'not_started');
    if (!untouched) throw new Error('Sam has no competency left that is not started');
    competency = { code: untouched.code, title: untouched.title };
    const inbox = await apiGet<{ returned: unknown[] }>('/competencies/inbox', await apiToken(USERS.ccc));
    returnedToSam = inbox.returned.length;
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await t?.context.close();
  });

  it('the CCC finds their competencies from the timeline; a draft reflection survives signing out and in', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.ccc);
    await page.getByRole('heading', { level: 1, name: 'Sam Taylor' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Competencies and training' }).waitFor();
    await page.getByText(/\d+ of \d+ signed off/).waitFor();
    if (returnedToSam > 0) {
      const returned = page.getByRole('region', { name: 'Returned to you' });
      await expect(returned.locator('li').count()).resolves.toBe(returnedToSam);
    }
    await expectNoAxeViolations(page, 'the CCC’s timeline with their competencies');
    await page.getByRole('link', { name: 'Your competencies' }).click();

    await page.getByRole('heading', { level: 1, name: /Competencies/ }).waitFor();
    // A table per domain, its caption the domain, a row header per competency.
    const row = competencyRow(page, competency.code);
    await expect(row.locator('[data-competency-state]').getAttribute('data-competency-state')).resolves.toBe(
      'not_started',
    );
    await expect(row.getByRole('rowheader').textContent()).resolves.toContain(competency.title);
    await expectNoAxeViolations(page, 'the CCC’s competency grid');
    await saveScreenshot(page, 'competency-grid-1280');

    await row.getByRole('link', { name: competency.title }).click();
    await page.getByRole('heading', { level: 1, name: competency.title }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'What good evidence looks like' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Add evidence' }).waitFor();
    await expectNoAxeViolations(page, 'the competency page for the CCC');

    // Typed, saved as a draft on the server a moment later.
    await page.getByLabel('Your reflection').fill(REFLECTION);
    await page.getByRole('status').filter({ hasText: 'Draft saved' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    expectNoProblems(t);
    await t.context.close();

    // A fresh browser (nothing kept in this tab): the draft comes back from the server.
    t = await openPage(browser, DESKTOP);
    await signIn(t.page, USERS.ccc);
    await t.page.goto(url(`/enrolments/${enrolmentId}/competencies/${encodeURIComponent(competency.code)}`));
    await t.page.getByRole('heading', { level: 1, name: competency.title }).waitFor();
    await expect(t.page.getByLabel('Your reflection').inputValue()).resolves.toBe(REFLECTION);
    await t.page.getByText('We have put back the draft you were writing').waitFor();
    expectNoProblems(t);
  });

  it('the CCC sends the reflection, then uploads a PDF with its progress shown; the draft is gone', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.ccc);
    await page.goto(url(`/enrolments/${enrolmentId}/competencies/${encodeURIComponent(competency.code)}`));
    await page.getByRole('heading', { level: 1, name: competency.title }).waitFor();
    await expect(page.getByLabel('Your reflection').inputValue()).resolves.toBe(REFLECTION);
    await page.getByRole('button', { name: 'Add this evidence' }).click();
    await page.getByRole('status').filter({ hasText: 'Reflection added' }).waitFor();
    await expect(page.locator('[data-competency-state]').first().getAttribute('data-competency-state')).resolves.toBe(
      'evidence_submitted',
    );
    await expect(page.getByLabel('Your reflection').inputValue()).resolves.toBe('');

    // A file that is not a PDF, image or office document is refused before it is sent.
    await page.getByLabel('A file: a PDF, an image or an office document').check();
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not evidence'),
    });
    await page.getByRole('button', { name: 'Add this evidence' }).click();
    const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toContain('The file must be a PDF, image or office document');
    await expect(page.getByLabel('File', { exact: true }).getAttribute('aria-describedby')).resolves.toContain(
      'evidence-file-error',
    );
    await expectNoAxeViolations(page, 'the evidence form with an error');

    // A slow connection, so that the progress bar can be seen on the way.
    const cdp = await t.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 48 * 1024,
    });
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: FILE_NAME,
      mimeType: 'application/pdf',
      buffer: smallPdf(),
    });
    await page.getByLabel('A note about it (optional)').fill('The audit summary');
    await page.getByRole('button', { name: 'Add this evidence' }).click();
    const progress = page.locator('progress#evidence-upload');
    await progress.waitFor();
    await expect(page.getByText(new RegExp(`Uploading ${FILE_NAME.replace('.', '\\.')}: \\d+%`)).count()).resolves.toBe(
      1,
    );
    await expectNoAxeViolations(page, 'the evidence form while uploading');
    await page.getByRole('status').filter({ hasText: 'File added' }).waitFor();
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    const evidence = page.getByRole('list', { name: 'Evidence, oldest first' });
    await expect(evidence.locator('li').count()).resolves.toBe(2);
    await evidence.getByRole('button', { name: new RegExp(`^Download ${FILE_NAME.replace('.', '\\.')}`) }).waitFor();
    await expect(evidence.textContent()).resolves.toContain(REFLECTION);
    await expectNoAxeViolations(page, 'the competency page with evidence');
    await saveScreenshot(page, 'competency-evidence-1280');

    // The draft went with the submission: a reload finds an empty form and nothing restored.
    await page.reload();
    await page.getByLabel('Your reflection').waitFor();
    await expect(page.getByLabel('Your reflection').inputValue()).resolves.toBe('');
    await expect(page.getByText('We have put back').count()).resolves.toBe(0);
    expectNoProblems(t);
  });

  it('the Alliance supervisor signs it off from the inbox', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.allianceSupervisor);
    await page.getByRole('heading', { level: 1, name: 'Your caseload' }).waitFor();
    const section = page.getByRole('region', { name: 'Evidence waiting for review' });
    await section.getByRole('table').waitFor();
    await expectNoAxeViolations(page, 'the caseload with evidence waiting for review');

    // The inbox page from the navigation lists the same, oldest first.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Evidence to review' }).click();
    await page.getByRole('heading', { level: 1, name: 'Evidence to review' }).waitFor();
    const item = page.locator(`tr[data-inbox-item="${enrolmentId}:${competency.code}"]`);
    await expect(item.textContent()).resolves.toContain('Sam Taylor');
    await expectNoAxeViolations(page, 'the sign-off inbox');
    await saveScreenshot(page, 'evidence-to-review-1280');

    await item.getByRole('link', { name: `${competency.title} for Sam Taylor` }).click();
    await page.getByRole('heading', { level: 1, name: competency.title }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Review the evidence' }).waitFor();

    // The file comes with the bearer token and is the PDF the CCC sent.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: new RegExp(`^Download ${FILE_NAME.replace('.', '\\.')}`) }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(FILE_NAME);
    await expect(readFile(await download.path(), 'latin1')).resolves.toMatch(/^%PDF-1\.4/);

    // Signing off needs a rating and a comment.
    await page.getByLabel('Sign off this competency').check();
    await page.getByRole('button', { name: 'Sign off', exact: true }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await problems.waitFor();
    await expect(problems.textContent()).resolves.toContain('Select a rating');
    await expectNoAxeViolations(page, 'the review form with errors');

    await page.getByRole('group', { name: 'Rating' }).getByRole('radio').last().check();
    await page.getByLabel('Your comment').fill('A thorough audit, well shared with the team.');
    await page.getByRole('status').filter({ hasText: 'Draft saved' }).waitFor();
    await expectNoAxeViolations(page, 'the review form filled in');
    await page.getByRole('button', { name: 'Sign off', exact: true }).click();
    const signedOff = page.getByRole('status').filter({ hasText: 'Competency signed off' });
    await signedOff.waitFor();
    // The next evidence waiting is offered at once (the demo data has more), not a trip back to the inbox.
    const inbox = await apiGet<{ awaitingReview: { enrolmentId: string; competency: { code: string } }[] }>(
      '/competencies/inbox',
      await apiToken(USERS.allianceSupervisor),
    );
    const next = inbox.awaitingReview[0];
    if (next) {
      const link = signedOff.getByRole('link', { name: /^Next evidence to review: / });
      await expect(link.getAttribute('href')).resolves.toBe(
        `/enrolments/${next.enrolmentId}/competencies/${encodeURIComponent(next.competency.code)}`,
      );
    } else {
      await signedOff.getByText('No other evidence is waiting for your review.').waitFor();
    }
    await page.getByRole('heading', { level: 2, name: 'Signed off' }).waitFor();
    await expect(page.getByRole('heading', { level: 2, name: 'Review the evidence' }).count()).resolves.toBe(0);
    // What the sign-off rests on is on record, and the supervisor could withdraw it with a reason.
    await page.getByRole('heading', { level: 2, name: 'Withdraw the sign-off' }).waitFor();
    await expectNoAxeViolations(page, 'the competency page once signed off');

    // It has left the inbox.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Evidence to review' }).click();
    await page.getByRole('heading', { level: 1, name: 'Evidence to review' }).waitFor();
    await expect(page.locator(`tr[data-inbox-item="${enrolmentId}:${competency.code}"]`).count()).resolves.toBe(0);
    expectNoProblems(t);
  });

  it('the CCC’s grid shows it signed off, and their record downloads as a PDF', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.ccc);
    await page.goto(url(`/enrolments/${enrolmentId}/competencies`));
    await page.getByRole('heading', { level: 1, name: /Competencies/ }).waitFor();
    const row = competencyRow(page, competency.code);
    await expect(row.locator('[data-competency-state]').getAttribute('data-competency-state')).resolves.toBe(
      'signed_off',
    );
    await expect(row.textContent()).resolves.toContain('Signed off');
    await expect(page.getByTestId('competency-counts').textContent()).resolves.toMatch(/[1-9]\d* of \d+ signed off/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my record (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await expect(readFile(await download.path(), 'latin1')).resolves.toMatch(/^%PDF-/);
    expectNoProblems(t);
  });

  it('the CCC rates themself in the TNA, and adds to and ticks off their training plan', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.ccc);
    await page.goto(url(`/enrolments/${enrolmentId}/tna`));
    await page.getByRole('heading', { level: 1, name: /Training needs analysis/ }).waitFor();
    // The demo data has Sam's first TNA signed by both, so the round to rate is the last one open.
    const round = page.locator('section[data-tna-round]').last();
    await round.getByRole('heading', { level: 3, name: 'Rate yourself' }).waitFor();
    await expectNoAxeViolations(page, 'the TNA form for the CCC');
    await round.locator(`[data-tna-competency="${competency.code}"]`).getByRole('radio').first().check();
    await round.getByRole('status').filter({ hasText: 'Draft saved' }).waitFor();
    await round.getByRole('button', { name: 'Save my ratings' }).click();
    await page.getByRole('status').filter({ hasText: 'Your ratings are saved' }).waitFor();

    await page.goto(url(`/enrolments/${enrolmentId}/training-plan`));
    await page.getByRole('heading', { level: 1, name: /Training plan/ }).waitFor();
    await expectNoAxeViolations(page, 'the training plan');
    await page.getByText('Add a course, group teaching or other learning to the plan').click();
    await page.getByLabel('Other learning').check();
    // The add form's own fields (each proposal from the TNA has a title and month of its own).
    await page.locator('#plan-title').fill('Sit in on a lung cancer multidisciplinary meeting');
    await page.locator('#plan-month').selectOption('1');
    await page.getByLabel(`${competency.code}: ${competency.title}`).check();
    await expectNoAxeViolations(page, 'the add item form');
    await page.getByRole('button', { name: 'Add to the plan', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Item added to the training plan' }).waitFor();

    const item = page
      .locator('li[data-plan-item]')
      .filter({ hasText: 'Sit in on a lung cancer multidisciplinary meeting' });
    await item.locator('summary').click();
    await item.getByRole('button', { name: 'Mark as done' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Sit in on a lung cancer multidisciplinary meeting: done' })
      .waitFor();
    await expect(item.getAttribute('data-done')).resolves.toBe('true');
    await expectNoAxeViolations(page, 'the training plan with an item done');
    expectNoProblems(t);
  });

  it('a sign-off is withdrawn only with a reason, and the CCC finds it returned to them', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.allianceSupervisor);
    await page.goto(url(`/enrolments/${enrolmentId}/competencies/${encodeURIComponent(competency.code)}`));
    await page.getByRole('heading', { level: 2, name: 'Withdraw the sign-off' }).waitFor();
    await page.getByText('The sign-off should not stand').click();
    await page.getByRole('button', { name: 'Withdraw the sign-off' }).click();
    await page.getByRole('alert').filter({ hasText: 'Enter why the sign-off is being withdrawn' }).waitFor();
    await expectNoAxeViolations(page, 'the withdrawal form with an error');
    await page.getByLabel('Why is the sign-off being withdrawn?').fill('The audit covered another PCN’s practices.');
    await page.getByRole('button', { name: 'Withdraw the sign-off' }).click();
    await page.getByRole('status').filter({ hasText: 'Sign-off withdrawn' }).waitFor();
    // Never edited in place: the history keeps the sign-off and adds the withdrawal.
    const history = page.getByRole('region', { name: 'Sign-offs and returns' });
    await expect(history.locator('li[data-review-outcome]').count()).resolves.toBe(2);
    await t.context.close();

    t = await openPage(browser, DESKTOP);
    await signIn(t.page, USERS.ccc);
    await t.page.getByRole('heading', { level: 1, name: 'Sam Taylor' }).waitFor();
    const returned = t.page.getByRole('region', { name: 'Returned to you' });
    await returned.getByRole('link', { name: competency.title }).waitFor();
    await expect(returned.textContent()).resolves.toContain('The audit covered another PCN’s practices.');
    await returned.getByRole('link', { name: competency.title }).click();
    await t.page.getByRole('heading', { level: 1, name: competency.title }).waitFor();
    await t.page.getByRole('heading', { name: 'Sign-off withdrawn' }).waitFor();
    await t.page.getByRole('heading', { level: 2, name: 'Add evidence' }).waitFor();
    await expectNoAxeViolations(t.page, 'a competency returned to the CCC');
    expectNoProblems(t);
  });

  it('the PCN supervisor reads the grid, the TNA and the plan, and cannot change them', async () => {
    t = await openPage(browser, MOBILE);
    const { page } = t;
    await signIn(page, USERS.pcnSupervisor);
    await page.goto(url(`/enrolments/${enrolmentId}/competencies`));
    await page.getByRole('heading', { level: 1, name: /Competencies/ }).waitFor();
    await expect(page.getByRole('button', { name: 'Download my record (PDF)' }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'the competency grid for the PCN supervisor at 375px');

    await page.goto(url(`/enrolments/${enrolmentId}/competencies/${encodeURIComponent(competency.code)}`));
    await page.getByRole('heading', { level: 1, name: competency.title }).waitFor();
    await expect(
      page.getByRole('heading', { name: /Add evidence|Review the evidence|Withdraw/ }).count(),
    ).resolves.toBe(0);
    await expectNoAxeViolations(page, 'the competency page for the PCN supervisor at 375px');

    await page.goto(url(`/enrolments/${enrolmentId}/tna`));
    await page.getByRole('heading', { level: 1, name: /Training needs analysis/ }).waitFor();
    await page.locator('section[data-tna-round="1"] table').first().waitFor();
    await expect(page.getByRole('button', { name: /^Save|^Sign TNA/ }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'the TNA for the PCN supervisor at 375px');

    await page.goto(url(`/enrolments/${enrolmentId}/training-plan`));
    await page.getByRole('heading', { level: 1, name: /Training plan/ }).waitFor();
    await expect(page.getByRole('heading', { name: 'Add an item' }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'the training plan for the PCN supervisor at 375px');
    expectNoProblems(t);
  });
});
