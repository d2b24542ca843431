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
      // The recipient's name for To:, and their Alliance's name for From: (the Alliance they hold a role in,
      // directly or through a PCN, the first by name if several; else the one inviting them).
      const rows: {
        id: string;
        to_email: string;
        subject: string;
        body: string;
        html: string | null;
        calendar: string | null;
        to_name: string | null;
        alliance_name: string | null;
      }[] = await manager.query(
        `SELECT m.id, m.to_email, m.subject, m.body, m.html, m.calendar, p.full_name AS to_name,
                coalesce(
                  (SELECT a.name FROM role_assignment ra
                     JOIN organisation o ON o.id = ra.organisation_id
                     JOIN organisation a ON a.id = o.alliance_id
                    WHERE ra.person_id = m.to_person_id ORDER BY a.name LIMIT 1),
                  -- Someone invited holds no role yet: the Alliance that offers them one.
                  (SELECT a.name FROM role_offer ro JOIN organisation a ON a.id = ro.alliance_id
                    WHERE ro.person_id = m.to_person_id ORDER BY ro.created_at DESC LIMIT 1)
                ) AS alliance_name
           FROM outbox_message m LEFT JOIN person p ON p.id = m.to_person_id
          WHERE m.sent_at IS NULL AND m.attempts < $1
            AND (m.last_attempt_at IS NULL OR m.last_attempt_at < now() - make_interval(mins => 5 * m.attempts))
          ORDER BY m.created_at, m.id
          LIMIT 1
          FOR UPDATE OF m SKIP LOCKED`,
        [MAX_DELIVERY_ATTEMPTS],
      );
      const row = rows[0];
      if (!row) return 'none' as const;
      try {
        await mailer.send({
          id: row.id,
          to: row.to_email,
          toName: row.to_name,
          senderName: row.alliance_name,
          subject: row.subject,
          text: row.body,
          html: row.html,
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
