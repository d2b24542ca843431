import type { DataSource } from 'typeorm';
import type { Mailer } from './mailer';

/** After this many failed tries a message is left in the outbox, with its last error, for someone to look at. */
export const MAX_DELIVERY_ATTEMPTS = 8;

export interface DeliveryResult {
  sent: number;
  failed: number;
}

/**
 * Sends unsent outbox messages, oldest first, one transaction each: the row is locked `FOR UPDATE SKIP LOCKED`
 * while it is sent and stamped, so two workers never send the same message; a worker skips what another holds.
 * A failed send is counted and retried later, waiting 5 minutes longer after each failure.
 */
export async function deliverOutbox(db: DataSource, mailer: Mailer, limit = 100): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0 };
  for (let i = 0; i < limit; i++) {
    const outcome = await db.transaction(async (manager) => {
      const rows: { id: string; to_email: string; subject: string; body: string; calendar: string | null }[] =
        await manager.query(
          `SELECT id, to_email, subject, body, calendar FROM outbox_message
          WHERE sent_at IS NULL AND attempts < $1
            AND (last_attempt_at IS NULL OR last_attempt_at < now() - make_interval(mins => 5 * attempts))
          ORDER BY created_at, id
          LIMIT 1
          FOR UPDATE SKIP LOCKED`,
          [MAX_DELIVERY_ATTEMPTS],
        );
      const row = rows[0];
      if (!row) return 'none' as const;
      try {
        await mailer.send({
          id: row.id,
          to: row.to_email,
          subject: row.subject,
          text: row.body,
          calendar: row.calendar,
        });
      } catch (error) {
        await manager.query(
          `UPDATE outbox_message SET attempts = attempts + 1, last_attempt_at = now(), last_error = $2 WHERE id = $1`,
          [row.id, (error instanceof Error ? error.message : String(error)).slice(0, 1000)],
        );
        return 'failed' as const;
      }
      await manager.query(`UPDATE outbox_message SET sent_at = now(), last_attempt_at = now() WHERE id = $1`, [row.id]);
      return 'sent' as const;
    });
    if (outcome === 'none') break;
    result[outcome]++;
  }
  return result;
}
