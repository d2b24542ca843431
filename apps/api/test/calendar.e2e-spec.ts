import ical from 'node-ical';
import { calendarTokenKey, openToken } from '../src/calendar/calendar.service';
import { OutboxMessage } from '../src/links/outbox-message.entity';
import { inMonth, sessionOf, virtual } from './support/scheduling';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, postAs, tokenFor, type World } from './support/world';

type Event = { type: string; uid: string; sequence: string; start: Date; end: Date; status?: string; summary: string };

/** Parsed by node-ical, an independent iCalendar parser. */
function events(text: string): Event[] {
  return Object.values(ical.sync.parseICS(text)).filter(
    (c) => (c as { type: string }).type === 'VEVENT',
  ) as unknown as Event[];
}

/** Every property RFC 5545 (and RFC 7986's NAME) defines that a feed may use; anything else must start X-. */
const STANDARD = new Set(
  (
    'BEGIN END VERSION PRODID CALSCALE METHOD NAME UID SEQUENCE DTSTAMP DTSTART DTEND SUMMARY DESCRIPTION LOCATION ' +
    'URL STATUS TZID TZURL TZNAME TZOFFSETFROM TZOFFSETTO RRULE ORGANIZER ATTENDEE'
  ).split(' '),
);

/** What Outlook and the RFC 5545 validators check beyond what node-ical tolerates. */
function expectWellFormed(text: string): void {
  expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const names = text
    .split('\r\n')
    .filter((line) => line && !line.startsWith(' '))
    .map((line) => /^[A-Z0-9-]+/.exec(line)![0]);
  expect(names.filter((n) => !STANDARD.has(n) && !n.startsWith('X-'))).toEqual([]);
  const stamps = text.split('\r\n').filter((line) => line.startsWith('DTSTAMP'));
  expect(stamps.length).toBeGreaterThan(0);
  for (const stamp of stamps) expect(stamp).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
}

