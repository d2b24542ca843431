import { dueReminders, type DueReminder } from '@ccc/programme';
import type { DataSource } from 'typeorm';
import { renderMail } from './mail-templates';
import { loadReminderFacts } from './reminder-facts';

export interface ScanResult {
  /** Reminders found due, whether or not sent before. */
  due: number;
  /** New ones: each is a row in someone's in-app list and an e-mail in the outbox. */
  created: number;
}

/** The e-mail of a reminder, text and HTML from its template: its words, where to act, how to stop this kind. */
export function reminderEmail(reminder: Pick<DueReminder, 'title' | 'body' | 'link'>, publicUrl: string) {
  return renderMail('reminder', {
    title: reminder.title,
    body: reminder.body,
    url: `${publicUrl}${reminder.link}`,
    preferencesUrl: `${publicUrl}/notifications/preferences`,
  });
}

/**
 * Finds the reminders due at `now` and records each new one: a row in the person's in-app list and its e-mail in
 * the outbox, in one statement. The unique key on (person, kind, subject, occasion) makes a
 * second scan, on this instance or another, at the same time or later, insert nothing; people who turned the kind
 * off are left out.
 */
export async function scanReminders(db: DataSource, now: Date, publicUrl: string): Promise<ScanResult> {
  const facts = await loadReminderFacts(db.manager, now);
  // One of each key: two rows with the same key in one statement would each find the other's e-mail.
  const due = [
    ...new Map(
      dueReminders(facts, now).map((d) => [`${d.recipientId}|${d.kind}|${d.subjectId}|${d.occasion}`, d]),
    ).values(),
  ];
  if (due.length === 0) return { due: 0, created: 0 };
  const emails = due.map((d) => reminderEmail(d, publicUrl));
  const column = <K extends keyof DueReminder>(key: K) => due.map((d) => d[key]);
  // One statement, so the list row and its e-mail are written together or not at all.
  const inserted: { id: string }[] = await db.query(
    `WITH due AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
                    AS d(person_id, kind, subject_type, subject_id, occasion, title, body, link, email_body, email_html)
       ), inserted AS (
         INSERT INTO notification (person_id, kind, subject_type, subject_id, occasion, title, body, link)
         SELECT d.person_id, d.kind, d.subject_type, d.subject_id, d.occasion, d.title, d.body, d.link
           FROM due d
           JOIN person p ON p.id = d.person_id
          WHERE NOT EXISTS (SELECT 1 FROM notification_preference np
                             WHERE np.person_id = d.person_id AND d.kind = ANY(np.disabled_kinds))
         ON CONFLICT ON CONSTRAINT notification_once DO NOTHING
         RETURNING id, person_id, kind, subject_id, occasion, title
       )
       INSERT INTO outbox_message (to_person_id, to_email, subject, body, html)
       SELECT i.person_id, p.email, i.title, d.email_body, d.email_html
         FROM inserted i
         JOIN person p ON p.id = i.person_id
         JOIN due d ON (d.person_id, d.kind, d.subject_id, d.occasion) = (i.person_id, i.kind, i.subject_id, i.occasion)
       RETURNING id`,
    [
      column('recipientId'),
      column('kind'),
      column('subjectType'),
      column('subjectId'),
      column('occasion'),
      column('title'),
      column('body'),
      column('link'),
      emails.map((e) => e.text),
      emails.map((e) => e.html),
    ],
  );
  return { due: due.length, created: inserted.length };
}
