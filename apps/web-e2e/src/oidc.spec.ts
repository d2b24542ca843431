import type { Browser, Page } from 'playwright-core';
import {
  DEMO_PASSWORD,
  USERS,
  expectNoAxeViolations,
  launchBrowser,
  openPage,
  signIn,
  url,
  type TestPage,
} from './support/e2e';

/**
 * "Sign in with NHSmail" end to end: the demo Alliance's provider is the local OpenID provider global-setup starts
 * (panva's oidc-provider, as `npm start` runs it), with its development sign-in page. The API's public address is
 * http://localhost:<port>, where the provider sends the browser back, so this test browses there.
 */
function at(pathname: string): string {
  const base = new URL(process.env.WEB_E2E_BASE_URL!);
  base.hostname = 'localhost';
  return new URL(pathname, base).toString();
}

/** At the provider's development sign-in page: any password will do. */
async function signInAtProvider(page: Page, email: string): Promise<void> {
  await page.locator('input[name="login"]').waitFor();
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

describe('signing in with an NHS account (OpenID Connect)', () => {
  let browser: Browser;
  let t: TestPage;

  beforeAll(async () => {
    browser = await launchBrowser();
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

  it('signs a CCC in through the provider, and signing out ends the provider session too', async () => {
    const { page } = t;
    await page.goto(at('/sign-in'));
    const button = page.getByRole('link', { name: 'Sign in with NHSmail' });
    await button.waitFor();
    // The password form stays, as the fallback.
    expect(await page.getByLabel('Password').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'the sign-in page with single sign-on');

    await button.click();
    await page.waitForURL((target) => target.port !== new URL(at('/')).port);
    await signInAtProvider(page, USERS.ccc);
    await page.waitForURL((target) => target.hostname === 'localhost' && !target.pathname.startsWith('/sign-in'));
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    // The session is the usual one: a reload keeps the person signed in (the refresh cookie).
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const me = await page.evaluate(async () => {
      const res = await fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin' });
      return ((await res.json()) as { me: { email: string } }).me.email;
    });
    expect(me).toBe(USERS.ccc);

    // Signing out goes on to the provider's end-session page, which asks, and then back to the sign-in page.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL((target) => target.hostname === 'localhost' && target.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('state')).toBe('signed_out');
    await page.getByText('You have signed out.').waitFor();
    // The provider's session is over: the next single sign-on asks for the account again.
    await page.getByRole('link', { name: 'Sign in with NHSmail' }).click();
    await page.locator('input[name="login"]').waitFor();
  });

  it('refuses an NHS account nobody invited, with a clear error on the sign-in page', async () => {
    const { page } = t;
    await page.goto(at('/sign-in'));
    await page.getByRole('link', { name: 'Sign in with NHSmail' }).click();
    await signInAtProvider(page, 'not.invited@example.org');
    await page.waitForURL((target) => target.hostname === 'localhost' && target.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('sso_error')).toBe('not_invited');
    const summary = page.getByRole('alert');
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toContain(
      'There is no account for that NHS email address in this service.',
    );
    await expectNoAxeViolations(page, 'the sign-in page after a refused single sign-on');
    // Nobody was signed in.
    const status = await page.evaluate(
      async () => (await fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin' })).status,
    );
    expect(status).toBe(401);
  });

  it("lets the administrator see the Alliance's provider and require single sign-on of a person", async () => {
    const { page } = t;
    await signIn(page, USERS.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Single sign-on' }).click();
    await page.getByRole('heading', { level: 1, name: 'Single sign-on' }).waitFor();
    await expect(page.getByLabel('Words on the sign-in button').inputValue()).resolves.toBe('Sign in with NHSmail');
    await expect(page.getByLabel('Short name').inputValue()).resolves.toBe('wessex');
    await page.getByText('Found', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'the single sign-on settings');

    await page.getByLabel('Require it of').selectOption({ label: `Chris Doyle (${USERS.cccTraining})` });
    await page.getByRole('button', { name: 'Require single sign-on' }).click();
    const stop = page.getByRole('button', { name: 'Stop requiring it of Chris Doyle' });
    await stop.waitFor();

    // That person's password is now refused, with the reason and the button to use.
    const other = await openPage(browser);
    try {
      await other.page.goto(url('/sign-in'));
      await other.page.getByLabel('Email address').fill(USERS.cccTraining);
      await other.page.getByLabel('Password').fill(DEMO_PASSWORD);
      await other.page.getByRole('button', { name: 'Sign in', exact: true }).click();
      const alert = other.page.getByRole('alert');
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toContain('choose "Sign in with NHSmail" instead of a password');
    } finally {
      await other.context.close();
    }

    await stop.click();
    await page.getByText('Nobody in particular.').waitFor();
  });
});
