import { loadConfig } from './config';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
// Every secret a start outside tests needs (start.mjs makes them).
const SECRETS = { JWT_SECRET: SECRET, AUDIT_KEY: SECRET };

describe('loadConfig', () => {
  it('names every missing setting in one message', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /^Missing configuration: DATABASE_URL \(a PostgreSQL connection URL\); JWT_SECRET \(a random secret of at least 32 characters; `npm start` makes one\)/,
    );
  });

  it('signs with a known secret only in tests: anywhere else JWT_SECRET is required, and long', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/x' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/x', NODE_ENV: 'development' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/x', ...SECRETS, JWT_SECRET: 'short' })).toThrow(
      'Missing configuration: JWT_SECRET of at least 32 characters',
    );
    const test = loadConfig({ DATABASE_URL: 'postgres://localhost/x', NODE_ENV: 'test' });
    expect(test.jwtSecret).toMatch(/test-only/);
    const config = loadConfig({ DATABASE_URL: 'postgres://localhost/x', ...SECRETS });
    expect(config.jwtSecret).toBe(SECRET);
    expect(config.port).toBe(3000);
    expect(config.seedDemoData).toBe(false);
  });

  it('backs off sign-in failures per pair (5), address (30) and account (50), up to 15 minutes', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://localhost/x', ...SECRETS });
    expect(config.loginLimits).toEqual({
      pairFailures: 5,
      addressFailures: 30,
      accountFailures: 50,
      maxDelaySeconds: 900,
    });
    expect(
      loadConfig({ DATABASE_URL: 'postgres://localhost/x', ...SECRETS, LOGIN_FAILURES_PER_PAIR: '3' }).loginLimits
        .pairFailures,
    ).toBe(3);
  });

  it('refuses a port that is not a port', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/x', ...SECRETS, PORT: 'eighty' })).toThrow(
      'PORT must be a port number',
    );
  });

  it('writes e-mails to .data/mail when no SMTP server is set, and runs the jobs except in tests', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://localhost/x', ...SECRETS, PORT: '3001' });
    expect(config.mail).toEqual({
      smtpUrl: null,
      from: 'CCC Programme <no-reply@localhost>',
      dir: expect.stringMatching(/\.data\/mail$/),
    });
    expect(config.jobsEnabled).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:3001');
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/x', NODE_ENV: 'test' }).jobsEnabled).toBe(false);
    const set = loadConfig({
      DATABASE_URL: 'postgres://localhost/x',
      NODE_ENV: 'test',
      JOBS_ENABLED: 'true',
      SMTP_URL: 'smtps://user:secret@mail.example.org:465',
      MAIL_FROM: 'Reminders <reminders@example.org>',
      PUBLIC_URL: 'https://ccc.example.org/',
    });
    expect(set).toMatchObject({
      jobsEnabled: true,
      publicUrl: 'https://ccc.example.org',
      mail: { smtpUrl: 'smtps://user:secret@mail.example.org:465', from: 'Reminders <reminders@example.org>' },
    });
    // Without MAIL_FROM, no-reply at the service's own host, not at localhost.
    expect(
      loadConfig({ DATABASE_URL: 'postgres://localhost/x', NODE_ENV: 'test', PUBLIC_URL: 'https://ccc.wessex.nhs.uk' })
        .mail.from,
    ).toBe('CCC Programme <no-reply@ccc.wessex.nhs.uk>');
  });

  it('names each mail and jobs setting that is wrong', () => {
    expect(() =>
      loadConfig({
        DATABASE_URL: 'postgres://localhost/x',
        ...SECRETS,
        SMTP_URL: 'mail.example.org',
        MAIL_FROM: 'nobody',
        JOBS_ENABLED: 'yes',
        PUBLIC_URL: 'ccc.example.org',
      }),
    ).toThrow(
      'Invalid configuration: SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.org:587; ' +
        'MAIL_FROM must be an e-mail address, optionally with a name, e.g. "CCC Programme <reminders@example.org>"; ' +
        'JOBS_ENABLED must be true or false, got "yes"; ' +
        'PUBLIC_URL must be an http:// or https:// address, e.g. https://ccc.example.org',
    );
  });
});
