/**
 * A role offered to someone who already has an account elsewhere: the Wessex administrator invites the Greater
 * Manchester PCN supervisor by e-mail; nothing changes for her until she opens the e-mailed link signed in as herself
 * and accepts; then she may act in Wessex too. Someone else opening her link learns nothing.
 */
import type { Browser } from 'playwright-core';
import {
  USERS,
  apiGet,
  apiToken,
  expectNoAxeViolations,
  expectNoProblems,
  launchBrowser,
  openPage,
  signIn,
  url,
  type TestPage,
} from './support/e2e';
import { newestMessageTo } from './support/outbox';

const INVITED = 'pcn.supervisor.gm@example.org';

describe('a role offered by e-mail is held only once accepted', () => {
  let browser: Browser;
  let t: TestPage;
  let token: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = await apiToken(USERS.admin);
    const organisations = await apiGet<{ id: string; kind: string }[]>('/organisations', admin);
    const alliance = organisations.find((organisation) => organisation.kind === 'alliance');
    if (!alliance) throw new Error('The demo data has changed: the Wessex administrator sees no Alliance');
    const response = await fetch(url('/api/people/invitations'), {
      method: 'POST',
      headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        email: INVITED,
        fullName: 'Whoever the administrator typed',
        role: 'alliance_supervisor',
        organisationId: alliance.id,
      }),
    });
    expect(response.status).toBe(201);
    const match = /\/accept-role\/([A-Za-z0-9_-]+)/.exec((await newestMessageTo(INVITED))?.body ?? '');
    if (!match?.[1]) throw new Error('No /accept-role/ link in the e-mail offering the role');
    token = match[1];
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    t = await openPage(browser);
  });
  afterEach(async () => {
    await t.context.close();
  });

  it('tells anyone else the link does not work', async () => {
    const { page } = t;
    await signIn(page, USERS.ccc);
    await page.goto(url(`/accept-role/${token}`));
    await page.getByRole('heading', { level: 1, name: 'This link no longer works' }).waitFor();
    expect(await page.getByText('Wessex').count()).toBe(0);
    expectNoProblems(t);
  });

  it('the person signs in, opens the link, accepts, and may act in the new Alliance', async () => {
    const { page } = t;
    await signIn(page, INVITED);
    await page.goto(url('/'));
    expect(await page.getByLabel('Acting in').count()).toBe(0);

    await page.goto(url(`/accept-role/${token}`));
    await page.getByRole('heading', { level: 1, name: 'A role is offered to you' }).waitFor();
    await expectNoAxeViolations(page, 'the offer of a role');
    await page.getByRole('button', { name: 'Accept the role' }).click();
    await page.getByRole('heading', { level: 1, name: 'You have accepted the role' }).waitFor();
    await expectNoAxeViolations(page, 'the role accepted');

    await page.goto(url('/'));
    const acting = page.getByLabel('Acting in');
    await acting.waitFor();
    const options = await acting.locator('option').allTextContents();
    expect(options.some((option) => /Wessex/.test(option))).toBe(true);
    // The link worked once.
    await page.goto(url(`/accept-role/${token}`));
    await page.getByRole('heading', { level: 1, name: 'This link no longer works' }).waitFor();
    expectNoProblems(t);
  });
});
