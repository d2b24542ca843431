/**
 * Correcting what was made (#16, items 1–4), through the browser against the real API: the administrator corrects
 * a cohort created with the wrong dates and name, deletes one created in error, adds a PCN and moves a CCC to it
 * from a date, the change showing in the enrolment's history, and pauses and resumes a CCC with the plan moved on,
 * seeing what moves before confirming; and edits a template in forms (one expectation's target, wrong then right,
 * the error beside the field, the plan's preview) and saves it as a new version. The data each test starts from is made through the
 * API (and one CCC straight in the scratch database, as an account that never signs in).
 */
import pg from 'pg';
import type { Browser } from 'playwright-core';
import {
  DESKTOP,
  USERS,
  apiGet,
  apiPost,
  apiToken,
  expectNoAxeViolations,
  expectNoProblems,
  launchBrowser,
  openPage,
  signIn,
  type TestPage,
  url,
} from './support/e2e';
import { waitUntilLoaded } from './support/pages';

jest.setTimeout(120_000);

const RUN = Date.now();

function londonToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

/** `days` from today (negative: before), YYYY-MM-DD. */
function daysFromToday(days: number): string {
  const [y, m, d] = londonToday().split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The first day of the month `months` from now, YYYY-MM-DD. */
function firstOfMonthAhead(months: number): string {
  const [y, m] = londonToday().split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 10);
}

/** A CCC of this PCN who never signs in, straight into the scratch database. */
async function insertCcc(fullName: string, pcnId: string, tag = 'move'): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.WEB_E2E_DATABASE_URL });
  await client.connect();
  try {
    const person = await client.query<{ id: string }>(
      'INSERT INTO person (email, full_name) VALUES ($1, $2) RETURNING id',
      [`ccc.${tag}.${RUN}@example.org`, fullName],
    );
    const id = person.rows[0]!.id;
    await client.query(`INSERT INTO role_assignment (person_id, role, organisation_id) VALUES ($1, 'ccc', $2)`, [
      id,
      pcnId,
    ]);
    return id;
  } finally {
    await client.end();
  }
}

interface Lite {
  id: string;
  name: string;
  kind?: string;
}

