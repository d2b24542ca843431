import PgBoss from 'pg-boss';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { purgeExpiredIdempotencyKeys } from '../idempotency/idempotency.service';
import { eraseDueEnrolments, type RetentionRunResult } from '../retention/erasure';
import type { Mailer } from './mailer';
import { deliverOutbox, type DeliveryResult } from './outbox-delivery';
import { scanReminders, type ScanResult } from './reminder-scan';

export const REMINDER_SCAN_QUEUE = 'reminders-scan';
export const OUTBOX_DELIVERY_QUEUE = 'outbox-deliver';
/** Erases the personal data of enrolments past their Alliance's retention period (apps/api/src/retention). */
export const RETENTION_QUEUE = 'retention-erase';
/** pg-boss keeps its own tables here, apart from the application's (and from TypeORM's migrations). */
export const JOBS_SCHEMA = 'pgboss';

/** Reminders go out in working hours only, London time; e-mails waiting in the outbox, every minute. */
const REMINDER_SCAN_CRON = '*/15 7-19 * * *';
const OUTBOX_DELIVERY_CRON = '* * * * *';
/** Once a night, London time: retention is counted in days. */
const RETENTION_CRON = '30 2 * * *';

export interface JobsLogger {
  log(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface JobsOptions {
  databaseUrl: string;
  db: DataSource;
  mailer: Mailer;
  /** The clock the reminder rules read, so that tests can move it. */
  now: () => Date;
  publicUrl: string;
  logger: JobsLogger;
  /** Register the cron schedules; every instance may, pg-boss sends each slot's job once. Default true. */
  schedule?: boolean;
  pollingIntervalSeconds?: number;
}

export interface Jobs {
  readonly boss: PgBoss;
  /** Runs a scan in this process now, as a job would. */
  scanNow(): Promise<ScanResult>;
  /** Delivers the outbox from this process now, as a job would. */
  deliverNow(): Promise<DeliveryResult>;
  /** Erases every enrolment due for erasure from this process now, as the retention job would. */
  eraseDueNow(): Promise<RetentionRunResult>;
  /** Stops taking jobs, lets the running ones finish (up to `timeoutMs`), and closes the queue's connections. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * A worker for the reminders and the outbox: a pg-boss instance on the application's database, working both
 * queues. Free of Nest, so that a second worker can run beside the API's in a test. Several workers (one per API
 * instance) are safe: pg-boss hands each job to one of them, and the work itself is idempotent (the reminders'
 * unique key, the outbox's row locks) in case two run at once anyway.
 */
/** Any fixed number, other than main.ts's: the key of the lock that serialises the queue set-up across instances. */
const JOBS_SETUP_LOCK = 7_351_003;

export async function startJobs(options: JobsOptions): Promise<Jobs> {
  const { db, mailer, logger } = options;
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: JOBS_SCHEMA,
    application_name: 'ccc-programme-jobs',
    max: 3,
    schedule: options.schedule ?? true,
  });
  boss.on('error', (error) => logger.error('Job queue error', error));
  // Instances starting together would create pg-boss's schema and queues at once, which deadlocks in PostgreSQL:
  // one at a time, under an advisory lock held on a connection of the application's pool.
  const lock = db.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [JOBS_SETUP_LOCK]);
    await boss.start();
    // 'short': at most one job waits in each queue, so a backlog of identical triggers never builds up.
    for (const name of [REMINDER_SCAN_QUEUE, OUTBOX_DELIVERY_QUEUE, RETENTION_QUEUE])
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, policy: 'short', retryLimit: 2 });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [JOBS_SETUP_LOCK]).catch(() => undefined);
    await lock.release();
  }

  const deliverNow = async () => {
    const result = await deliverOutbox(db, mailer);
    if (result.sent || result.failed) logger.log(`E-mails sent: ${result.sent}, failed (to retry): ${result.failed}`);
    return result;
  };
  const scanNow = async () => {
    const result = await scanReminders(db, options.now(), options.publicUrl);
    if (result.created) {
      logger.log(`Reminders: ${result.created} new of ${result.due} due`);
      await boss.send(OUTBOX_DELIVERY_QUEUE, {});
    }
    return result;
  };

  const audit = new AuditService();
  const eraseDueNow = async () => {
    const result = await eraseDueEnrolments(db, audit, options.now(), (id, error) =>
      logger.error(`Erasure of enrolment ${id} failed`, error),
    );
    if (result.due) logger.log(`Retention: ${result.erased} of ${result.due} due enrolments erased`);
    return result;
  };

  const work = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  await boss.work(REMINDER_SCAN_QUEUE, work, async () => {
    await scanNow();
  });
  await boss.work(OUTBOX_DELIVERY_QUEUE, work, async () => {
    await deliverNow();
  });
  await boss.work(RETENTION_QUEUE, work, async () => {
    await eraseDueNow();
    // Idempotency keys are kept 24 hours (idempotency.service.ts); older ones are ignored already, then removed here.
    const purged = await purgeExpiredIdempotencyKeys(db);
    if (purged) logger.log(`Retention: ${purged} expired idempotency keys removed`);
  });
  if (options.schedule ?? true) {
    await boss.schedule(REMINDER_SCAN_QUEUE, REMINDER_SCAN_CRON, {}, { tz: 'Europe/London' });
    await boss.schedule(OUTBOX_DELIVERY_QUEUE, OUTBOX_DELIVERY_CRON, {});
    await boss.schedule(RETENTION_QUEUE, RETENTION_CRON, {}, { tz: 'Europe/London' });
  }

  return {
    boss,
    scanNow,
    deliverNow,
    eraseDueNow,
    stop: (timeoutMs = 10_000) => boss.stop({ graceful: true, wait: true, timeout: timeoutMs }),
  };
}
