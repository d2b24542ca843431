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
  /** Sign-in attempts allowed per minute, per address and per account. */
  loginAttemptsPerMinute: number;
  /** Express `trust proxy`: set (e.g. `loopback` or a hop count) when behind a reverse proxy, so limits see the real address. */
  trustProxy: string | null;
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a whole number of seconds, got "${value}"`);
  return n;
}

const DEV_JWT_SECRET = 'development-only-secret-change-me';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const missing: string[] = [];
  const databaseUrl = env.DATABASE_URL ?? '';
  if (!databaseUrl) missing.push('DATABASE_URL (a PostgreSQL connection URL)');
  const production = env.NODE_ENV === 'production';
  const jwtSecret = env.JWT_SECRET ?? (production ? '' : DEV_JWT_SECRET);
  if (!jwtSecret) missing.push('JWT_SECRET (required in production)');
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
    webDistDir: env.WEB_DIST_DIR ?? null,
    seedDemoData: env.SEED_DEMO_DATA === 'true',
    // Test runs sign in hundreds of times a minute from one address.
    trustProxy: env.TRUST_PROXY || null,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'error' : 'info'),
    loginAttemptsPerMinute: Number(env.LOGIN_ATTEMPTS_PER_MINUTE ?? (env.NODE_ENV === 'test' ? 10_000 : 10)),
  };
}

export const API_CONFIG = Symbol('API_CONFIG');
