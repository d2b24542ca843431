import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { londonDate } from '@ccc/programme';
import { DataSource } from 'typeorm';
import { createApp } from './app.factory';
import { AuditService } from './audit/audit.service';
import { configureDemoProvider } from './auth/oidc/demo-provider';
import { loadConfig } from './config';
import { Clock } from './common/clock';
import { seedDemoData } from './demo-data/demo-data';
import { EnrolmentCommands } from './enrolments/enrolment-commands.service';

/** Any fixed number: the key of the advisory lock that serialises start-up work across instances. */
const MIGRATION_LOCK = 7_351_002;

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  const logger = new Logger('Main');
  const db = app.get(DataSource);
  // Several instances may start at once (a rolling deploy, two replicas): one migrates and seeds at a time, under
  // a session-level advisory lock held on a connection of its own; the others then find nothing left to do.
  const lock = db.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await db.runMigrations({ transaction: 'each' });
    logger.log(`Database schema up to date (${applied.length} migration(s) applied now)`);
    if (config.seedDemoData) {
      const result = await seedDemoData(db, app.get(EnrolmentCommands), londonDate(app.get(Clock).now()));
      logger.log(result.created ? 'Demo data loaded' : 'Demo data not loaded: the database already has people in it');
      if (await configureDemoProvider(db, app.get(AuditService)))
        logger.log(`Demo Alliance signs in with the local OpenID provider at ${process.env.DEMO_OIDC_ISSUER}`);
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
  // SIGTERM (an orchestrator) or SIGINT (Ctrl-C): stop taking work, finish what is in flight (HttpDrain), close
  // the database and the queues, then exit 0 — a clean stop, not a crash, to whoever is watching.
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      // However stuck a request or a query is, the process ends within SHUTDOWN_TIMEOUT_MS (not cleanly: exit 1).
      setTimeout(() => {
        logger.error(`Still stopping after ${config.shutdownTimeoutMs} ms: exiting now`);
        process.exit(1);
      }, config.shutdownTimeoutMs).unref();
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      );
    });
  await app.listen(config.port);
  logger.log(`CCC Programme listening on http://localhost:${config.port} (API under /api, document at /api/docs)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
