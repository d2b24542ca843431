/**
 * The reminders job does not run in the browser tests (JOBS_ENABLED is off under NODE_ENV=test, and its clock is
 * the real one): this puts an item in a person's in-app list as the job would, straight into the scratch database.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';

function databaseUrl(): string {
  const value = process.env.WEB_E2E_DATABASE_URL;
  if (!value) throw new Error('WEB_E2E_DATABASE_URL is not set: run the tests through apps/web-e2e/jest.config.cjs');
  return value;
}

export interface Reminder {
  kind: 'session_tomorrow' | 'slot_awaiting_pcn' | 'plan_month_ending' | 'release_unconfirmed';
  title: string;
  body: string;
  link: string;
}

/** A new, unread reminder for the person with this e-mail address; its id. */
export async function addReminder(email: string, reminder: Reminder): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const result = await client.query<{ id: string }>(
      `INSERT INTO notification (person_id, kind, subject_type, subject_id, occasion, title, body, link)
       SELECT p.id, $2, 'session', $3, $4, $5, $6, $7 FROM person p WHERE lower(p.email) = lower($1)
       RETURNING id`,
      [email, reminder.kind, randomUUID(), randomUUID(), reminder.title, reminder.body, reminder.link],
    );
    if (!result.rows[0]) throw new Error(`No person with the e-mail address ${email}`);
    return result.rows[0].id;
  } finally {
    await client.end();
  }
}
