import type { CohortReport, ExpectationsResponse } from '@ccc/contracts';
import { addCalendarMonths } from '@ccc/programme';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, tokenFor, type World } from './support/world';

/*
 * Issue #15 (1–5) over HTTP: expectations by track, targets the plan cannot meet, sessions never booked against
 * sessions not attended, reopening an enrolment and re-signing an amended handover, and the four expectations
 * computed from the competency record and the training plan.
 */
describe('expectation and session states (issue #15)', () => {
  let t: TestApp;
  let world: World;
  let sup: string;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t, undefined, { startMonthsAgo: 2 });
    sup = await tokenFor(t, world.people.supervisor1);
  });
  afterAll(() => t.close());

  const expectations = async (enrolmentId: string, token = sup) =>
    (await t.http().get(`/api/enrolments/${enrolmentId}/expectations`).set('Authorization', token).expect(200))
      .body as ExpectationsResponse;
  const stateOf = (body: ExpectationsResponse) => Object.fromEntries(body.results.map((r) => [r.key, r.state]));

  describe('expectations by track (item 2)', () => {
    it('shows the supervision offer as not applicable to a training-track CCC', async () => {
      const states = stateOf(await expectations(world.enrolments.B));
      for (const key of [
        'ccc-attend-supervision',
        'pcn-joint-sessions',
        'pcn-final-interview',
        'alliance-individual',
        'alliance-group',
      ])
        expect(states[key]).toBe('not_applicable');
      expect(states['ccc-conference']).toBe('on_track');
    });

    it('applies them all to a supervision-track CCC', async () => {
      expect(Object.values(stateOf(await expectations(world.enrolments.A)))).not.toContain('not_applicable');
    });
  });

  describe('targets the plan cannot meet (item 4)', () => {
    it('blames no one while every planned group session is held or on course, and says the template’s warning', async () => {
      const body = await expectations(world.enrolments.A);
      const group = body.results.find((r) => r.key === 'alliance-group')!;
      // Months 1–2 past with their group sessions never booked: even the plan is not delivered.
      expect(group.state).toBe('at_risk');
      expect(group.warning).toBe(
        'The plan holds 5 group sessions but the Alliance expects 6 (\u201cProvide 6 group supervision sessions\u201d).',
      );
      await t.db.query(
        `UPDATE session s SET status = 'completed', starts_at = now() - interval '20 days', duration_minutes = s.min_minutes
          WHERE s.cohort_id = $1 AND s.kind IN ('group', 'tna') AND s.month <= 2`,
        [world.cohort.id],
      );
      await t.db.query(
        `UPDATE session_attendance a SET attendance = 'present' FROM session s
          WHERE s.id = a.session_id AND s.cohort_id = $1 AND s.kind IN ('group', 'tna') AND s.month <= 2`,
        [world.cohort.id],
      );
      const after = stateOf(await expectations(world.enrolments.A));
      expect(after['alliance-group']).toBe('not_in_plan');
      expect(after['alliance-tna']).toBe('not_in_plan');
      // The training-track CCC's one TNA is the template's shortfall too.
      expect(stateOf(await expectations(world.enrolments.B))['alliance-tna']).toBe('not_in_plan');
    });

    it('counts them apart in the cohort report, with the warning', async () => {
      const report = (
        await t
          .http()
          .get(`/api/reports/cohort?cohortId=${world.cohort.id}`)
          .set('Authorization', await tokenFor(t, world.people.admin))
          .expect(200)
      ).body as CohortReport;
      const tna = report.sessions.find((s) => s.expectationKey === 'alliance-tna')!;
      expect(tna).toMatchObject({ enrolmentsMet: 0, enrolmentsCounted: 3, enrolmentsNotInPlan: 3 });
      expect(tna.warning).toContain('The plan holds 1 TNA but the Alliance expects 2');
      const individual = report.sessions.find((s) => s.expectationKey === 'alliance-individual')!;
      // Two supervision-track CCCs: the training-track one is not counted.
      expect(individual).toMatchObject({ enrolmentsCounted: 2, enrolmentsNotInPlan: 0, warning: null });
    });
  });

  describe('a session never booked against a session not attended (item 5)', () => {
    it('tells them apart on the timeline, the caseload and the expectations', async () => {
      await t.db.query(
        `UPDATE session_attendance a SET attendance = 'absent' FROM session s
          WHERE s.id = a.session_id AND s.cohort_id = $1 AND s.plan_item_key = 'm1-group' AND a.enrolment_id = $2`,
        [world.cohort.id, world.enrolments.A],
      );
      const admin = await tokenFor(t, world.people.admin);
      const timeline = async (id: string) =>
        (await t.http().get(`/api/enrolments/${id}/timeline`).set('Authorization', admin).expect(200)).body as {
          months: { sessions: { planItemKey: string; status: string }[] }[];
        };
      const statusOf = async (id: string, key: string) =>
        (await timeline(id)).months[0]!.sessions.find((s) => s.planItemKey === key)!.status;
      expect(await statusOf(world.enrolments.A, 'm1-group')).toBe('did_not_attend');
      expect(await statusOf(world.enrolments.C, 'm1-group')).toBe('completed');
      expect(await statusOf(world.enrolments.A, 'm1-individual')).toBe('not_held');

      const caseload = (await t.http().get('/api/caseload').set('Authorization', sup).expect(200)).body as {
        enrolment: { id: string };
        notHeld: number;
        didNotAttend: number;
      }[];
      const rowA = caseload.find((r) => r.enrolment.id === world.enrolments.A)!;
      // Months 1–2: the individual sessions, the group teaching and the month-1 joint session were never booked.
      expect(rowA).toMatchObject({ notHeld: 5, didNotAttend: 1 });
      expect(rowA).not.toHaveProperty('missed');

      const attend = (await expectations(world.enrolments.A)).results.find((r) => r.key === 'ccc-attend-supervision')!;
      expect(attend.sessions).toEqual({ notHeld: 2, didNotAttend: 1 });
    });
  });

  describe('the handover opens in its plan month (item 1)', () => {
    it('cannot be signed in month 3, and says from when', async () => {
      const ccc = await tokenFor(t, world.people.cccA);
      const view = (await t.http().get(`/api/enrolments/${world.enrolments.A}/handover`).set('Authorization', ccc))
        .body as { signBlocker: string; opensOn: string; canSignAs: string | null };
      expect(view.opensOn).toBe(addCalendarMonths(world.startDate, 5));
      expect(view.signBlocker).toMatch(/^The handover and evaluation interview opens in month 6, on /);
      expect(view.canSignAs).toBeNull();
      const res = await t
        .http()
        .post(`/api/enrolments/${world.enrolments.A}/handover/sign`)
        .set('Authorization', ccc)
        .send({ version: 1 })
        .expect(409);
      expect(JSON.stringify(res.body)).toContain('opens in month 6');
      const [{ status }] = await t.db.query('SELECT status FROM enrolment WHERE id = $1', [world.enrolments.A]);
      expect(status).toBe('active');
    });
  });

  describe('the competency framework and the training plan, measured (item 3)', () => {
    it('computes the four expectations from the competency record and the training plan, with evidence', async () => {
      const ccc = await tokenFor(t, world.people.cccC);
      const sup2 = await tokenFor(t, world.people.supervisor2);
      const C = world.enrolments.C;
      const before = await expectations(C, sup2);
      const find = (body: ExpectationsResponse, key: string) => body.results.find((r) => r.key === key)!;
      const total = find(before, 'ccc-competencies').progress!.target;
      expect(total).toBeGreaterThan(0);
      // Month 3, nothing started and no training plan: at risk, and said why.
      expect(find(before, 'ccc-competencies')).toMatchObject({
        state: 'at_risk',
        evidence: `working on 0 of ${total} competencies (0 signed off)`,
      });
      expect(find(before, 'alliance-competency-framework')).toMatchObject({ state: 'on_track', progress: { done: 0 } });
      expect(find(before, 'ccc-training')).toMatchObject({ state: 'at_risk', evidence: 'no training in the plan yet' });
      expect(find(before, 'alliance-training-available').state).toBe('at_risk');

      const base = `/api/enrolments/${C}/competencies/SN-03`;
      await t.http().post(`${base}/start`).set('Authorization', ccc).send({ version: 0 }).expect(200);
      const submitted = await t
        .http()
        .post(`${base}/evidence`)
        .set('Authorization', ccc)
        .send({ kind: 'reflection', text: 'I set up a weekly list of FIT kits not returned after 14 days.' })
        .expect(201);
      await t
        .http()
        .post(`${base}/sign-off`)
        .set('Authorization', sup2)
        .send({ rating: 3, comment: 'Thorough.', version: submitted.body.progress.version })
        .expect(200);
      await t
        .http()
        .post(`/api/enrolments/${C}/training-plan-items`)
        .set('Authorization', sup2)
        .send({ kind: 'free', title: 'Shadow the cancer MDT coordinator', targetMonth: 5, competencyCodes: ['SN-03'] })
        .expect(201);

      const after = await expectations(C, sup2);
      expect(find(after, 'ccc-competencies')).toMatchObject({
        state: 'on_track',
        evidence: `working on 1 of ${total} competencies (1 signed off)`,
        progress: { done: 1, target: total },
      });
      expect(find(after, 'alliance-competency-framework')).toMatchObject({
        evidence: `1 of ${total} competencies signed off`,
        progress: { done: 1, target: total },
      });
      expect(find(after, 'ccc-training')).toMatchObject({
        state: 'on_track',
        evidence: '0 of 1 training plan item done',
      });
      expect(find(after, 'alliance-training-available')).toMatchObject({
        state: 'met',
        evidence: '1 training plan item available to the CCC, 0 done',
      });
      // Another CCC's record is not theirs.
      expect(find(await expectations(world.enrolments.A), 'ccc-competencies').progress!.done).toBe(0);
    });
  });
});
