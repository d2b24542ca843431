import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import type { MailConfig } from '../config';

export interface OutgoingMail {
  /** The outbox row's id: it becomes the Message-ID, so a receiving system can tell a repeat. */
  id: string;
  to: string;
  /** The recipient's name, shown in To: ("Sam Patel <sam@example.org>"). */
  toName?: string | null;
  /** The name shown in From: (the recipient's Alliance), before the configured address; else MAIL_FROM's name. */
  senderName?: string | null;
  subject: string;
  text: string;
  /** The HTML alternative of `text`, from the same template. */
  html?: string | null;
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

/** "Name <address>" or "address" as its parts. */
export function parseSender(from: string): { name: string; address: string } {
  const match = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(from);
  return match ? { name: match[1]!.replace(/^"|"$/g, ''), address: match[2]! } : { name: '', address: from.trim() };
}

const message = (from: string, mail: OutgoingMail) => ({
  // Display names as objects: nodemailer quotes or encodes them (RFC 5322 and 2047) as a name needs.
  from: { name: mail.senderName || parseSender(from).name, address: parseSender(from).address },
  to: mail.toName ? { name: mail.toName, address: mail.to } : mail.to,
  subject: mail.subject,
  text: mail.text,
  ...(mail.html ? { html: mail.html } : {}),
  messageId: `<${mail.id}@ccc-programme>`,
  ...(mail.calendar ? { icalEvent: { method: methodOf(mail.calendar), content: mail.calendar } } : {}),
  // RFC 3834: an automatic message, so that out-of-office replies are not sent back.
  headers: { 'Auto-Submitted': 'auto-generated' },
});

/**
 * SMTP when a server is configured; otherwise each message is written as an .eml file (open it in any mail
 * program) into the mail folder, so that a laptop or a demo needs no mail server and nothing fails.
 */
export function createMailer(config: MailConfig, now: () => Date): Mailer {
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
  // CRLF line ends, as on the wire (RFC 5322): the .eml file is the message as SMTP would carry it.
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    describe: `the folder ${config.dir} (no SMTP_URL set)`,
    async send(mail) {
      const info = await transport.sendMail(message(config.from, mail));
      await mkdir(config.dir, { recursive: true });
      // Sortable by time, unique by outbox id.
      const name = `${now().toISOString().replace(/[:.]/g, '-')}-${mail.id}.eml`;
      await writeFile(path.join(config.dir, name), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}