describe('calendar feeds', () => {
  let t: TestApp;
  let world: World;
  let sup1: string;
  let cccA: string;
  let cccC: string;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    sup1 = await tokenFor(t, world.people.supervisor1);
    cccA = await tokenFor(t, world.people.cccA);
    cccC = await tokenFor(t, world.people.cccC);
  });
  afterAll(() => t.close());

  const post = (token: string, path: string, body: object = {}) => postAs(t, token, path, body);
  const pathOf = (url: string) => new URL(url).pathname;

  it('gives each person a private feed with their sessions in Europe/London, updated in place on every change', async () => {
    const A = world.enrolments.A;
    const individual = await sessionOf(t, sup1, A, 'm3-individual');
    const group = await sessionOf(t, sup1, A, 'm3-group');
    const sup2 = await tokenFor(t, world.people.supervisor2);
    const cIndividual = await sessionOf(t, sup2, world.enrolments.C, 'm3-individual');
    const slot = inMonth(world, 3, 2);
    let booked = await post(sup1, `/api/sessions/${individual.id}/book`, {
      startsAt: slot,
      durationMinutes: 60,
      ...virtual,
      version: individual.version,
    }).expect(200);
    await post(sup1, `/api/sessions/${group.id}/book`, {
      startsAt: inMonth(world, 3, 3),
      durationMinutes: 90,
      ...virtual,
      version: group.version,
    }).expect(200);
    await post(sup2, `/api/sessions/${cIndividual.id}/book`, {
      startsAt: inMonth(world, 3, 4),
      durationMinutes: 60,
      ...virtual,
      version: cIndividual.version,
    }).expect(200);

    expect((await t.http().get('/api/calendar-feed').set('Authorization', cccA).expect(200)).body).toEqual({
      active: false,
      createdAt: null,
    });
    const created = await post(cccA, '/api/calendar-feed').expect(201);
    expect(created.body.url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const status = (await t.http().get('/api/calendar-feed').set('Authorization', cccA).expect(200)).body;
    // Shown again later (#20 item 5): the same address, to its owner.
    expect(status).toEqual({ active: true, createdAt: expect.any(String), url: created.body.url });

    const feed = await t.http().get(pathOf(created.body.url)).expect(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.text).toContain('BEGIN:VTIMEZONE');
    expect(feed.text).toContain('TZID:Europe/London');
    expect(feed.text).toContain(`DTSTART;TZID=Europe/London:`);
    expectWellFormed(feed.text);
    let parsed = events(feed.text);
    // CCC A has their individual session and the group; not CCC C's individual session.
    expect(parsed.map((e) => e.uid).sort()).toEqual(
      [`${individual.id}@ccc-programme`, `${group.id}@ccc-programme`].sort(),
    );
    const first = parsed.find((e) => e.uid.startsWith(individual.id))!;
    expect(first.start.toISOString()).toBe(slot);
    expect(first.end.getTime() - first.start.getTime()).toBe(60 * 60_000);
    expect(first.status).toBe('CONFIRMED');
    // In the CCC's own feed the summary is the plain title: it is their session.
    expect(first.summary).toBe(individual.title);

    // Rescheduled: the same UID with a higher SEQUENCE and the new time.
    const moved = inMonth(world, 3, 9, 15);
    booked = await post(sup1, `/api/sessions/${individual.id}/reschedule`, {
      startsAt: moved,
      durationMinutes: 45,
      ...virtual,
      reason: 'Clinic overran',
      version: booked.body.version,
    }).expect(200);
    parsed = events((await t.http().get(pathOf(created.body.url)).expect(200)).text);
    const second = parsed.find((e) => e.uid === first.uid)!;
    expect(Number(second.sequence)).toBeGreaterThan(Number(first.sequence));
    expect(second.start.toISOString()).toBe(moved);

    // Cancelled: still there, with STATUS:CANCELLED, so calendars remove it.
    await post(sup1, `/api/sessions/${individual.id}/cancel`, {
      reason: 'Supervisor unwell',
      version: booked.body.version,
    }).expect(200);
    parsed = events((await t.http().get(pathOf(created.body.url)).expect(200)).text);
    const third = parsed.find((e) => e.uid === first.uid)!;
    expect(third.status).toBe('CANCELLED');
    expect(Number(third.sequence)).toBeGreaterThan(Number(second.sequence));
    expect(parsed.filter((e) => e.uid === first.uid)).toHaveLength(1);

    // The supervisor's own feed has the sessions they lead.
    const supFeed = await post(sup1, '/api/calendar-feed').expect(201);
    const supEvents = events((await t.http().get(pathOf(supFeed.body.url)).expect(200)).text);
    expect(supEvents.map((e) => e.uid)).toEqual(
      expect.arrayContaining([`${group.id}@ccc-programme`, `${individual.id}@ccc-programme`]),
    );
    expect(supEvents.map((e) => e.uid)).not.toContain(`${cIndividual.id}@ccc-programme`);
    expectWellFormed((await t.http().get(pathOf(supFeed.body.url)).expect(200)).text);

    // Each change e-mailed CCC A an iTIP invitation from the supervisor (iMIP), parsed here by node-ical:
    // REQUEST when booked and when moved (the same UID, a higher SEQUENCE), CANCEL when cancelled.
    const sent = (
      await t.db
        .getRepository(OutboxMessage)
        .find({ where: { toPersonId: world.people.cccA.id }, order: { createdAt: 'ASC' } })
    ).filter((m) => m.calendar?.includes(`UID:${individual.id}@ccc-programme`));
    expect(sent.map((m) => /^METHOD:(\w+)\r$/m.exec(m.calendar!)?.[1])).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
    expect(sent.map((m) => m.subject.split(':')[0])).toEqual(['Invitation', 'Moved', 'Cancelled']);
    const invites = sent.map((m) => {
      expectWellFormed(m.calendar!);
      const parsed = events(m.calendar!);
      expect(parsed).toHaveLength(1);
      return parsed[0] as Event & {
        organizer: { params: { CN: string }; val: string };
        attendee: { params: { CN: string; RSVP?: string; PARTSTAT: string }; val: string };
      };
    });
    for (const invite of invites) {
      expect(invite.uid).toBe(first.uid);
      expect(invite.organizer.val.toLowerCase()).toBe(`mailto:${world.people.supervisor1.email}`.toLowerCase());
      expect(invite.organizer.params.CN).toBe(world.people.supervisor1.fullName);
      // Only the recipient is named as attendee: no other CCC's address travels with it.
      expect(invite.attendee.val.toLowerCase()).toBe(`mailto:${world.people.cccA.email}`.toLowerCase());
      expect(invite.attendee.params.PARTSTAT).toBe('NEEDS-ACTION');
    }
    expect(String(invites[0]!.attendee.params.RSVP).toUpperCase()).toBe('TRUE');
    expect(invites[0]!.start.toISOString()).toBe(slot);
    expect(invites[1]!.start.toISOString()).toBe(moved);
    expect(Number(invites[1]!.sequence)).toBeGreaterThan(Number(invites[0]!.sequence));
    expect(Number(invites[2]!.sequence)).toBeGreaterThan(Number(invites[1]!.sequence));
    expect(invites[2]!.status).toBe('CANCELLED');
    // The same SEQUENCE as the feed, so a calendar holding both sees one meeting.
    expect(invites[1]!.sequence).toBe(second.sequence);
    expect(invites[2]!.sequence).toBe(third.sequence);
    expect(sent[1]!.body).toContain('Reason: Clinic overran');
    // The supervisor who sends it is not sent their own invitation.
    expect(await t.db.getRepository(OutboxMessage).countBy({ toPersonId: world.people.supervisor1.id })).toBe(0);
    // The supervisor's one-to-one events say with whom; the cohort's group session keeps its title.
    const bySupUid = new Map(supEvents.map((e) => [e.uid, e.summary]));
    expect(bySupUid.get(`${individual.id}@ccc-programme`)).toBe(
      `${individual.title} with ${world.people.cccA.fullName}`,
    );
    expect(bySupUid.get(`${group.id}@ccc-programme`)).toBe(group.title);
  });

  it('answers 410 Gone for a replaced or revoked feed address and 404 for one that never was', async () => {
    const first = await post(cccC, '/api/calendar-feed').expect(201);
    const second = await post(cccC, '/api/calendar-feed').expect(201);
    const replaced = await t.http().get(pathOf(first.body.url)).expect(410);
    // The shared error shape, as JSON, not a calendar.
    expect(replaced.headers['content-type']).toContain('application/problem+json');
    expect(replaced.body).toMatchObject({ statusCode: 410, message: expect.stringContaining('replaced') });
    await t.http().get(pathOf(second.body.url)).expect(200);
    // The address shown later is the replacement, never the stopped one.
    expect((await t.http().get('/api/calendar-feed').set('Authorization', cccC).expect(200)).body.url).toBe(
      second.body.url,
    );
    await t.http().delete('/api/calendar-feed').set('Authorization', cccC).expect(204);
    await t.http().get(pathOf(second.body.url)).expect(410);
    await t
      .http()
      .get(`/api/calendar/${'z'.repeat(43)}.ics`)
      .expect(404);
    expect((await t.http().get('/api/calendar-feed').set('Authorization', cccC).expect(200)).body).toEqual({
      active: false,
      createdAt: null,
    });
  });

  it('keeps the address only sealed: the row holds a hash and ciphertext, not the token', async () => {
    const created = await post(cccC, '/api/calendar-feed').expect(201);
    const token = /\/api\/calendar\/([A-Za-z0-9_-]+)\.ics$/.exec(created.body.url)![1]!;
    const rows: { token_hash: string; token_sealed: string | null; revoked_at: Date | null }[] = await t.db.query(
      `SELECT f.token_hash, f.token_sealed, f.revoked_at FROM calendar_feed f
         JOIN person p ON p.id = f.person_id WHERE p.email = $1 ORDER BY f.created_at`,
      [world.people.cccC.email],
    );
    const live = rows.find((r) => !r.revoked_at)!;
    expect(live.token_sealed).toBeTruthy();
    expect(JSON.stringify(rows)).not.toContain(token);
    // Sealed with the person's id bound in: another person's sealed token does not open as theirs.
    const key = calendarTokenKey('test-only-secret-never-used-outside-tests');
    expect(openToken(key, live.token_sealed!, world.people.cccC.id)).toBe(token);
    expect(openToken(key, live.token_sealed!, world.people.cccA.id)).toBeNull();
    expect(
      openToken(
        calendarTokenKey('another secret of at least 32 characters!'),
        live.token_sealed!,
        world.people.cccC.id,
      ),
    ).toBeNull();
  });

  it('downloads one session as an .ics file for the people it concerns only', async () => {
    const joint = await sessionOf(t, sup1, world.enrolments.A, 'm3-joint');
    await post(sup1, `/api/sessions/${joint.id}/book`, {
      startsAt: inMonth(world, 3, 12),
      durationMinutes: 30,
      ...virtual,
      version: joint.version,
    }).expect(200);
    const res = await t.http().get(`/api/sessions/${joint.id}/calendar.ics`).set('Authorization', cccA).expect(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.headers['content-disposition']).toContain('attachment');
    const parsed = events(res.text);
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toMatchObject({ uid: `${joint.id}@ccc-programme`, status: 'TENTATIVE' });
    expect(parsed[0]!.summary).toBe(joint.title);
    // A joint session invites the PCN supervisor too, by e-mail, naming the CCC it is for.
    const pcnInvite = (
      await t.db.getRepository(OutboxMessage).findBy({ toPersonId: world.people.pcnSupervisor1.id })
    ).find((m) => m.calendar?.includes(`UID:${joint.id}@ccc-programme`))!;
    expect(pcnInvite.calendar).toContain('METHOD:REQUEST');
    expect(events(pcnInvite.calendar!)[0]!.summary).toBe(`${joint.title} with ${world.people.cccA.fullName}`);
    expectWellFormed(res.text);
    // The PCN supervisor's copy of the joint session names the CCC it is for.
    const pcn1 = await tokenFor(t, world.people.pcnSupervisor1);
    const pcnCopy = await t.http().get(`/api/sessions/${joint.id}/calendar.ics`).set('Authorization', pcn1).expect(200);
    expect(events(pcnCopy.text)[0]!.summary).toBe(`${joint.title} with ${world.people.cccA.fullName}`);
    await t.http().get(`/api/sessions/${joint.id}/calendar.ics`).expect(401);
    await t.http().get(`/api/sessions/${joint.id}/calendar.ics`).set('Authorization', cccC).expect(403);
  });

  it('rate limits the feed address', async () => {
    const feed = await post(cccA, '/api/calendar-feed').expect(201);
    const answers = [];
    for (let i = 0; i < 35; i++) answers.push(await t.http().get(pathOf(feed.body.url)));
    expect(answers[0]!.status).toBe(200);
    const limited = answers.find((a) => a.status === 429);
    expect(limited).toBeDefined();
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThan(0);
  });
});
