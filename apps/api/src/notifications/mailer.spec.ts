import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import ical from 'node-ical';
import { createMailer } from './mailer';

describe('the mailer without an SMTP server', () => {
  let dir: string;

  beforeEach(async () => {
    dir = path.join(await mkdtemp(path.join(tmpdir(), 'ccc-mail-')), 'mail');
  });
  afterEach(() => rm(path.dirname(dir), { recursive: true, force: true }));

  it('writes each message as an .eml file in the mail folder, making the folder if need be', async () => {
    const mailer = createMailer({ smtpUrl: null, from: 'CCC Programme <no-reply@localhost>', dir }, () => new Date());
    expect(mailer.describe).toContain(dir);
    await mailer.send({
      id: '2f1c7a52-0000-4000-8000-000000000001',
      to: 'pcn.supervisor@example.org',
      subject: 'Can you make Joint session?',
      text: 'It was offered 3 days ago.',
    });
    mailer.close();
    const files = await readdir(dir);
    expect(files).toEqual([expect.stringMatching(/-2f1c7a52-0000-4000-8000-000000000001\.eml$/)]);
    const eml = await readFile(path.join(dir, files[0]!), 'utf8');
    // CRLF throughout, as RFC 5322 has it and as SMTP would carry it.
    expect(eml).not.toMatch(/[^\r]\n/);
    expect(eml).toContain('To: pcn.supervisor@example.org');
    expect(eml).toContain('Subject: Can you make Joint session?');
    expect(eml).toContain('Message-ID: <2f1c7a52-0000-4000-8000-000000000001@ccc-programme>');
    expect(eml).toContain('Auto-Submitted: auto-generated');
    expect(eml).toContain('It was offered 3 days ago.');
  });

  it('sends an invitation as the text/calendar alternative with its iTIP method, as Outlook expects (iMIP)', async () => {
    const mailer = createMailer({ smtpUrl: null, from: 'CCC Programme <no-reply@localhost>', dir }, () => new Date());
    const calendar = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//CCC Programme//Sessions//EN',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
      'UID:s1@ccc-programme',
      'SEQUENCE:2',
      'DTSTAMP:20260302T090000Z',
      'DTSTART:20260302T100000Z',
      'DTEND:20260302T110000Z',
      'SUMMARY:Training needs analysis',
      'ORGANIZER;CN=Alex Carter:mailto:alex@example.org',
      'ATTENDEE;CN=Sam Patel;RSVP=TRUE;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT:mailto:sam@example.org',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    await mailer.send({
      id: '2f1c7a52-0000-4000-8000-000000000002',
      to: 'sam@example.org',
      subject: 'Invitation: Training needs analysis',
      text: 'Accept or decline it in your calendar program.',
      calendar,
    });
    mailer.close();
    const [file] = await readdir(dir);
    const eml = await readFile(path.join(dir, file!));
    expect(eml.toString('latin1')).toMatch(/Content-Type: multipart\/alternative/);
    expect(eml.toString('latin1')).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/);
    // Read back by mailparser: the calendar part, decoded, is the invitation itself.
    const parsed = await simpleParser(eml);
    const part = parsed.attachments.find((a) => a.contentType === 'text/calendar')!;
    const decoded = part.content.toString('utf8');
    const event = Object.values(ical.sync.parseICS(decoded)).find((c) => c?.type === 'VEVENT') as { uid: string };
    expect(event.uid).toBe('s1@ccc-programme');
    expect(decoded).toContain('METHOD:REQUEST');
  });
});
