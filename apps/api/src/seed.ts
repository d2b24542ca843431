import 'reflect-metadata';
import { londonDate } from '@ccc/programme';
import { DataSource } from 'typeorm';
import { createApp } from './app.factory';
import { Clock } from './common/clock';
import { loadConfig } from './config';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoData } from './demo-data/demo-data';
import { EnrolmentCommands } from './enrolments/enrolment-commands.service';

/** `npm run seed`: migrate, then load the demo data if the database has no people yet. */
async function seedCommand(): Promise<void> {
  const app = await createApp(loadConfig(), { logger: ['error', 'warn'] });
  const db = app.get(DataSource);
  await db.runMigrations({ transaction: 'each' });
  const { created } = await seedDemoData(db, app.get(EnrolmentCommands), londonDate(app.get(Clock).now()));
  console.log(created ? 'Demo data loaded.' : 'The database already has people in it; demo data not loaded.');
  if (created) for (const login of DEMO_LOGINS) console.log(`  ${login.role}: ${login.email} / ${DEMO_PASSWORD}`);
  await app.close();
}

seedCommand().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
