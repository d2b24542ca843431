import path from 'node:path';

/** Configuration read once at start; a missing value stops the API with a message that names it. */
export interface ApiConfig {
  port: number;
  databaseUrl: string;
  jwtSecret: string;
  /** Lifetime of an access token: short, since the refresh cookie renews it. */
  jwtExpiresInSeconds: number;
  /** Lifetime of each refresh token (renewed at every refresh): how long an idle session lasts. */
  refreshExpiresInSeconds: number;
  /** Mark the refresh cookie Secure (browsers accept Secure cookies from http://localhost too). */
  cookieSecure: boolean;
  /** The built SPA to serve on the same port, if present. */
  webDistDir: string | null;
  seedDemoData: boolean;
  /** Failed sign-ins after which each further attempt waits, doubling from 1 s up to `maxDelaySeconds`. */
  loginLimits: LoginLimits;
  /** Express `trust proxy`: set (e.g. `loopback` or a hop count) when behind a reverse proxy, so limits see the real address. */
  trustProxy: string | null;
  /** How long SIGTERM waits for requests in flight before cutting them off. */
  shutdownTimeoutMs: number;
  /** API requests running at once (health checks aside); one more is refused with 503 and `Retry-After`. */
  maxInFlight: number;
  /** Reads (GET, HEAD) running at once; more wait their turn, within `maxInFlight` (health/request-gate.ts). */
  maxReadsRunning: number;
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
  /** The address people reach the service at, for the links in e-mails. */
  publicUrl: string;
  /** Run the background jobs (reminders, e-mail delivery) in this process. Off in tests unless asked for. */
  jobsEnabled: boolean;
  audit: AuditConfig;
  /** How long the national figures are kept before they are made again (0: made for each request; tests). */
  nationalSnapshotSeconds: number;
  mail: MailConfig;
}

export interface AuditConfig {
  /** HMAC key for the audit chain's checkpoints (AUDIT_KEY); the database never holds it. */
  key: string;
  /** AUDIT_OPERATOR_TOKEN: whoever runs the service reads the whole trail's figures with it; none when unset. */
  operatorToken: string | null;
  /** Refused accesses and failed sign-ins written per caller a minute; the rest are counted in one entry. */
  eventsPerMinute: number;
}

export interface LoginLimits {
  /** Per account and address together: the owner at their usual address is only limited by their own mistakes. */
  pairFailures: number;
  /** Per address, across accounts (not counted for a pair that has signed in before). */
  addressFailures: number;
  /** Per account, from every address (not counted for a pair that has signed in before). */
  accountFailures: number;
  maxDelaySeconds: number;
}

