import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMailer } from './mailer';

describe('the mailer without an SMTP server', () => {
  let dir: string;

  beforeEach(async () => {
    dir = path.join(await mkdtemp(path.join(tmpdir(), 'ccc-mail-')), 'mail');
  });
  afterEach(() => rm(path.dirname(dir), { recursive: true, force: true }));

  it('writes each message as an .eml file in the mail folder, making the folder if need be', async () => {
    const mailer = createMailer({ smtpUrl: null, from: 'CCC Programme <no-reply@localhost>', dir });
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
    expect(eml).toContain('To: pcn.supervisor@example.org');
    expect(eml).toContain('Subject: Can you make Joint session?');
    expect(eml).toContain('Message-ID: <2f1c7a52-0000-4000-8000-000000000001@ccc-programme>');
    expect(eml).toContain('Auto-Submitted: auto-generated');
    expect(eml).toContain('It was offered 3 days ago.');
  });
});