describe('administration life cycle', () => {
  let browser: Browser;
  let t: TestPage;
  let token: string;
  let templateId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    token = await apiToken(USERS.admin);
    const templates = await apiGet<Lite[]>('/templates', token);
    templateId = templates[0]!.id;
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await t?.context.close();
  });

  it('corrects a cohort created with the wrong name and dates, then deletes one created in error', async () => {
    const wrongStart = firstOfMonthAhead(14);
    const rightStart = firstOfMonthAhead(2);
    const wrong = await apiPost<Lite>('/cohorts', token, {
      name: `Wessex cohort ${RUN} (wrong year)`,
      templateId,
      startDate: wrongStart,
      supervisorIds: [],
    });
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.admin);
    await page.goto(url(`/admin/cohorts/${wrong.id}`));
    await page.getByRole('heading', { level: 2, name: 'Correct this cohort' }).waitFor();
    await waitUntilLoaded(page);
    await page.getByText('Change its name, dates or supervisors').click();
    await expectNoAxeViolations(page, 'the cohort corrections');
    await page.getByLabel('Name of the cohort').fill(`Wessex cohort ${RUN}`);
    await page.getByLabel('Start date').fill(rightStart);
    await page.getByRole('button', { name: 'Save the corrections' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Cohort corrected: Wessex cohort ${RUN}` })
      .waitFor();
    await page.getByRole('heading', { level: 1, name: `Wessex cohort ${RUN}` }).waitFor();
    const cohort = await apiGet<{ startDate: string; name: string }>(`/cohorts/${wrong.id}`, token);
    expect(cohort).toMatchObject({ name: `Wessex cohort ${RUN}`, startDate: rightStart });

    // A second one made in error ("started 2020"): deleted while nothing has happened in it.
    const mistaken = await apiPost<Lite>('/cohorts', token, {
      name: `Mistaken cohort ${RUN}`,
      templateId,
      startDate: '2020-01-06',
      supervisorIds: [],
    });
    await page.goto(url(`/admin/cohorts/${mistaken.id}`));
    await page.getByRole('heading', { level: 2, name: 'Correct this cohort' }).waitFor();
    await page.getByText('Delete this cohort (created in error)').click();
    await page.getByRole('button', { name: 'Delete the cohort' }).click();
    await page.getByRole('button', { name: `Yes, delete Mistaken cohort ${RUN}` }).click();
    await page.getByRole('heading', { level: 1, name: /Cohorts/ }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `Cohort deleted: Mistaken cohort ${RUN}` })
      .waitFor();
    await expect(page.getByRole('link', { name: `Mistaken cohort ${RUN}` }).count()).resolves.toBe(0);
    expectNoProblems(t);
  });

  it('adds a PCN and moves a CCC to it from a date; the change shows in the enrolment’s history', async () => {
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.admin);
    // The header links to the page; opened afresh, so that nothing the home page still loads is waited for.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'PCNs' }).waitFor();
    await page.goto(url('/admin/organisations'));
    await page.getByRole('heading', { level: 1, name: 'Primary Care Networks' }).waitFor();
    await waitUntilLoaded(page);
    await expectNoAxeViolations(page, 'the PCNs page');
    const newPcn = `Romsey PCN ${RUN}`;
    await page.getByLabel('Name of the PCN').fill(newPcn);
    await page.getByRole('button', { name: 'Add PCN' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `PCN added: ${newPcn}` })
      .waitFor();
    await page.locator(`tr[data-pcn="${newPcn}"]`).waitFor();

    // A CCC of the first PCN, enrolled on a cohort starting next month.
    const organisations = await apiGet<Lite[]>('/organisations', token);
    const oldPcn = organisations.find((o) => o.kind === 'pcn' && o.name !== newPcn)!;
    const cccId = await insertCcc(`Robin Moved ${RUN}`, oldPcn.id);
    const cohort = await apiPost<Lite>('/cohorts', token, {
      name: `Move cohort ${RUN}`,
      templateId,
      startDate: firstOfMonthAhead(1),
      supervisorIds: [],
    });
    const enrolment = await apiPost<Lite>(`/cohorts/${cohort.id}/enrolments`, token, {
      cccId,
      pcnId: oldPcn.id,
      track: 'training',
      employmentStart: '2024-01-01',
    });

    await page.goto(url(`/enrolments/${enrolment.id}`));
    await page.getByRole('heading', { level: 2, name: 'Changes to this enrolment' }).waitFor();
    await page.getByTestId('enrolment-history').getByText('Enrolled', { exact: false }).waitFor();
    await page.getByText('Move to another PCN or supervisor').click();
    await page.getByLabel('PCN that employs them').selectOption({ label: newPcn });
    await page.getByLabel('Why', { exact: true }).fill('Took a post at the Romsey practices');
    await expectNoAxeViolations(page, 'the move form');
    await page.getByRole('button', { name: 'Save the change' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Robin Moved ${RUN} now with ${newPcn}` })
      .waitFor();
    const history = page.getByTestId('enrolment-history');
    await history.getByText(`PCN: ${oldPcn.name} → ${newPcn}`, { exact: false }).waitFor();
    await history.getByText('Took a post at the Romsey practices', { exact: false }).waitFor();
    const moved = await apiGet<{ pcn: { name: string } }>(`/enrolments/${enrolment.id}`, token);
    expect(moved.pcn.name).toBe(newPcn);
    expectNoProblems(t);
  });
  it('pauses a CCC from a date and resumes them, the plan moved on, with what moves shown before confirming', async () => {
    const organisations = await apiGet<Lite[]>('/organisations', token);
    const pcn = organisations.find((o) => o.kind === 'pcn')!;
    const cccId = await insertCcc(`Sam Paused ${RUN}`, pcn.id, 'pause');
    // Started two months ago: the pause 20 days ago falls inside the programme, with months still to come.
    const start = firstOfMonthAhead(-2);
    const cohort = await apiPost<Lite>('/cohorts', token, {
      name: `Pause cohort ${RUN}`,
      templateId,
      startDate: start,
      supervisorIds: [],
    });
    const enrolment = await apiPost<Lite>(`/cohorts/${cohort.id}/enrolments`, token, {
      cccId,
      pcnId: pcn.id,
      track: 'supervision',
      employmentStart: start,
    });
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.admin);
    await page.goto(url(`/enrolments/${enrolment.id}`));
    await page.getByRole('heading', { level: 2, name: 'Changes to this enrolment' }).waitFor();
    await waitUntilLoaded(page);

    const pausedFrom = daysFromToday(-20);
    await page.getByText('Pause this enrolment').click();
    await page.getByLabel('Paused from').fill(pausedFrom);
    // Without a reason the API names the field, shown beside it and in the summary.
    await page.getByRole('button', { name: 'Pause the enrolment' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: /reason must say why/i })
      .waitFor();
    await page.getByLabel('Why they are paused').fill('Long-term sick leave');
    await expectNoAxeViolations(page, 'the pause form');
    await page.getByRole('button', { name: 'Pause the enrolment' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Sam Paused ${RUN} is paused from` })
      .waitFor();
    await page.getByText('Long-term sick leave. Nothing new is booked', { exact: false }).waitFor();
    // The timeline's summary says paused, not the month.
    await page
      .getByText(/^Paused from /)
      .first()
      .waitFor();

    await page.getByLabel('Back from').fill(londonToday());
    await page.getByLabel('Move them on by the paused length').check();
    await page.getByRole('button', { name: 'Show what changes' }).click();
    const preview = page.getByTestId('resume-preview');
    await preview.getByText(/The plan moves on 1 month: \d+ sessions? moves?/).waitFor();
    await preview.getByRole('cell', { name: 'moves on 1 month with the plan' }).first().waitFor();
    await preview.getByRole('cell', { name: 'its month ended before the pause' }).first().waitFor();
    await expectNoAxeViolations(page, 'the resume preview');
    const before = await apiGet<{ pausedFrom: string | null }>(`/enrolments/${enrolment.id}`, token);
    expect(before.pausedFrom).toBe(pausedFrom);
    await preview.getByRole('button', { name: /^Confirm: resume from/ }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Sam Paused ${RUN} is back from` })
      .waitFor();
    const history = page.getByTestId('enrolment-history');
    await history.getByText('Paused', { exact: false }).first().waitFor();
    await history.getByText('Resumed', { exact: false }).waitFor();
    const after = await apiGet<{ pausedFrom: string | null }>(`/enrolments/${enrolment.id}`, token);
    expect(after.pausedFrom).toBeNull();
    expectNoProblems(t);
  });
  it('edits a template in forms: a bad target is named beside its field, a good one previews and saves a version', async () => {
    const templates = await apiGet<
      { id: string; key: string; version: number; definition: { expectations: { key: string }[] } }[]
    >('/templates', token);
    const template = templates.find((x) => x.definition.expectations.some((e) => e.key === 'alliance-group'))!;
    const index = template.definition.expectations.findIndex((e) => e.key === 'alliance-group');
    const latest = Math.max(...templates.filter((x) => x.key === template.key).map((x) => x.version));
    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.admin);
    await page.goto(url(`/admin/templates/${template.id}`));
    await page.getByRole('heading', { level: 2, name: `Create version ${latest + 1}` }).waitFor();
    await waitUntilLoaded(page);
    await page
      .getByText('cohorts already made, running or not, keep the version they follow', { exact: false })
      .waitFor();
    await page.getByTestId('template-preview').getByRole('heading', { name: 'Month 1' }).waitFor();

    const target = page.locator(`#tpl-expectations-${index}-measure-target`);
    await target.fill('-1');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    // Beside the field and in the summary, which links to it; the preview waits for a valid form.
    await page
      .locator(`#tpl-expectations-${index}-measure-target-error`)
      .getByText('Target must not be negative')
      .waitFor();
    await page.getByRole('alert').getByRole('link', { name: 'Target must not be negative' }).waitFor();
    await page.getByText('The preview shows once the form has no errors').waitFor();
    await expectNoAxeViolations(page, 'the template form with an error');

    await target.fill('7');
    await expect(page.locator(`#tpl-expectations-${index}-measure-target-error`).count()).resolves.toBe(0);
    const preview = page.getByTestId('template-preview');
    await preview.getByRole('heading', { name: 'Month 6' }).waitFor();
    await preview.getByText('Group supervision', { exact: false }).first().waitFor();
    // The training track's plan has no individual supervision.
    await preview.getByLabel('Training track').check();
    await expect(preview.getByText('Individual supervision,', { exact: false }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'The template is valid' }).waitFor();
    await page.getByLabel('I have read the warnings and want to save this version').check();
    await page.getByRole('button', { name: `Save as version ${latest + 1}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Saved as version ${latest + 1}` })
      .waitFor();
    const saved = await apiGet<typeof templates>('/templates', token);
    const next = saved.find((x) => x.key === template.key && x.version === latest + 1)!;
    const measure = (next.definition.expectations[index] as unknown as { measure: { target: number } }).measure;
    expect(measure.target).toBe(7);
    expectNoProblems(t);
  });

  it('moves a running cohort to a new version of its framework, seeing what changes before confirming (#15 item 9)', async () => {
    const frameworks = await apiGet<{ id: string; key: string; version: number; isDefault: boolean }[]>(
      '/competency-frameworks',
      token,
    );
    const current = frameworks.find((f) => f.isDefault)!;
    const exported = (await (
      await fetch(url(`/api/competency-frameworks/${current.id}/export?format=json`), {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).json()) as {
      version: number;
      domains: { competencies: { code: string; title: string; description: string; evidenceGuidance: string }[] }[];
    };
    const latest = Math.max(...frameworks.filter((f) => f.key === current.key).map((f) => f.version));
    const next = structuredClone(exported);
    next.version = latest + 1;
    const first = next.domains[0]!.competencies[0]!;
    first.title = `${first.title} (reworded ${RUN})`;
    next.domains[0]!.competencies.push({
      code: `NEW-${String(RUN).slice(-4)}`,
      title: 'Leads the practice cancer review meeting',
      description: 'Prepares and chairs it',
      evidenceGuidance: 'Minutes of one meeting',
    });
    const form = new FormData();
    form.append('file', new Blob([JSON.stringify(next)], { type: 'application/json' }), 'framework-v2.json');
    const imported = await fetch(url('/api/competency-frameworks/import'), {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: form,
    });
    expect(imported.status).toBe(201);
    const cohort = await apiPost<Lite>('/cohorts', token, {
      name: `Framework cohort ${RUN}`,
      templateId,
      startDate: daysFromToday(-20),
      supervisorIds: [],
    });

    t = await openPage(browser, DESKTOP);
    const { page } = t;
    await signIn(page, USERS.admin);
    await page.goto(url(`/admin/cohorts/${cohort.id}`));
    await page.getByRole('heading', { level: 2, name: 'Competency framework' }).waitFor();
    await waitUntilLoaded(page);
    await page.getByText('Move the cohort to another version of its framework').click();
    await page.getByRole('button', { name: 'Check what changes' }).click();
    await page.getByRole('alert').getByText('Choose the framework version to move to').waitFor();
    const option = page.locator('#move-framework-version option', { hasText: `version ${latest + 1} (` });
    await page.getByLabel('Framework version').selectOption((await option.getAttribute('value'))!);
    await page.getByRole('button', { name: 'Check what changes' }).click();
    const preview = page.getByTestId('framework-move-preview');
    await preview.getByText('1 added, 0 removed, 1 reworded', { exact: false }).waitFor();
    await preview.getByRole('cell', { name: /Leads the practice cancer review meeting/ }).waitFor();
    await expectNoAxeViolations(page, 'what moving the framework changes');
    await preview.getByRole('button', { name: `Move the cohort to version ${latest + 1}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `version ${latest + 1}` })
      .waitFor();
    expectNoProblems(t);
  });
});
