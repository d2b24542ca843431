/**
 * The e-mails the API writes to the outbox_message table (no mailer runs in the tests): read straight from the
 * scratch database the global setup made, to find the one-time link an e-mail carries. Read only, but for
 * endSessionsOf.
 */
import pg from 'pg';

function databaseUrl(): string {
  const value = process.env.WEB_E2E_DATABASE_URL;
  if (!value) throw new Error('WEB_E2E_DATABASE_URL is not set: run the tests through apps/web-e2e/jest.config.cjs');
  return value;
}

export interface OutboxMessage {
  subject: string;
  body: string;
}

/** The newest message to the person with this e-mail address, or null when there is none. */
export async function newestMessageTo(email: string): Promise<OutboxMessage | null> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const result = await client.query<OutboxMessage>(
      `SELECT subject, body FROM outbox_message WHERE lower(to_email) = lower($1) ORDER BY created_at DESC LIMIT 1`,
      [email],
    );
    return result.rows[0] ?? null;
  } finally {
    await client.end();
  }
}

/** The token of the `/respond/<token>` link in a message body. */
export function respondToken(body: string): string {
  const match = /\/respond\/([A-Za-z0-9_-]+)/.exec(body);
  if (!match?.[1]) throw new Error(`No /respond/ link in the message:\n${body}`);
  return match[1];
}

/** Ends every signed-in session of a person on the server, as a password change or an administrator would. */
export async function endSessionsOf(email: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = 'ended_by_test'
        WHERE revoked_at IS NULL AND person_id = (SELECT id FROM person WHERE lower(email) = lower($1))`,
      [email],
    );
  } finally {
    await client.end();
  }
}
