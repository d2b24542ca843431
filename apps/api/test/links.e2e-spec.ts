import { addCalendarDays } from '@ccc/programme';
import { IsNull } from 'typeorm';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { ActionLink } from '../src/links/action-link.entity';
import { OutboxMessage } from '../src/links/outbox-message.entity';
import { ReleaseRequest } from '../src/release-time/release-request.entity';
import { Session } from '../src/sessions/session.entity';
import { inMonth, sessionOf, virtual } from './support/scheduling';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, postAs, tokenFor, type World } from './support/world';

describe('answer links: a PCN supervisor confirms without signing in', () => {
  let t: TestApp;
  let world: World;
  let cccA: string;
  let sup1: string;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    cccA = await tokenFor(t, world.people.cccA);
    sup1 = await tokenFor(t, world.people.supervisor1);
  });
  afterAll(() => t.close());

  const post = (token: string, path: string, body: object = {}) => postAs(t, token, path, body);

  /** The link as the PCN supervisor receives it: the newest message in their outbox. */
  async function linkInOutbox(): Promise<string> {
    const [message] = await t.db
      .getRepository(OutboxMessage)
      .find({ where: { toPersonId: world.people.pcnSupervisor1.id }, order: { createdAt: 'DESC' }, take: 1 });
    expect(message!.toEmail).toBe(world.people.pcnSupervisor1.email);
    const token = /\/respond\/([A-Za-z0-9_-]+)/.exec(message!.body)?.[1];
    expect(token).toBeDefined();
    return token!;
  }

  async function logStudy(minutes: number) {
    return (
      await post(cccA, `/api/enrolments/${world.enrolments.A}/release-requests`, {
        kind: 'study',
        date: addCalendarDays(world.startDate, 3),
        minutes,
        description: 'ACCEND',
      }).expect(201)
    ).body;
  }

  it('e-mails a link to the PCN supervisor, shows just that request, and confirms it once, audited as theirs via link', async () => {
    const request = await logStudy(60);
    const issued = await post(cccA, `/api/release-requests/${request.id}/link`).expect(201);
    expect(issued.body).toEqual({
      sentTo: { id: world.people.pcnSupervisor1.id, fullName: world.people.pcnSupervisor1.fullName },
      expiresAt: expect.any(String),
    });
    const days = (new Date(issued.body.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
    const token = await linkInOutbox();
    // Stored hashed only.
    expect(await t.db.getRepository(ActionLink).countBy({ tokenHash: token })).toBe(0);

    const shown = await t.http().get(`/api/links/${token}`).expect(200);
    expect(shown.body).toMatchObject({
      purpose: 'release_request',
      forPerson: world.people.pcnSupervisor1.fullName,
      ccc: world.people.cccA.fullName,
      minutes: 60,
      status: 'pending',
    });

    const noReason = await t.http().post(`/api/links/${token}`).send({ decision: 'decline' }).expect(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const answered = await t.http().post(`/api/links/${token}`).send({ decision: 'confirm' }).expect(201);
    expect(answered.body.status).toBe('confirmed');
    const row = await t.db.getRepository(ReleaseRequest).findOneByOrFail({ id: request.id });
    expect(row).toMatchObject({ status: 'confirmed', viaLink: true, decidedById: world.people.pcnSupervisor1.id });
    const audit = await t.db
      .getRepository(AuditEntry)
      .findOneByOrFail({ entityId: request.id, action: 'release.confirmed' });
    expect(audit).toMatchObject({
      actorId: world.people.pcnSupervisor1.id,
      detail: expect.objectContaining({ viaLink: true }),
    });

    const again = await t.http().post(`/api/links/${token}`).send({ decision: 'confirm' }).expect(410);
    expect(again.body.message).toBe('This link has already been used');
  });

  it('refuses a replaced, an expired and an unknown link', async () => {
    const request = await logStudy(30);
    await post(cccA, `/api/release-requests/${request.id}/link`).expect(201);
    const first = await linkInOutbox();
    await post(cccA, `/api/release-requests/${request.id}/link`).expect(201);
    const second = await linkInOutbox();
    expect((await t.http().get(`/api/links/${first}`).expect(410)).body.message).toContain('newer link');
    await t.http().get(`/api/links/${second}`).expect(200);
    await t.db
      .getRepository(ActionLink)
      .update({ targetId: request.id, revokedAt: IsNull() }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await t.http().get(`/api/links/${second}`).expect(410)).body.message).toContain('expired');
    await t
      .http()
      .get(`/api/links/${'z'.repeat(43)}`)
      .expect(404);
    expect((await t.db.getRepository(ReleaseRequest).findOneByOrFail({ id: request.id })).status).toBe('pending');
  });

  it('lets the PCN supervisor accept a joint-session slot from a link', async () => {
    const joint = await sessionOf(t, sup1, world.enrolments.A, 'm3-joint');
    await post(sup1, `/api/sessions/${joint.id}/book`, {
      startsAt: inMonth(world, 3, 8),
      durationMinutes: 30,
      ...virtual,
      version: joint.version,
    }).expect(200);
    await post(sup1, `/api/sessions/${joint.id}/link`).expect(201);
    const token = await linkInOutbox();
    expect((await t.http().get(`/api/links/${token}`).expect(200)).body).toMatchObject({
      purpose: 'session_slot',
      status: 'awaiting_pcn',
      minutes: 30,
    });
    await t.http().post(`/api/links/${token}`).send({ decision: 'decline', reason: 'Not that' }).expect(400);
    await t.http().post(`/api/links/${token}`).send({ decision: 'confirm' }).expect(201);
    expect((await t.db.getRepository(Session).findOneByOrFail({ id: joint.id })).status).toBe('scheduled');
    const audit = await t.db
      .getRepository(AuditEntry)
      .findOneByOrFail({ entityId: joint.id, action: 'session.accept_slot' });
    expect(audit).toMatchObject({
      actorId: world.people.pcnSupervisor1.id,
      detail: expect.objectContaining({ viaLink: true }),
    });
    // The slot is answered: no new link for it.
    await post(sup1, `/api/sessions/${joint.id}/link`).expect(409);
  });
});
