import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { DataSource, IsNull } from 'typeorm';
import { monthBounds } from '@ccc/programme';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { loadConfig } from '../src/config';
import { dataSourceOptions } from '../src/database/data-source';
import { OutboxMessage } from '../src/links/outbox-message.entity';
import { Clock } from '../src/common/clock';
import { renderMail } from '../src/notifications/mail-templates';
import { type Jobs, REMINDER_SCAN_QUEUE, startJobs } from '../src/notifications/jobs';
import { JobsRunner } from '../src/notifications/jobs.runner';
import { createMailer, type Mailer } from '../src/notifications/mailer';
import { Notification } from '../src/notifications/notification.entity';
import { inMonth, sessionOf, virtual } from './support/scheduling';
import { startTestApp, type TestApp, withDatabase } from './support/test-app';
import { postAs, worldWithTokens } from './support/world';

const PUBLIC_URL = 'https://ccc.example.org';
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

interface Received {
  to: string[];
  subject: string;
  raw: string;
}

/** A header of a received message, unfolded (long headers arrive folded over several lines). */
function headerOf(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1]?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The text of a received message, its quoted-printable encoding undone. */
function textOf(raw: string): string {
  const encoded = raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n\n')
    .replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    const hex = encoded.slice(i + 1, i + 3);
    if (encoded[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(encoded[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The reminders job end to end, on a database of its own (the scan reads every row, so other test files' data
 * must not be in it): a real SMTP listener in this process, the API's own worker and a second, bare worker on the
 * same database, and a clock the test moves.
 */
describe('reminders: found by a job, e-mailed once through SMTP, listed in the app', () => {
  let t: TestApp;
  let databaseUrl: string;
  let smtp: SMTPServer;
  let smtpUrl: string;
  const received: Received[] = [];
  let secondDb: DataSource;
  let secondMailer: Mailer;
  let second: Jobs;
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);
  // The whole API reads this clock (writes as well as the scan), so each test starts at the real time.
  beforeEach(() => {
    offsetMs = 0;
  });
  const quiet = { log: () => undefined, error: () => undefined };

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (!address.address.startsWith('refuse')) return callback();
        callback(Object.assign(new Error('No such mailbox here'), { responseCode: 550 }));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: headerOf(raw, 'Subject'), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

    databaseUrl = await withDatabase('reminders', 'create');
    // Migrated before the app starts, since the app's worker starts with it.
    secondDb = new DataSource(dataSourceOptions(databaseUrl));
    await secondDb.initialize();
    await secondDb.runMigrations();
    t = await startTestApp({ DATABASE_URL: databaseUrl, JOBS_ENABLED: 'true', SMTP_URL: smtpUrl, PUBLIC_URL });
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(now);
    // Another instance's worker: its own connections, the same code, the same clock.
    // Configured as the API configures its own (MAIL_FROM unset: no-reply at PUBLIC_URL's host).
    secondMailer = createMailer(
      {
        ...loadConfig({ ...process.env, DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl, PUBLIC_URL }).mail,
        dir: '',
      },
      now,
    );
    second = await startJobs({
      databaseUrl,
      db: secondDb,
      mailer: secondMailer,
      now,
      publicUrl: PUBLIC_URL,
      logger: quiet,
      schedule: false,
      pollingIntervalSeconds: 0.5,
    });
  });

  afterAll(async () => {
    await second?.stop();
    secondMailer?.close();
    await t?.close();
    if (secondDb?.isInitialized) await secondDb.destroy();
    await new Promise<void>((resolve) => (smtp ? smtp.close(resolve) : resolve()));
    await withDatabase('reminders', 'drop');
  });

  const appJobs = () => {
    const jobs = t.app.get(JobsRunner).jobs;
    if (!jobs) throw new Error("the API's worker is not running");
    return jobs;
  };
  const unsent = async () =>
    (await t.db.query(`SELECT count(*)::int AS n FROM outbox_message WHERE sent_at IS NULL AND attempts = 0`))[0]
      .n as number;
  /** Reminders only: booking a session also e-mails its calendar invitation (calendar.e2e-spec.ts tests those). */
  const mailTo = (email: string) =>
    received.filter((m) => m.to.includes(email) && !/^Content-Type: text\/calendar/m.test(m.raw));
  const listOf = async (token: string) =>
    (await t.http().get('/api/me/notifications').set('Authorization', token).expect(200)).body;

  /**
   * The test world's training-track CCC (B) was employed two years ago, so their 1-year appraisal can already be
   * confirmed and its reminder is due (duties.e2e-spec.ts tests that): confirmed here, so each test finds its kinds.
   */
  const appraisalDone = (world: Awaited<ReturnType<typeof worldWithTokens>>['world']) =>
    t.db.query(
      `INSERT INTO attestation (enrolment_id, expectation_key, party, attested_by_id, attested_on)
       VALUES ($1, 'pcn-appraisal', 'pcn', $2, current_date)`,
      [world.enrolments.B, world.people.pcnSupervisor1.id],
    );

  it('e-mails a slot that has waited 3 days for the PCN supervisor exactly once, with two workers running at once', async () => {
    const { world, tokens } = await worldWithTokens(t);
    await appraisalDone(world);
    const jointA = await sessionOf(t, tokens.sup1, world.enrolments.A, 'm3-joint');
    await postAs(t, tokens.sup1, `/api/sessions/${jointA.id}/book`, {
      startsAt: inMonth(world, 3, 10),
      durationMinutes: 30,
      ...virtual,
      version: jointA.version,
    }).expect(200);
    const jointC = await sessionOf(t, tokens.sup2, world.enrolments.C, 'm3-joint');
    await postAs(t, tokens.sup2, `/api/sessions/${jointC.id}/book`, {
      startsAt: inMonth(world, 3, 11),
      durationMinutes: 30,
      ...virtual,
      version: jointC.version,
    }).expect(200);

    // C's PCN supervisor does not want these reminders.
    const prefs = await t.http().get('/api/me/notification-preferences').set('Authorization', tokens.pcn2).expect(200);
    expect(prefs.body.version).toBe(0);
    await t
      .http()
      .put('/api/me/notification-preferences')
      .set('Authorization', tokens.pcn2)
      .send({ enabled: { slot_awaiting_pcn: false }, version: 0 })
      .expect(200);

    // Not due yet.
    await Promise.all([appJobs().scanNow(), second.scanNow()]);
    expect(await t.db.getRepository(Notification).countBy({ kind: 'slot_awaiting_pcn' })).toBe(0);

    offsetMs = 3 * DAY + HOUR;
    // Both workers scan and deliver at the same moment, and a queued scan job goes to whichever takes it.
    const job = await second.boss.send(REMINDER_SCAN_QUEUE, {});
    await Promise.all([appJobs().scanNow(), second.scanNow(), appJobs().scanNow(), second.scanNow()]);
    await Promise.all([appJobs().deliverNow(), second.deliverNow(), appJobs().deliverNow(), second.deliverNow()]);
    if (job)
      await until(
        async () => (await second.boss.getJobById(REMINDER_SCAN_QUEUE, job))?.state === 'completed',
        'the queued scan',
      );
    await until(async () => (await unsent()) === 0, 'the outbox to empty');
    // Time for any duplicate to arrive.
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const pcn1 = world.people.pcnSupervisor1;
    const mails = mailTo(pcn1.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Can you make ${jointA.title} with ${world.people.cccA.fullName}?`);
    expect(headerOf(mails[0]!.raw, 'Auto-Submitted')).toBe('auto-generated');
    expect(textOf(mails[0]!.raw)).toContain(`Open it in CCC Programme: ${PUBLIC_URL}/sessions/${jointA.id}`);
    expect(mailTo(world.people.pcnSupervisor2.email)).toEqual([]);
    expect(await t.db.getRepository(Notification).findBy({ personId: pcn1.id, kind: 'slot_awaiting_pcn' })).toEqual([
      expect.objectContaining({ subjectId: jointA.id, readAt: null }),
    ]);
    expect(await t.db.getRepository(Notification).countBy({ personId: world.people.pcnSupervisor2.id })).toBe(0);
    const outbox = await t.db.getRepository(OutboxMessage).findBy({ toPersonId: pcn1.id, calendar: IsNull() });
    expect(outbox).toEqual([expect.objectContaining({ sentAt: expect.any(Date), attempts: 0 })]);

    // The in-app list shows it, unread, until it is marked read; the person who opted out has nothing.
    const list = await listOf(tokens.pcn1);
    expect(list.unreadCount).toBe(1);
    expect(list.items).toEqual([
      {
        id: expect.any(String),
        kind: 'slot_awaiting_pcn',
        title: mails[0]!.subject,
        body: expect.stringContaining('Accept the time or propose another'),
        link: `/sessions/${jointA.id}`,
        createdAt: expect.any(String),
        readAt: null,
      },
    ]);
    expect(await listOf(tokens.pcn2)).toEqual({ items: [], unreadCount: 0 });

    const id = list.items[0].id as string;
    // Someone else's, even an administrator's asking, is not found.
    for (const other of [tokens.pcn2, tokens.admin, tokens.cccA])
      await postAs(t, other, `/api/me/notifications/${id}/read`).expect(404);
    await postAs(t, tokens.pcn1, `/api/me/notifications/${randomUUID()}/read`).expect(404);
    await postAs(t, tokens.pcn1, '/api/me/notifications/not-an-id/read').expect(400);
    const read = await postAs(t, tokens.pcn1, `/api/me/notifications/${id}/read`).expect(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const again = await postAs(t, tokens.pcn1, `/api/me/notifications/${id}/read`).expect(200);
    expect(again.body.readAt).toBe(read.body.readAt);
    expect((await listOf(tokens.pcn1)).unreadCount).toBe(0);

    // Later scans find the same reminder due and send nothing more.
    offsetMs = 4 * DAY;
    await Promise.all([appJobs().scanNow(), second.scanNow()]);
    expect(await t.db.getRepository(Notification).countBy({ personId: pcn1.id })).toBe(1);
  });

  it('finds the other kinds in the database: a session tomorrow, release waiting a week, evidence waiting a week, a month ending unbooked', async () => {
    const { world, tokens } = await worldWithTokens(t);
    await appraisalDone(world);
    const individual = await sessionOf(t, tokens.sup1, world.enrolments.A, 'm3-individual');
    const startsAt = inMonth(world, 3, 5);
    await postAs(t, tokens.sup1, `/api/sessions/${individual.id}/book`, {
      startsAt,
      durationMinutes: 60,
      ...virtual,
      version: individual.version,
    }).expect(200);
    const study = await postAs(t, tokens.cccA, `/api/enrolments/${world.enrolments.A}/release-requests`, {
      kind: 'study',
      date: monthBounds(world.startDate, 3).startsOn,
      minutes: 90,
      description: 'ACCEND module 2',
    }).expect(201);
    expect(study.body.status).toBe('pending');
    await postAs(t, tokens.cccA, `/api/enrolments/${world.enrolments.A}/competencies/SN-03/evidence`, {
      kind: 'reflection',
      text: 'I set up a weekly list of FIT kits not returned after 14 days.',
    }).expect(201);
    const kindsOf = async (token: string) =>
      ((await listOf(token)).items as { kind: string; title: string; link: string }[]).map((i) => i.kind).sort();

    // The day before the session, late morning.
    offsetMs = new Date(startsAt).getTime() - DAY - Date.now();
    await second.scanNow();
    expect(await kindsOf(tokens.cccA)).toEqual(['session_tomorrow']);
    // The supervisor heard of the evidence when it came (the competencies feature's own item, not a reminder).
    expect(await kindsOf(tokens.sup1)).toEqual(['evidence_awaiting_review', 'session_tomorrow']);
    // An individual session: not the PCN supervisor's.
    expect(await kindsOf(tokens.pcn1)).toEqual([]);

    // The study time logged has waited more than a week (and so has the session's release request).
    offsetMs = 8 * DAY;
    await second.scanNow();
    const pcnItems = (await listOf(tokens.pcn1)).items as { kind: string; body: string; link: string }[];
    expect(pcnItems.map((i) => i.kind)).toEqual(['release_unconfirmed']);
    expect(pcnItems[0]!.link).toBe(`/enrolments/${world.enrolments.A}/release`);
    expect(pcnItems[0]!.body).toContain('1 hour 30 minutes for ACCEND module 2');
    // The evidence has waited a week for the CCC's Alliance supervisor.
    const waited = (
      (await listOf(tokens.sup1)).items as { kind: string; title: string; body: string; link: string }[]
    ).filter((i) => i.kind === 'evidence_awaiting_review' && i.title.includes('waited a week'));
    expect(waited).toEqual([
      expect.objectContaining({
        title: `Evidence from ${world.people.cccA.fullName} has waited a week for your review`,
        // Named by its code and its title in the cohort's framework.
        body: expect.stringMatching(/submitted evidence for SN-03 \S/),
        link: `/enrolments/${world.enrolments.A}/competencies/SN-03`,
      }),
    ]);
    // Unlike the item at submission, the reminder is e-mailed too.
    expect(
      await t.db
        .getRepository(OutboxMessage)
        .countBy({ toPersonId: world.people.supervisor1.id, subject: waited[0]!.title }),
    ).toBe(1);

    // Three days before month 3 ends, its other sessions are still not booked. (The release requests, waiting
    // longer, get this week's reminder too.)
    const { endsBefore } = monthBounds(world.startDate, 3);
    offsetMs = new Date(`${endsBefore}T12:00:00Z`).getTime() - 3 * DAY - Date.now();
    await second.scanNow();
    const sup1Items = (await listOf(tokens.sup1)).items as { kind: string; title: string; body: string }[];
    const ending = sup1Items.filter((i) => i.kind === 'plan_month_ending');
    expect(ending).toHaveLength(1);
    expect(ending[0]!.title).toMatch(/^Month 3 ends on \d{1,2} \w+ \d{4} with \d+ sessions not booked$/);
    expect(ending[0]!.body).toContain(`with ${world.people.cccA.fullName}`);
    expect(ending[0]!.body).toContain('(the whole cohort)');
    expect(ending[0]!.body).not.toContain(world.people.cccC.fullName);
    expect(await kindsOf(tokens.sup2)).toEqual(['plan_month_ending']);
  });

  it('asks nobody to book a paused CCC’s sessions as their month ends, and still asks for the others', async () => {
    const { world, tokens } = await worldWithTokens(t);
    const version = (await t.http().get(`/api/enrolments/${world.enrolments.C}`).set('Authorization', tokens.admin))
      .body.version as number;
    await postAs(t, tokens.admin, `/api/enrolments/${world.enrolments.C}/pause`, {
      from: world.startDate,
      reason: 'Maternity leave',
      version,
    }).expect(200);
    const { endsBefore } = monthBounds(world.startDate, 3);
    offsetMs = new Date(`${endsBefore}T12:00:00Z`).getTime() - 3 * DAY - Date.now();
    await second.scanNow();
    const kinds = async (token: string) => ((await listOf(token)).items as { kind: string }[]).map((i) => i.kind);
    // supervisor2 supervises only C, who is paused; supervisor1's CCC A is not.
    expect(await kinds(tokens.sup2)).not.toContain('plan_month_ending');
    expect(await kinds(tokens.sup1)).toContain('plan_month_ending');
  });

  it('keeps a message the SMTP server refuses, and tries it again later', async () => {
    await t.db.getRepository(OutboxMessage).insert({
      toPersonId: randomUUID(),
      toEmail: 'refuse@example.org',
      subject: 'Refused',
      body: 'x',
    });
    // The API's worker, delivering every minute, may be the one to try it.
    await second.deliverNow();
    const refused = () => t.db.getRepository(OutboxMessage).findOneByOrFail({ toEmail: 'refuse@example.org' });
    await until(async () => (await refused()).attempts > 0, 'a delivery attempt');
    expect(await refused()).toMatchObject({
      sentAt: null,
      attempts: 1,
      lastError: expect.stringContaining('No such mailbox'),
    });
    // Not again at once: the next try waits.
    expect(await second.deliverNow()).toEqual({ sent: 0, failed: 0 });
  });

  it('lets each person choose their kinds: only the kinds their roles get, against the version they read', async () => {
    const { world, tokens } = await worldWithTokens(t);
    const get = (token: string) =>
      t.http().get('/api/me/notification-preferences').set('Authorization', token).expect(200);
    const put = (token: string, body: object) =>
      t.http().put('/api/me/notification-preferences').set('Authorization', token).send(body);

    expect((await get(tokens.cccA)).body).toEqual({
      preferences: [
        { kind: 'session_tomorrow', label: 'Sessions tomorrow', description: expect.any(String), enabled: true },
        {
          kind: 'handover_to_sign',
          label: 'Handover records to sign again',
          description: expect.any(String),
          enabled: true,
        },
      ],
      version: 0,
    });
    expect((await get(tokens.pcn1)).body.preferences.map((p: { kind: string }) => p.kind)).toEqual([
      'session_tomorrow',
      'slot_awaiting_pcn',
      'release_unconfirmed',
      'handover_to_sign',
      'duty_can_be_confirmed',
    ]);
    // The kinds added later are stored like the first ones (their CHECK constraint follows REMINDER_KINDS).
    const later = await put(tokens.pcn1, {
      enabled: { handover_to_sign: false, duty_can_be_confirmed: false },
      version: 0,
    });
    expect(later.status).toBe(200);
    expect(
      later.body.preferences.filter((p: { enabled: boolean }) => !p.enabled).map((p: { kind: string }) => p.kind),
    ).toEqual(['handover_to_sign', 'duty_can_be_confirmed']);

    const saved = await put(tokens.sup1, { enabled: { plan_month_ending: false, session_tomorrow: true }, version: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    expect(saved.body.preferences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'plan_month_ending', enabled: false }),
        expect.objectContaining({ kind: 'session_tomorrow', enabled: true }),
      ]),
    );
    // A kind left out keeps its setting.
    const next = await put(tokens.sup1, { enabled: { session_tomorrow: false }, version: 1 }).expect(200);
    expect(
      next.body.preferences.filter((p: { enabled: boolean }) => !p.enabled).map((p: { kind: string }) => p.kind),
    ).toEqual(['session_tomorrow', 'plan_month_ending']);
    const stale = await put(tokens.sup1, { enabled: { session_tomorrow: true }, version: 1 }).expect(409);
    expect(stale.body.message).toContain('changed elsewhere');
    await put(tokens.cccA, { enabled: { session_tomorrow: true }, version: 3 }).expect(409);

    const bad = await put(tokens.sup1, { enabled: { session_tomorrow: 'no', holidays: true }, version: 2 }).expect(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'enabled.session_tomorrow', reason: 'session_tomorrow must be true (send) or false (do not send)' },
        { field: 'enabled.holidays', reason: 'property holidays should not exist' },
      ]),
    );
    await put(tokens.sup1, { version: 2 }).expect(400);

    const audit = await t.db
      .getRepository(AuditEntry)
      .findBy({ entityId: world.people.supervisor1.id, action: 'notification-preferences.updated' });
    expect(audit).toHaveLength(2);
    expect(audit[1]!.detail).toEqual({
      before: { disabledKinds: ['plan_month_ending'] },
      after: { disabledKinds: ['session_tomorrow', 'plan_month_ending'] },
    });
  });

  it('sends every kind of message as text and HTML from one template, with display names, CRLF and UK dates (read by mailparser)', async () => {
    const { world, tokens } = await worldWithTokens(t);
    await appraisalDone(world);
    const first = received.length;
    const people = new Map(Object.values(world.people).map((p) => [p.email, p.fullName]));

    // A joint session booked face to face: its invitation (with the iTIP part) and the PCN supervisor's link.
    const joint = await sessionOf(t, tokens.sup1, world.enrolments.A, 'm3-joint');
    await postAs(t, tokens.sup1, `/api/sessions/${joint.id}/book`, {
      startsAt: inMonth(world, 3, 10),
      durationMinutes: 60,
      mode: 'face_to_face',
      place: 'Room 2, Riverside Surgery',
      version: joint.version,
    }).expect(200);
    await postAs(t, tokens.sup1, `/api/sessions/${joint.id}/link`).expect(201);
    // Someone invited (a name with an apostrophe and a letter outside ASCII), and an e-mail address changed.
    const invited = { email: `zoe.${randomUUID().slice(0, 8)}@example.org`, fullName: "Zoë O'Brien" };
    people.set(invited.email, invited.fullName);
    await postAs(t, tokens.admin, '/api/people/invitations', {
      ...invited,
      role: 'ccc',
      organisationId: world.pcn1.id,
    }).expect(201);
    const [{ version }] = await t.db.query('SELECT version FROM person WHERE id = $1', [world.people.cccB.id]);
    const newEmail = `b.${randomUUID().slice(0, 8)}@example.org`;
    people.set(newEmail, world.people.cccB.fullName);
    await t
      .http()
      .patch(`/api/people/${world.people.cccB.id}`)
      .set('Authorization', tokens.admin)
      .send({ email: newEmail, version })
      .expect(200);
    // The kinds this test does not bring about through the API, rendered as their services render them, queued
    // for the CCC in the same outbox.
    const cccA = world.people.cccA;
    const expires = 'Tuesday 20 April 2027 at 14:00';
    for (const mail of [
      renderMail('offer', {
        name: cccA.fullName,
        inviter: 'Admin',
        role: 'CCC',
        where: 'PCN one',
        expires,
        url: `${PUBLIC_URL}/accept-role/x`,
      }),
      renderMail('roleAdded', { name: cccA.fullName, inviter: 'Admin', where: 'PCN one' }),
      renderMail('releaseRequest', {
        cccName: cccA.fullName,
        minutes: 90,
        date: '6 April 2027',
        description: 'Study',
        expires,
        url: `${PUBLIC_URL}/respond/x`,
      }),
      renderMail('handoverAmended', { cccName: cccA.fullName }),
    ])
      await t.db
        .getRepository(OutboxMessage)
        .insert({ toPersonId: cccA.id, toEmail: cccA.email, subject: mail.subject, body: mail.text, html: mail.html });
    // And a reminder: the slot has waited 3 days for the PCN supervisor.
    offsetMs = 3 * DAY + HOUR;
    await appJobs().scanNow();
    await appJobs().deliverNow();
    await until(async () => (await unsent()) === 0, 'the outbox to empty');

    const mails = await Promise.all(
      received.slice(first).map(async (m) => ({ raw: m.raw, parsed: await simpleParser(Buffer.from(m.raw, 'utf8')) })),
    );
    const bySubject = (pattern: RegExp) => mails.filter((m) => pattern.test(m.parsed.subject ?? ''));
    for (const { raw, parsed } of mails) {
      // CRLF on the wire; text and HTML alternatives; the Alliance's name on the default sender at the service's host.
      expect(raw).not.toMatch(/[^\r]\n/);
      expect(parsed.from?.value).toEqual([{ name: world.alliance.name, address: 'no-reply@ccc.example.org' }]);
      const to = (Array.isArray(parsed.to) ? parsed.to[0] : parsed.to)!.value[0]!;
      expect(to.name).toBe(people.get(to.address!));
      expect(parsed.text).toBeTruthy();
      expect(parsed.html).toMatch(/^<!DOCTYPE html>\s*<html lang="en-GB">/);
      // The same words in both parts (the HTML's, tags and escapes removed), one way of writing dates: no ISO
      // dates, no UTC.
      const htmlWords = (parsed.html as string)
        .replace(/<title>[\s\S]*?<\/title>|<div style="background:#005eb8[^>]*>[^<]*<\/div>/g, '')
        .replace(/<br>/g, '\n')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#x27;/g, "'")
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ')
        .trim();
      expect(htmlWords).toContain(parsed.text!.replace(/\s+/g, ' ').trim());
      expect(parsed.text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b|UTC|undefined|null/);
    }
    const inviteToCcc = bySubject(/^Invitation: /).find(
      (m) => m.parsed.to && JSON.stringify(m.parsed.to).includes(cccA.email),
    )!;
    expect(inviteToCcc.parsed.text).toContain('Where: Room 2, Riverside Surgery (in person)');
    expect(inviteToCcc.parsed.subject).toMatch(/^Invitation: .+, \w+day \d{1,2} \w+ \d{4} at \d{2}:\d{2}$/);
    expect(inviteToCcc.parsed.attachments.some((a) => a.contentType === 'text/calendar')).toBe(true);
    const slot = bySubject(/: can you make it\?$/)[0]!;
    expect(slot.parsed.text).toMatch(
      /is offered on \w+day \d{1,2} \w+ \d{4} at \d{2}:\d{2} \(UK time\) for 60 minutes\./,
    );
    expect(slot.parsed.text).toContain('In person at Room 2, Riverside Surgery.');
    expect(slot.parsed.html).toMatch(/<a href="https:\/\/ccc\.example\.org\/respond\/[^"]+"/);
    const invitation = bySubject(/^Your invitation to/)[0]!;
    expect(invitation.parsed.text).toContain("Zoë O'Brien, Admin");
    expect(invitation.parsed.html).toContain('Zoë O&#x27;Brien, Admin');
    expect(bySubject(/^Confirm your new e-mail address/)).toHaveLength(1);
    expect(bySubject(/^Your e-mail address for the CCC programme is changing/)).toHaveLength(1);
    for (const subject of [
      /^You are offered a role/,
      /^You have a new role/,
      /^Release time for .+: please confirm$/,
      /^The handover record of/,
    ])
      expect(bySubject(subject)).toHaveLength(1);
    const reminder = bySubject(/^Can you make /)[0]!;
    expect(reminder.parsed.text).toContain(`Open it in CCC Programme: ${PUBLIC_URL}/sessions/${joint.id}`);
    expect(reminder.parsed.html).toContain(`<a href="${PUBLIC_URL}/sessions/${joint.id}"`);
  });

  it("stops the API's worker cleanly on shutdown, and the other instance goes on alone", async () => {
    const runner = t.app.get(JobsRunner);
    const boss = appJobs().boss;
    const stopped = new Promise<void>((resolve) => boss.once('stopped', () => resolve()));
    await runner.beforeApplicationShutdown();
    await stopped;
    expect(runner.jobs).toBeNull();
    // The other instance goes on alone.
    const id = await second.boss.send(REMINDER_SCAN_QUEUE, {});
    expect(id).toEqual(expect.any(String));
    await until(
      async () => (await second.boss.getJobById(REMINDER_SCAN_QUEUE, id!))?.state === 'completed',
      'the scan',
    );
  });
});