export interface MailConfig {
  /** smtp:// or smtps:// with any credentials; null writes each e-mail as an .eml file into `dir` instead. */
  smtpUrl: string | null;
  from: string;
  /** Absolute path. */
  dir: string;
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a whole number of seconds, got "${value}"`);
  return n;
}

function isUrl(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Mail and jobs settings, every problem named in one message. */
function mailAndJobs(env: NodeJS.ProcessEnv, port: number): Pick<ApiConfig, 'publicUrl' | 'jobsEnabled' | 'mail'> {
  const problems: string[] = [];
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !isUrl(smtpUrl, ['smtp:', 'smtps:']))
    problems.push('SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.org:587');
  const publicUrl = (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
  const publicOk = isUrl(publicUrl, ['http:', 'https:']);
  // Without MAIL_FROM, mail comes from no-reply at the service's own host name (PUBLIC_URL's), never "localhost"
  // on a real deployment; the name shown is the recipient's Alliance (see outbox-delivery.ts).
  const from =
    env.MAIL_FROM?.trim() || `CCC Programme <no-reply@${publicOk ? new URL(publicUrl).hostname : 'localhost'}>`;
  if (!/^(?:[^<>@\s]+@[^<>@\s]+|[^<>]*<[^<>@\s]+@[^<>@\s]+>)$/.test(from))
    problems.push(
      'MAIL_FROM must be an e-mail address, optionally with a name, e.g. "CCC Programme <reminders@example.org>"',
    );
  const jobs = env.JOBS_ENABLED?.trim() || (env.NODE_ENV === 'test' ? 'false' : 'true');
  if (jobs !== 'true' && jobs !== 'false') problems.push(`JOBS_ENABLED must be true or false, got "${jobs}"`);
  if (!publicOk) problems.push('PUBLIC_URL must be an http:// or https:// address, e.g. https://ccc.example.org');
  if (problems.length > 0) throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  return {
    publicUrl,
    jobsEnabled: jobs === 'true',
    mail: { smtpUrl, from, dir: path.resolve(env.MAIL_DIR?.trim() || '.data/mail') },
  };
}

// Only tests sign with a known secret; `npm start` generates one and keeps it with the embedded database.
const TEST_JWT_SECRET = 'test-only-secret-never-used-outside-tests';
const TEST_AUDIT_KEY = 'test-only-audit-key-never-used-outside-tests';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const missing: string[] = [];
  const databaseUrl = env.DATABASE_URL ?? '';
  if (!databaseUrl) missing.push('DATABASE_URL (a PostgreSQL connection URL)');
  const testing = env.NODE_ENV === 'test';
  const jwtSecret = env.JWT_SECRET?.trim() || (testing ? TEST_JWT_SECRET : '');
  if (!jwtSecret) missing.push('JWT_SECRET (a random secret of at least 32 characters; `npm start` makes one)');
  else if (jwtSecret.length < 32 && !testing) missing.push('JWT_SECRET of at least 32 characters');
  // Signs the audit chain's checkpoints: kept outside the database, so that write access to it cannot forge them.
  const auditKey = env.AUDIT_KEY?.trim() || (env.NODE_ENV === 'test' ? TEST_AUDIT_KEY : '');
  if (!auditKey) missing.push('AUDIT_KEY (a random secret of at least 32 characters; `npm start` makes one)');
  else if (auditKey.length < 32 && env.NODE_ENV !== 'test') missing.push('AUDIT_KEY of at least 32 characters');
  if (missing.length > 0) throw new Error(`Missing configuration: ${missing.join('; ')}`);
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    databaseUrl,
    jwtSecret,
    jwtExpiresInSeconds: positive('JWT_EXPIRES_IN_SECONDS', env.JWT_EXPIRES_IN_SECONDS, 15 * 60),
    refreshExpiresInSeconds: positive('REFRESH_EXPIRES_IN_SECONDS', env.REFRESH_EXPIRES_IN_SECONDS, 12 * 60 * 60),
    cookieSecure: env.COOKIE_SECURE !== 'false',
    shutdownTimeoutMs: positive('SHUTDOWN_TIMEOUT_MS', env.SHUTDOWN_TIMEOUT_MS, 10_000),
    // Four per database connection: beyond that, requests would only wait in the pool's queue.
    maxInFlight: positive(
      'MAX_REQUESTS_IN_FLIGHT',
      env.MAX_REQUESTS_IN_FLIGHT,
      4 * Number(env.DATABASE_POOL_SIZE ?? 10),
    ),
    // Four (fewer with a smaller pool): under the benchmark's fifty cohort reports (issue #17), 4 at once kept their
    // throughput and /api/health answered in 192-261 ms at p99, against 444 ms with 10 and 551-1132 ms with all 50.
    maxReadsRunning: positive(
      'MAX_READS_RUNNING',
      env.MAX_READS_RUNNING,
      Math.min(4, Number(env.DATABASE_POOL_SIZE ?? 10)),
    ),
    webDistDir: env.WEB_DIST_DIR ?? null,
    seedDemoData: env.SEED_DEMO_DATA === 'true',
    // Test runs sign in hundreds of times a minute from one address.
    trustProxy: env.TRUST_PROXY || null,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'error' : 'info'),
    // Test runs sign in and fail hundreds of times from one address; the limit tests set their own.
    loginLimits: {
      pairFailures: positive('LOGIN_FAILURES_PER_PAIR', env.LOGIN_FAILURES_PER_PAIR, testing ? 10_000 : 5),
      addressFailures: positive('LOGIN_FAILURES_PER_ADDRESS', env.LOGIN_FAILURES_PER_ADDRESS, testing ? 10_000 : 30),
      accountFailures: positive('LOGIN_FAILURES_PER_ACCOUNT', env.LOGIN_FAILURES_PER_ACCOUNT, testing ? 10_000 : 50),
      maxDelaySeconds: positive('LOGIN_MAX_DELAY_SECONDS', env.LOGIN_MAX_DELAY_SECONDS, 15 * 60),
    },
    nationalSnapshotSeconds: env.NATIONAL_SNAPSHOT_SECONDS
      ? positive('NATIONAL_SNAPSHOT_SECONDS', env.NATIONAL_SNAPSHOT_SECONDS, 300)
      : env.NODE_ENV === 'test'
        ? 0
        : 300,
    audit: {
      key: auditKey,
      operatorToken: env.AUDIT_OPERATOR_TOKEN?.trim() || null,
      eventsPerMinute: positive('AUDIT_EVENTS_PER_MINUTE', env.AUDIT_EVENTS_PER_MINUTE, 20),
    },
    ...mailAndJobs(env, port),
  };
}

export const API_CONFIG = Symbol('API_CONFIG');
