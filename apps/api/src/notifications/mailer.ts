import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import type { MailConfig } from '../config';

export interface OutgoingMail {
  /** The outbox row's id: it becomes the Message-ID, so a receiving system can tell a repeat. */
  id: string;
  to: string;
  subject: string;
  text: string;
  /** An iTIP invitation (RFC 5546): sent as the text/calendar alternative that Outlook shows with Accept/Decline. */
  calendar?: string | null;
}

/** The iTIP method the calendar part declares, repeated in its Content-Type as RFC 6047 (iMIP) asks. */
const methodOf = (calendar: string) => /^METHOD:([A-Z-]+)\r?$/m.exec(calendar)?.[1] ?? 'PUBLISH';

export interface Mailer {
  /** Where mail goes, for the start-up log; never the SMTP credentials. */
  readonly describe: string;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

const message = (from: string, mail: OutgoingMail) => ({
  from,
  to: mail.to,
  subject: mail.subject,
  text: mail.text,
  messageId: `<${mail.id}@ccc-programme>`,
  ...(mail.calendar ? { icalEvent: { method: methodOf(mail.calendar), content: mail.calendar } } : {}),
  // RFC 3834: an automatic message, so that out-of-office replies are not sent back.
  headers: { 'Auto-Submitted': 'auto-generated' },
});

/**
 * SMTP when a server is configured; otherwise each message is written as an .eml file (open it in any mail
 * program) into the mail folder, so that a laptop or a demo needs no mail server and nothing fails.
 */
export function createMailer(config: MailConfig): Mailer {
  if (config.smtpUrl) {
    const url = new URL(config.smtpUrl);
    const transport = createTransport(config.smtpUrl);
    return {
      describe: `SMTP server ${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`,
      async send(mail) {
        await transport.sendMail(message(config.from, mail));
      },
      close: () => transport.close(),
    };
  }
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    describe: `the folder ${config.dir} (no SMTP_URL set)`,
    async send(mail) {
      const info = await transport.sendMail(message(config.from, mail));
      await mkdir(config.dir, { recursive: true });
      // Sortable by time, unique by outbox id.
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.id}.eml`;
      await writeFile(path.join(config.dir, name), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}
