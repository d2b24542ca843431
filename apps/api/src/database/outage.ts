import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Seconds a caller is asked to wait while the database is unreachable. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;
/** How often an outage is probed for its end. */
const PROBE_MS = 1_000;

/**
 * SQLSTATEs of a server that is shutting down, restarting or refusing connections (class 08: connection exceptions;
 * 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now; 53300 too_many_connections).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
/** TypeORM's errors for a query on a connection already given back (an outage drops them). */
const RELEASED_RUNNER = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);
/** Socket errors of a server that is gone or unreachable. */
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** What pg says when a connection drops, or the pool cannot hand one out in time. */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|Connection ended|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * Whether an error says the database cannot be reached (down, restarting, connection lost), rather than that a query
 * is wrong. TypeORM wraps pg's error (`driverError`); Node wraps causes (`cause`): each layer is looked at.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { code, message, driverError, cause } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
  };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1)))
    return true;
  return isDatabaseUnavailable(driverError, depth + 1) || isDatabaseUnavailable(cause, depth + 1);
}

/**
 * The database's reachability as the API sees it. The first failure of an outage is logged once, with its cause;
 * later failures only count; a probe (one `SELECT 1` a second) notices the end and logs that once, with how long it
 * lasted and how many requests were answered 503 meanwhile. Nothing runs while the database is up.
 */
@Injectable()
export class DatabaseOutage implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private since: number | null = null;
  private refused = 0;
  private probe: NodeJS.Timeout | null = null;
  private probing = false;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  get isDown(): boolean {
    return this.since !== null;
  }

  /**
   * Told of an error: true (and the outage noted) when it says the database cannot be reached. TypeORM's "query
   * runner already released" is what a transaction sees when an outage drops its connection between two statements,
   * and what a bug would cause too: during a known outage it is the outage; otherwise one probe decides.
   */
  failed(error: unknown): boolean | Promise<boolean> {
    if (isDatabaseUnavailable(error)) {
      this.noteOutage(error);
      return true;
    }
    if (!RELEASED_RUNNER.has(String((error as { name?: unknown } | null)?.name))) return false;
    if (this.since !== null) {
      this.refused += 1;
      return true;
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Connection timeout: no answer to a probe')), PROBE_MS * 2);
    });
    return Promise.race([this.db.query('SELECT 1'), timeout])
      .then(
        () => false,
        (probeError: unknown) => {
          this.noteOutage(probeError);
          return true;
        },
      )
      .finally(() => clearTimeout(timer));
  }

  private noteOutage(error: unknown): void {
    this.refused += 1;
    if (this.since !== null) return;
    this.since = performance.now();
    this.refused = 1;
    const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.logger.error(`Database unreachable (${cause}): answering 503 with Retry-After until it is back`);
    this.probe = setInterval(() => void this.check(), PROBE_MS);
    this.probe.unref();
  }

  private async check(): Promise<void> {
    // One probe at a time: against a server that does not answer, queries would pile up.
    if (this.since === null || this.probing) return;
    this.probing = true;
    try {
      await this.db.query('SELECT 1');
    } catch {
      return;
    } finally {
      this.probing = false;
    }
    if (this.since === null) return;
    const seconds = ((performance.now() - this.since) / 1000).toFixed(1);
    this.logger.log(`Database reachable again after ${seconds} s; ${this.refused} request(s) were answered 503`);
    this.since = null;
    this.stopProbe();
  }

  private stopProbe(): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = null;
  }

  onApplicationShutdown(): void {
    this.stopProbe();
  }
}
