import { randomUUID } from 'node:crypto';
import { addCalendarDays, addCalendarMonths, londonDate } from '@ccc/programme';
import { OutboxMessage } from '../src/links/outbox-message.entity';
import { startTestApp, type TestApp } from './support/test-app';
import { createPerson, createWorld, PASSWORD, postAs, tokenFor, type World } from './support/world';

/**
 * The administration life cycle (#16, items 1–4): what an administrator made can be corrected, every change is
 * audited with before and after, stale versions are 409, bad fields 400 naming the field, other roles 403, and
 * another Alliance's records 404.
 */
describe('administration life cycle: correcting cohorts, organisations and enrolments', () => {
  let t: TestApp;
  let world: World;
  let other: World;
  let admin: string;
  let sup1: string;
  let otherAdmin: string;
  const today = () => londonDate(new Date());

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    other = await createWorld(t);
    admin = await tokenFor(t, world.people.admin);
    sup1 = await tokenFor(t, world.people.supervisor1);
    otherAdmin = await tokenFor(t, other.people.admin);
  });
  afterAll(() => t.close());

  const post = (token: string, path: string, body: object = {}) => postAs(t, token, path, body);
  const patch = (token: string, path: string, body: object) =>
    t.http().patch(path).set('Authorization', token).send(body);
  const del = (token: string, path: string, body: object) =>
    t.http().delete(path).set('Authorization', token).send(body);
  const get = (token: string, path: string) => t.http().get(path).set('Authorization', token);
  const auditOf = async (action: string, entityId: string) =>
    (await t.db.query(`SELECT actor_id, detail FROM audit_entry WHERE action = $1 AND entity_id = $2 ORDER BY at`, [
      action,
      entityId,
    ])) as { actor_id: string; detail: Record<string, unknown> }[];

  /** A CCC of PCN two on no programme yet (a CCC is on one programme at a time). */
  const freshCcc = () => createPerson(t.db, 'CCC Fresh', 'ccc', world.pcn2.id);

  async function newCohort(startDate: string, name = 'Wessex cohort, in error') {
    const res = await post(admin, '/api/cohorts', {
      name,
      templateId: world.template.id,
      startDate,
      supervisorIds: [world.people.supervisor1.id],
    }).expect(201);
    return res.body as { id: string; version: number; startDate: string };
  }

  describe('cohorts (item 3)', () => {
    it('edits the name, dates and supervisors before the start; the planned sessions move; audited', async () => {
      const start = addCalendarMonths(today(), 2);
      const cohort = await newCohort(start);
      const enrolled = await post(admin, `/api/cohorts/${cohort.id}/enrolments`, {
        cccId: (await freshCcc()).id,
        pcnId: world.pcn2.id,
        track: 'training',
        employmentStart: addCalendarMonths(start, -12),
      }).expect(201);
      const moved = addCalendarDays(start, 14);
      const res = await patch(admin, `/api/cohorts/${cohort.id}`, {
        name: ' Wessex cohort, corrected ',
        startDate: moved,
        supervisorIds: [world.people.supervisor2.id],
        version: cohort.version,
      }).expect(200);
      expect(res.body).toMatchObject({
        name: 'Wessex cohort, corrected',
        startDate: moved,
        allianceSupervisors: [{ id: world.people.supervisor2.id }],
        closedAt: null,
        version: cohort.version + 1,
      });
      // The generated sessions follow the months: month 1 now starts on the new date.
      const timeline = (await get(admin, `/api/enrolments/${enrolled.body.id}/timeline`).expect(200)).body;
      expect(timeline.months[0].startsOn).toBe(moved);
      expect(timeline.months[0].sessions.length).toBeGreaterThan(0);
      const [entry] = await auditOf('cohort.updated', cohort.id);
      expect(entry!.actor_id).toBe(world.people.admin.id);
      expect(entry!.detail).toMatchObject({
        before: { name: 'Wessex cohort, in error', startDate: start, supervisorIds: [world.people.supervisor1.id] },
        after: { name: 'Wessex cohort, corrected', startDate: moved, supervisorIds: [world.people.supervisor2.id] },
      });
      // The stale version read before is refused, and changes nothing.
      await patch(admin, `/api/cohorts/${cohort.id}`, { name: 'Stale', version: cohort.version }).expect(409);
      expect((await get(admin, `/api/cohorts/${cohort.id}`).expect(200)).body.name).toBe('Wessex cohort, corrected');
    });

    it('refuses bad fields naming them, other roles (403) and another Alliance’s cohort (404)', async () => {
      const cohort = await newCohort(addCalendarMonths(today(), 1));
      const path = `/api/cohorts/${cohort.id}`;
      let res = await patch(admin, path, { startDate: today(), version: 1 }).expect(400);
      expect(res.body.errors).toEqual([{ field: 'startDate', reason: expect.stringContaining('after today') }]);
      res = await patch(admin, path, { startDate: '2027-02-30', version: 1 }).expect(400);
      expect(res.body.errors[0].field).toBe('startDate');
      res = await patch(admin, path, { supervisorIds: [world.people.pcnSupervisor1.id], version: 1 }).expect(400);
      expect(res.body.errors).toEqual([{ field: 'supervisorIds', reason: expect.any(String) }]);
      res = await patch(admin, path, { name: 'x', version: 1 }).expect(400);
      expect(res.body.errors[0].field).toBe('name');
      res = await patch(admin, path, { name: 'No version' }).expect(400);
      expect(res.body.errors[0].field).toBe('version');
      await patch(sup1, path, { name: 'By a supervisor', version: 1 }).expect(403);
      await post(sup1, `${path}/close`, { version: 1 }).expect(403);
      await del(sup1, path, { version: 1 }).expect(403);
      await patch(otherAdmin, path, { name: 'From elsewhere', version: 1 }).expect(404);
      await post(otherAdmin, `${path}/close`, { version: 1 }).expect(404);
      await del(otherAdmin, path, { version: 1 }).expect(404);
      await patch(admin, `/api/cohorts/${randomUUID()}`, { name: 'Unknown', version: 1 }).expect(404);
      expect((await get(admin, path).expect(200)).body).toMatchObject({ name: 'Wessex cohort, in error', version: 1 });
    });

    it('refuses a start date that would make an enrolled CCC ineligible, naming startDate and the CCC', async () => {
      const start = addCalendarMonths(today(), 1);
      const cohort = await newCohort(start);
      const ccc = (
        await post(admin, `/api/cohorts/${cohort.id}/enrolments`, {
          cccId: (await freshCcc()).id,
          pcnId: world.pcn2.id,
          track: 'supervision',
          employmentStart: start,
        }).expect(201)
      ).body;
      const res = await patch(admin, `/api/cohorts/${cohort.id}`, {
        startDate: addCalendarMonths(start, 12),
        version: cohort.version,
      }).expect(400);
      expect(res.body.errors).toEqual([{ field: 'startDate', reason: expect.stringContaining(ccc.ccc.fullName) }]);
    });

    it('keeps the dates and supervisors of a cohort that has started (409), its name may still be corrected', async () => {
      const path = `/api/cohorts/${world.cohort.id}`;
      const version = (await get(admin, path).expect(200)).body.version;
      const res = await patch(admin, path, { startDate: addCalendarMonths(today(), 1), version }).expect(409);
      expect(res.body.message).toContain('started');
      await patch(admin, path, { supervisorIds: [], version }).expect(409);
      await patch(admin, path, { name: `${world.cohort.name} (renamed)`, version }).expect(200);
    });

    it('closes a cohort: no new enrolments, no more corrections; closing twice is a 409', async () => {
      const cohort = await newCohort(addCalendarMonths(today(), 1));
      await post(admin, `/api/cohorts/${cohort.id}/close`, { version: cohort.version + 1 }).expect(409);
      const res = await post(admin, `/api/cohorts/${cohort.id}/close`, { version: cohort.version }).expect(200);
      expect(res.body.closedAt).toEqual(expect.any(String));
      await post(admin, `/api/cohorts/${cohort.id}/close`, { version: res.body.version }).expect(409);
      await patch(admin, `/api/cohorts/${cohort.id}`, { name: 'After closing', version: res.body.version }).expect(409);
      const refused = await post(admin, `/api/cohorts/${cohort.id}/enrolments`, {
        cccId: (await freshCcc()).id,
        pcnId: world.pcn2.id,
        track: 'training',
        employmentStart: addCalendarMonths(today(), -12),
      }).expect(409);
      expect(refused.body.message).toContain('closed');
      const [entry] = await auditOf('cohort.closed', cohort.id);
      expect(entry!.detail).toMatchObject({ before: { closedAt: null }, after: { closedAt: res.body.closedAt } });
    });

    it('deletes a cohort created in error (started "2020") while nothing has happened in it', async () => {
      const cohort = await newCohort('2020-01-06', 'Started 2020 by mistake');
      const enrolled = await post(admin, `/api/cohorts/${cohort.id}/enrolments`, {
        cccId: (await freshCcc()).id,
        pcnId: world.pcn2.id,
        track: 'training',
        employmentStart: '2019-01-01',
      }).expect(201);
      await del(admin, `/api/cohorts/${cohort.id}`, { version: cohort.version + 1 }).expect(409);
      await del(admin, `/api/cohorts/${cohort.id}`, { version: cohort.version }).expect(204);
      await get(admin, `/api/cohorts/${cohort.id}`).expect(404);
      await get(admin, `/api/enrolments/${enrolled.body.id}`).expect(404);
      const cohorts = (await get(admin, '/api/cohorts').expect(200)).body as { id: string }[];
      expect(cohorts.some((c) => c.id === cohort.id)).toBe(false);
      const [entry] = await auditOf('cohort.deleted', cohort.id);
      expect(entry!.detail).toMatchObject({
        before: { name: 'Started 2020 by mistake', startDate: '2020-01-06', enrolments: [{ id: enrolled.body.id }] },
        after: null,
      });
    });

    it('refuses to delete a cohort in which something has happened (409), and keeps it whole', async () => {
      // CCC A logs study time: a record kept against the cohort's enrolment.
      const cccA = await tokenFor(t, world.people.cccA);
      await post(cccA, `/api/enrolments/${world.enrolments.A}/release-requests`, {
        kind: 'study',
        date: addCalendarMonths(world.startDate, 1),
        minutes: 60,
        description: 'Reading',
      }).expect(201);
      const version = (await get(admin, `/api/cohorts/${world.cohort.id}`).expect(200)).body.version;
      const res = await del(admin, `/api/cohorts/${world.cohort.id}`, { version }).expect(409);
      expect(res.body.message).toContain('close it instead');
      await get(admin, `/api/enrolments/${world.enrolments.A}/timeline`).expect(200);
      // A booked session refuses it before any row is touched.
      const cohort = await newCohort(addCalendarMonths(today(), 1));
      await post(admin, `/api/cohorts/${cohort.id}/enrolments`, {
        cccId: (await freshCcc()).id,
        pcnId: world.pcn2.id,
        track: 'training',
        employmentStart: addCalendarMonths(today(), -12),
      }).expect(201);
      await t.db.query(
        `UPDATE session SET status = 'scheduled', starts_at = now() + interval '40 days', duration_minutes = 60
          WHERE id = (SELECT id FROM session WHERE cohort_id = $1 LIMIT 1)`,
        [cohort.id],
      );
      await del(admin, `/api/cohorts/${cohort.id}`, { version: cohort.version }).expect(409);
    });
  });

  describe('organisations (item 1)', () => {
    it('adds, renames and closes a PCN of the administrator’s Alliance, audited with before and after', async () => {
      const name = `Test Valley South ${randomUUID().slice(0, 6)}`;
      let res = await post(admin, '/api/organisations', { name: ` ${name} ` }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        name,
        kind: 'pcn',
        parentId: world.alliance.id,
        closedAt: null,
        version: 1,
      });
      const pcn = res.body;
      expect((await get(admin, '/api/organisations').expect(200)).body).toContainEqual(pcn);
      // Another Alliance's administrator does not see it.
      const theirs = (await get(otherAdmin, '/api/organisations').expect(200)).body as { id: string }[];
      expect(theirs.some((o) => o.id === pcn.id)).toBe(false);
      await post(admin, '/api/organisations', { name: name.toUpperCase() }).expect(409);

      res = await patch(admin, `/api/organisations/${pcn.id}`, { name: `${name} and Romsey`, version: 1 }).expect(200);
      expect(res.body).toMatchObject({ name: `${name} and Romsey`, version: 2 });
      await patch(admin, `/api/organisations/${pcn.id}`, { name: 'Stale', version: 1 }).expect(409);
      const [renamed] = await auditOf('organisation.renamed', pcn.id);
      expect(renamed!.detail).toEqual({ before: { name }, after: { name: `${name} and Romsey` } });

      // A CCC enrolled there keeps their enrolment when it closes; no one new joins it.
      const ccc = await createPerson(t.db, 'CCC Closing', 'ccc', pcn.id);
      const cohort = await newCohort(addCalendarMonths(today(), 1));
      const enrolled = await post(admin, `/api/cohorts/${cohort.id}/enrolments`, {
        cccId: ccc.id,
        pcnId: pcn.id,
        track: 'training',
        employmentStart: addCalendarMonths(today(), -12),
      }).expect(201);
      await post(admin, `/api/organisations/${pcn.id}/close`, { version: 1 }).expect(409);
      res = await post(admin, `/api/organisations/${pcn.id}/close`, { version: 2 }).expect(200);
      expect(res.body.closedAt).toEqual(expect.any(String));
      await post(admin, `/api/organisations/${pcn.id}/close`, { version: 3 }).expect(409);
      const [closed] = await auditOf('organisation.closed', pcn.id);
      expect(closed!.detail).toMatchObject({ before: { closedAt: null }, activeEnrolments: 1 });
      expect((await get(admin, `/api/enrolments/${enrolled.body.id}`).expect(200)).body).toMatchObject({
        status: 'active',
        pcn: { id: pcn.id },
      });
      const refused = await post(admin, `/api/cohorts/${cohort.id}/enrolments`, {
        cccId: (await freshCcc()).id,
        pcnId: pcn.id,
        track: 'training',
        employmentStart: addCalendarMonths(today(), -12),
      }).expect(400);
      expect(refused.body.errors).toEqual([{ field: 'pcnId', reason: expect.stringContaining('closed') }]);
      const invite = await post(admin, '/api/people/invitations', {
        email: `closed.${randomUUID().slice(0, 8)}@example.org`,
        fullName: 'Someone New',
        role: 'ccc',
        organisationId: pcn.id,
      }).expect(400);
      expect(invite.body.errors[0].field).toBe('organisationId');
    });

    it('refuses bad fields naming them, other roles (403), another Alliance’s PCN and the Alliance itself (404)', async () => {
      let res = await post(admin, '/api/organisations', { name: 'x' }).expect(400);
      expect(res.body.errors[0].field).toBe('name');
      res = await post(admin, '/api/organisations', { name: 'A PCN', kind: 'alliance' }).expect(400);
      expect(res.body.errors[0].field).toBe('kind');
      res = await patch(admin, `/api/organisations/${world.pcn1.id}`, { name: 'Renamed' }).expect(400);
      expect(res.body.errors[0].field).toBe('version');
      await post(sup1, '/api/organisations', { name: 'By a supervisor' }).expect(403);
      await patch(sup1, `/api/organisations/${world.pcn1.id}`, { name: 'By a supervisor', version: 1 }).expect(403);
      await post(sup1, `/api/organisations/${world.pcn1.id}/close`, { version: 1 }).expect(403);
      await patch(otherAdmin, `/api/organisations/${world.pcn1.id}`, { name: 'Elsewhere', version: 1 }).expect(404);
      await post(otherAdmin, `/api/organisations/${world.pcn1.id}/close`, { version: 1 }).expect(404);
      await patch(admin, `/api/organisations/${world.alliance.id}`, { name: 'The Alliance', version: 1 }).expect(404);
      const pcn1 = (await get(admin, '/api/organisations').expect(200)).body.find(
        (o: { id: string }) => o.id === world.pcn1.id,
      );
      expect(pcn1).toMatchObject({ name: world.pcn1.name, closedAt: null });
    });
  });

  describe('enrolment changes with history (item 4)', () => {
    it('moves a CCC to a new PCN and PCN supervisor from a date: the release requests follow, old links stop', async () => {
      const w = await createWorld(t);
      const wAdmin = await tokenFor(t, w.people.admin);
      const cccA = await tokenFor(t, w.people.cccA);
      const pcn1 = await tokenFor(t, w.people.pcnSupervisor1);
      const pcn2 = await tokenFor(t, w.people.pcnSupervisor2);
      const request = (
        await post(cccA, `/api/enrolments/${w.enrolments.A}/release-requests`, {
          kind: 'study',
          date: addCalendarMonths(w.startDate, 1),
          minutes: 60,
          description: 'Reading',
        }).expect(201)
      ).body;
      await post(cccA, `/api/release-requests/${request.id}/link`).expect(201);
      const before = (await get(wAdmin, `/api/enrolments/${w.enrolments.A}`).expect(200)).body;
      const effectiveFrom = addCalendarDays(today(), -3);
      const res = await patch(wAdmin, `/api/enrolments/${w.enrolments.A}`, {
        pcnId: w.pcn2.id,
        pcnSupervisorId: w.people.pcnSupervisor2.id,
        effectiveFrom,
        reason: 'Moved to the PCN two practices',
        version: before.version,
      }).expect(200);
      expect(res.body).toMatchObject({
        pcn: { id: w.pcn2.id },
        pcnSupervisor: { id: w.people.pcnSupervisor2.id },
        allianceSupervisor: { id: w.people.supervisor1.id },
        status: 'active',
        version: before.version + 1,
      });
      // The new PCN supervisor sees the CCC and decides the request; the old one no longer does.
      const listed = async (token: string) =>
        ((await get(token, '/api/enrolments').expect(200)).body as { id: string }[]).map((e) => e.id);
      expect(await listed(pcn2)).toContain(w.enrolments.A);
      expect(await listed(pcn1)).not.toContain(w.enrolments.A);
      await post(pcn1, `/api/release-requests/${request.id}/confirm`, { version: request.version }).expect(403);
      await post(pcn2, `/api/release-requests/${request.id}/confirm`, { version: request.version }).expect(200);
      const links: { revoked_at: Date | null }[] = await t.db.query(
        `SELECT revoked_at FROM action_link WHERE target_id = $1 AND person_id = $2`,
        [request.id, w.people.pcnSupervisor1.id],
      );
      expect(links.length).toBe(1);
      expect(links[0]!.revoked_at).not.toBeNull();
      // The CCC's role follows their employer.
      const roles: { organisation_id: string }[] = await t.db.query(
        `SELECT organisation_id FROM role_assignment WHERE person_id = $1 AND role = 'ccc'`,
        [w.people.cccA.id],
      );
      expect(roles).toEqual([{ organisation_id: w.pcn2.id }]);
      const [entry] = await auditOf('enrolment.changed', w.enrolments.A);
      expect(entry!.detail).toEqual({
        before: { pcnId: w.pcn1.id, pcnSupervisorId: w.people.pcnSupervisor1.id },
        after: { pcnId: w.pcn2.id, pcnSupervisorId: w.people.pcnSupervisor2.id },
        effectiveFrom,
        reason: 'Moved to the PCN two practices',
        cccRoleMoved: true,
        revokedLinks: 1,
      });
      // The history, named, for whoever reads the enrolment.
      const history = (await get(pcn2, `/api/enrolments/${w.enrolments.A}/changes`).expect(200)).body;
      expect(history.map((h: { action: string }) => h.action)).toEqual(['enrolment.created', 'enrolment.changed']);
      expect(history[1]).toMatchObject({
        effectiveFrom,
        reason: 'Moved to the PCN two practices',
        changes: [
          { field: 'pcnId', from: w.pcn1.name, to: w.pcn2.name },
          { field: 'pcnSupervisorId', from: w.people.pcnSupervisor1.fullName, to: w.people.pcnSupervisor2.fullName },
        ],
      });
      await get(pcn1, `/api/enrolments/${w.enrolments.A}/changes`).expect(403);
    });

    it('moves a CCC of a cohort not started yet from today, and no earlier', async () => {
      const cohort = await newCohort(addCalendarMonths(today(), 1));
      const made = (
        await post(admin, `/api/cohorts/${cohort.id}/enrolments`, {
          cccId: (await freshCcc()).id,
          pcnId: world.pcn2.id,
          track: 'training',
          employmentStart: addCalendarMonths(today(), -12),
        }).expect(201)
      ).body;
      const body = { pcnId: world.pcn1.id, pcnSupervisorId: null, reason: 'Another PCN', version: made.version };
      const res = await patch(admin, `/api/enrolments/${made.id}`, {
        ...body,
        effectiveFrom: addCalendarDays(today(), -1),
      }).expect(400);
      expect(res.body.errors).toEqual([{ field: 'effectiveFrom', reason: expect.stringContaining('not started') }]);
      await patch(admin, `/api/enrolments/${made.id}`, { ...body, effectiveFrom: today() }).expect(200);
    });

    it('changes the Alliance supervisor: the caseload follows', async () => {
      const w = await createWorld(t);
      const wAdmin = await tokenFor(t, w.people.admin);
      const version = (await get(wAdmin, `/api/enrolments/${w.enrolments.B}`).expect(200)).body.version;
      await patch(wAdmin, `/api/enrolments/${w.enrolments.B}`, {
        allianceSupervisorId: w.people.supervisor2.id,
        effectiveFrom: today(),
        reason: 'Caseloads rebalanced',
        version,
      }).expect(200);
      const caseload = async (person: typeof w.people.supervisor1) =>
        (
          (await get(await tokenFor(t, person), '/api/caseload').expect(200)).body as { enrolment: { id: string } }[]
        ).map((r) => r.enrolment.id);
      expect(await caseload(w.people.supervisor2)).toContain(w.enrolments.B);
      expect(await caseload(w.people.supervisor1)).not.toContain(w.enrolments.B);
    });

    it('refuses stale versions (409), bad fields naming them (400), other roles (403), another Alliance (404)', async () => {
      const path = `/api/enrolments/${world.enrolments.C}`;
      const version = (await get(admin, path).expect(200)).body.version;
      const body = { effectiveFrom: today(), reason: 'Correction', version };
      await patch(admin, path, {
        ...body,
        allianceSupervisorId: world.people.supervisor1.id,
        version: version + 1,
      }).expect(409);
      const fieldOf = async (extra: object) =>
        (await patch(admin, path, { ...body, ...extra }).expect(400)).body.errors.map(
          (e: { field: string }) => e.field,
        );
      expect(
        await fieldOf({
          allianceSupervisorId: world.people.supervisor1.id,
          effectiveFrom: addCalendarDays(today(), 1),
        }),
      ).toEqual(['effectiveFrom']);
      expect(await fieldOf({ allianceSupervisorId: world.people.supervisor1.id, effectiveFrom: '2000-01-01' })).toEqual(
        ['effectiveFrom'],
      );
      expect(await fieldOf({ pcnId: other.pcn1.id, pcnSupervisorId: null })).toEqual(['pcnId']);
      expect(await fieldOf({ pcnId: world.pcn1.id })).toEqual(['pcnSupervisorId']);
      expect(await fieldOf({ pcnSupervisorId: world.people.pcnSupervisor1.id })).toEqual(['pcnSupervisorId']);
      expect(await fieldOf({ allianceSupervisorId: world.people.pcnSupervisor2.id })).toEqual(['allianceSupervisorId']);
      expect(await fieldOf({ allianceSupervisorId: 'not-a-uuid' })).toEqual(['allianceSupervisorId']);
      expect(await fieldOf({})).toEqual(['pcnId']);
      expect(await fieldOf({ allianceSupervisorId: world.people.supervisor1.id, reason: '' })).toEqual(['reason']);
      await patch(sup1, path, { ...body, allianceSupervisorId: world.people.supervisor1.id }).expect(403);
      await patch(otherAdmin, path, { ...body, allianceSupervisorId: world.people.supervisor1.id }).expect(404);
      await post(otherAdmin, `${path}/reinstate`, { version }).expect(404);
      await del(otherAdmin, path, { version }).expect(404);
      await get(otherAdmin, `${path}/changes`).expect(404);
      expect((await get(admin, path).expect(200)).body).toMatchObject({
        version,
        allianceSupervisor: { id: world.people.supervisor2.id },
      });
    });

    it('reinstates a withdrawn CCC, back on the cohort meetings still to come; the withdrawal stays in the history', async () => {
      const w = await createWorld(t);
      const wAdmin = await tokenFor(t, w.people.admin);
      const path = `/api/enrolments/${w.enrolments.C}`;
      let version = (await get(wAdmin, path).expect(200)).body.version;
      await post(wAdmin, `${path}/reinstate`, { version }).expect(409);
      version = (await post(wAdmin, `${path}/withdraw`, { reason: 'Left the post', version }).expect(200)).body.version;
      await post(wAdmin, `${path}/reinstate`, { version: version - 1 }).expect(409);
      const res = await post(wAdmin, `${path}/reinstate`, { version }).expect(200);
      expect(res.body).toMatchObject({ status: 'active', statusReason: null, version: version + 1 });
      const history = (await get(wAdmin, `${path}/changes`).expect(200)).body as { action: string }[];
      expect(history.map((h) => h.action)).toEqual([
        'enrolment.created',
        'enrolment.withdrawn',
        'enrolment.reinstated',
      ]);
      const [entry] = await auditOf('enrolment.reinstated', w.enrolments.C);
      expect(entry!.detail).toMatchObject({
        before: { status: 'withdrawn', statusReason: 'Left the post' },
        after: { status: 'active', statusReason: null },
      });
      // On the register of the cohort's group sessions still planned.
      const [group] = (await t.db.query(
        `SELECT count(*)::int AS n FROM session_attendance a JOIN session s ON s.id = a.session_id
          WHERE a.enrolment_id = $1 AND s.shared_by_cohort AND s.status = 'planned'`,
        [w.enrolments.C],
      )) as { n: number }[];
      expect(group!.n).toBeGreaterThan(0);
    });

    it('deletes an enrolment made in error before any activity, leaving nothing in the cohort’s counts', async () => {
      const cohort = await newCohort(addCalendarMonths(today(), 1));
      const made = (
        await post(admin, `/api/cohorts/${cohort.id}/enrolments`, {
          cccId: (await freshCcc()).id,
          pcnId: world.pcn2.id,
          track: 'training',
          employmentStart: addCalendarMonths(today(), -12),
        }).expect(201)
      ).body;
      await del(sup1, `/api/enrolments/${made.id}`, { version: made.version }).expect(403);
      await del(admin, `/api/enrolments/${made.id}`, { version: made.version + 1 }).expect(409);
      await del(admin, `/api/enrolments/${made.id}`, { version: made.version }).expect(204);
      await get(admin, `/api/enrolments/${made.id}`).expect(404);
      expect((await get(admin, `/api/cohorts/${cohort.id}`).expect(200)).body.enrolments).toEqual({
        total: 0,
        supervision: 0,
        training: 0,
      });
      const [entry] = await auditOf('enrolment.deleted', made.id);
      expect(entry!.detail).toMatchObject({ before: { cohortId: cohort.id, status: 'active' }, after: null });
      // With a record kept against it (study time), it is withdrawn instead: 409.
      const w = await createWorld(t);
      const wAdmin = await tokenFor(t, w.people.admin);
      await post(await tokenFor(t, w.people.cccA), `/api/enrolments/${w.enrolments.A}/release-requests`, {
        kind: 'study',
        date: addCalendarMonths(w.startDate, 1),
        minutes: 30,
        description: 'Reading',
      }).expect(201);
      const version = (await get(wAdmin, `/api/enrolments/${w.enrolments.A}`).expect(200)).body.version;
      const refused = await del(wAdmin, `/api/enrolments/${w.enrolments.A}`, { version }).expect(409);
      expect(refused.body.message).toContain('withdraw it instead');
      await get(wAdmin, `/api/enrolments/${w.enrolments.A}/timeline`).expect(200);
    });
  });

  describe('people (item 2)', () => {
    const rolesOf = async (id: string) =>
      (
        ((await get(admin, '/api/people').expect(200)).body as { id: string; roles: { role: string }[] }[]).find(
          (p) => p.id === id,
        )?.roles ?? []
      ).map((r) => r.role);

    it('gives a person of the Alliance a second role directly, without an offer', async () => {
      const person = await createPerson(t.db, 'PCN Lead', 'pcn_supervisor', world.pcn2.id);
      await post(admin, '/api/people/invitations', {
        email: person.email,
        fullName: person.fullName,
        role: 'ccc',
        organisationId: world.pcn2.id,
      }).expect(201);
      expect((await rolesOf(person.id)).sort()).toEqual(['ccc', 'pcn_supervisor']);
    });

    it('ends a role, refusing one still in use (409), a role not held (400), other roles (403), elsewhere (404)', async () => {
      const person = await createPerson(t.db, 'CCC Leaving', 'ccc', world.pcn2.id);
      const end = (token: string, id: string, body: object) => post(token, `/api/people/${id}/roles/end`, body);
      let res = await end(admin, person.id, { role: 'pcn_supervisor', organisationId: world.pcn2.id }).expect(400);
      expect(res.body.errors).toEqual([{ field: 'role', reason: expect.any(String) }]);
      res = await end(admin, person.id, { role: 'boss', organisationId: world.pcn2.id }).expect(400);
      expect(res.body.errors[0].field).toBe('role');
      await end(sup1, person.id, { role: 'ccc', organisationId: world.pcn2.id }).expect(403);
      await end(otherAdmin, person.id, { role: 'ccc', organisationId: world.pcn2.id }).expect(404);
      res = await end(admin, person.id, { role: 'ccc', organisationId: world.pcn2.id }).expect(200);
      expect(res.body.roles).toEqual([]);
      const [entry] = await auditOf('person.role_ended', person.id);
      expect(entry!.detail).toEqual({ before: { role: 'ccc', organisationId: world.pcn2.id }, after: null });
      // Still supervising CCC C; a CCC still on the programme; one's own administration.
      res = await end(admin, world.people.pcnSupervisor2.id, {
        role: 'pcn_supervisor',
        organisationId: world.pcn2.id,
      }).expect(409);
      expect(res.body.message).toContain('still in use');
      await end(admin, world.people.cccA.id, { role: 'ccc', organisationId: world.pcn1.id }).expect(409);
      await end(admin, world.people.admin.id, { role: 'admin', organisationId: world.alliance.id }).expect(409);
    });

    it('deactivates an account: its sessions end at once, no sign-in, its history kept', async () => {
      const person = await createPerson(t.db, 'PCN Deputy', 'pcn_supervisor', world.pcn1.id);
      const token = await tokenFor(t, person);
      await get(token, '/api/me').expect(200);
      await post(admin, `/api/people/${person.id}/deactivate`, { version: 2 }).expect(409);
      await post(sup1, `/api/people/${person.id}/deactivate`, { version: 1 }).expect(403);
      await post(otherAdmin, `/api/people/${person.id}/deactivate`, { version: 1 }).expect(404);
      let res = await post(admin, `/api/people/${person.id}/deactivate`, { version: 'one' }).expect(400);
      expect(res.body.errors[0].field).toBe('version');
      res = await post(admin, `/api/people/${person.id}/deactivate`, { version: 1 }).expect(200);
      expect(res.body).toMatchObject({ id: person.id, deactivatedAt: expect.any(String), version: 2 });
      expect(res.body.roles).toEqual([
        { role: 'pcn_supervisor', organisationId: world.pcn1.id, organisationName: world.pcn1.name },
      ]);
      await get(token, '/api/me').expect(401);
      await t.http().post('/api/auth/login').send({ email: person.email, password: PASSWORD }).expect(401);
      const [entry] = await auditOf('person.deactivated', person.id);
      expect(entry!.detail).toMatchObject({ before: { deactivatedAt: null }, sessionsEnded: 1 });
      await post(admin, `/api/people/${person.id}/deactivate`, { version: 2 }).expect(409);
      await post(admin, `/api/people/${world.people.admin.id}/deactivate`, { version: 1 }).expect(409);
    });

    it('changes a name at once and an e-mail address once its owner confirms it from the new address', async () => {
      const person = await createPerson(t.db, 'CCC Renamed', 'ccc', world.pcn2.id);
      let res = await patch(admin, `/api/people/${person.id}`, { fullName: 'Sam Taylor-Jones', version: 1 }).expect(
        200,
      );
      expect(res.body).toMatchObject({
        fullName: 'Sam Taylor-Jones',
        email: person.email,
        pendingEmail: null,
        version: 2,
      });
      await patch(admin, `/api/people/${person.id}`, { fullName: 'Stale', version: 1 }).expect(409);
      res = await patch(admin, `/api/people/${person.id}`, { email: 'not an address', version: 2 }).expect(400);
      expect(res.body.errors[0].field).toBe('email');
      await patch(admin, `/api/people/${person.id}`, { email: world.people.cccA.email, version: 2 }).expect(409);
      await patch(sup1, `/api/people/${person.id}`, { fullName: 'By a supervisor', version: 2 }).expect(403);
      await patch(otherAdmin, `/api/people/${person.id}`, { fullName: 'Elsewhere', version: 2 }).expect(404);
      const newEmail = `sam.${randomUUID().slice(0, 8)}@example.org`;
      res = await patch(admin, `/api/people/${person.id}`, { email: newEmail.toUpperCase(), version: 2 }).expect(200);
      expect(res.body).toMatchObject({ email: person.email, pendingEmail: newEmail, version: 3 });
      const [updated] = (await auditOf('person.updated', person.id)).slice(-1);
      expect(updated!.detail).toEqual({
        before: { fullName: 'Sam Taylor-Jones', pendingEmail: null },
        after: { fullName: 'Sam Taylor-Jones', pendingEmail: newEmail },
      });
      // Until confirmed, the old address signs in; the old address is told of the change.
      await t.http().post('/api/auth/login').send({ email: newEmail, password: PASSWORD }).expect(401);
      await t.http().post('/api/auth/login').send({ email: person.email, password: PASSWORD }).expect(200);
      const outbox = t.db.getRepository(OutboxMessage);
      expect(await outbox.countBy({ toEmail: person.email })).toBeGreaterThan(0);
      const [message] = await outbox.find({ where: { toEmail: newEmail }, order: { createdAt: 'DESC' }, take: 1 });
      const token = /\/confirm-email\/([A-Za-z0-9_-]+)/.exec(message!.body)![1]!;
      await t
        .http()
        .post(`/api/email-confirmations/${'x'.repeat(43)}`)
        .expect(404);
      await t.http().post(`/api/email-confirmations/${token}`).expect(204);
      await t.http().post(`/api/email-confirmations/${token}`).expect(410);
      await t.http().post('/api/auth/login').send({ email: newEmail, password: PASSWORD }).expect(200);
      await t.http().post('/api/auth/login').send({ email: person.email, password: PASSWORD }).expect(401);
      const [changed] = await auditOf('person.email_changed', person.id);
      expect(changed!.detail).toMatchObject({ before: { email: person.email }, after: { email: newEmail } });
    });
  });
});
