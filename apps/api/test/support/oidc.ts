import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** A browser's cookie jar for one site, enough for the provider's interaction cookies. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  keep(setCookies: string[] | undefined): void {
    for (const line of setCookies ?? []) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0\b/i.test(a));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(at + 1).trim());
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export interface LocalProvider {
  issuer: string;
  /** Adds or changes accounts at the provider (e-mail as login, verified unless said otherwise). */
  accounts: (list: { email: string; name?: string; email_verified?: boolean }[]) => Promise<void>;
  /** Re-signs the next ID tokens with another issuer, audience or expiry; `{}` stops. */
  tamper: (change: { iss?: string; aud?: string; expiresInSeconds?: number }) => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * The local OpenID provider (scripts/lib/oidc-provider.mjs, panva's oidc-provider) in a process of its own: jest's
 * module system cannot load the ESM-only provider, Node can. Its test controls are on.
 */
export async function startLocalProvider(clients: object[]): Promise<LocalProvider> {
  const script = path.join(__dirname, '../../../../scripts/oidc-provider.mjs');
  const child: ChildProcess = spawn(process.execPath, [script], {
    env: { ...process.env, OIDC_LOCAL: JSON.stringify({ clients, testControls: true }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-5000)));
  const issuer = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve((JSON.parse(line) as { issuer: string }).issuer));
    child.once('exit', (code) => reject(new Error(`The local provider exited (${code}): ${errors}`)));
  });
  const put = async (route: string, body: unknown) => {
    const res = await fetch(`${issuer}${route}`, { method: 'PUT', body: JSON.stringify(body) });
    if (res.status !== 204) throw new Error(`${route} answered ${res.status}`);
  };
  return {
    issuer,
    accounts: (list) => put('/__test/accounts', list),
    tamper: (change) => put('/__test/id-token', change),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * A person at the provider's development sign-in page, as a browser would: follows the provider's redirects,
 * posts the login form, and stops at the redirect back to us. Returns where the provider sent the browser.
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new CookieJar();
  const go = async (url: string | URL, init: RequestInit = {}) => {
    const res = await fetch(url, {
      redirect: 'manual',
      ...init,
      headers: { ...(init.headers as Record<string, string> | undefined), cookie: jar.header() },
    });
    jar.keep(res.headers.getSetCookie());
    return res;
  };
  let url = new URL(authorizationUrl);
  const origin = url.origin;
  for (let step = 0; step < 10; step++) {
    const res = await go(url);
    if (res.status === 200) {
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action || !html.includes('name="login"')) throw new Error(`No login form at ${url.href}: ${html}`);
      const posted = await go(new URL(action, origin), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login, password: 'any password' }).toString(),
      });
      url = new URL(posted.headers.get('location')!, origin);
      continue;
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`The provider answered ${res.status} at ${url.href}: ${await res.text()}`);
    url = new URL(location, origin);
    if (url.origin !== origin) return url;
  }
  throw new Error('The provider never sent the browser back');
}
