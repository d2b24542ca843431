/** Configuration read once at start; a missing value stops the API with a message that names it. */
export interface ApiConfig {
  port: number;
  databaseUrl: string;
  jwtSecret: string;
  jwtExpiresInSeconds: number;
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
    jwtExpiresInSeconds: Number(env.JWT_EXPIRES_IN_SECONDS ?? 8 * 60 * 60),
    webDistDir: env.WEB_DIST_DIR ?? null,
    seedDemoData: env.SEED_DEMO_DATA === 'true',
    // Test runs sign in hundreds of times a minute from one address.
    trustProxy: env.TRUST_PROXY || null,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'error' : 'info'),
    loginAttemptsPerMinute: Number(env.LOGIN_ATTEMPTS_PER_MINUTE ?? (env.NODE_ENV === 'test' ? 10_000 : 10)),
  };
}

export const API_CONFIG = Symbol('API_CONFIG');
