import type { EntityManager } from 'typeorm';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { DomainEvents } from '../src/common/domain-events';
import { inMonth, sessionOf, virtual } from './support/scheduling';
import { startTestApp, type TestApp } from './support/test-app';
import { postAs, worldWithTokens } from './support/world';

describe('domain events run inside the command', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("a subscriber sees the other subscribers' writes in the command's transaction, and its failure undoes the lot", async () => {
    const { world, tokens } = await worldWithTokens(t);
    const A = world.enrolments.A;
    await postAs(t, tokens.sup1, `/api/enrolments/${A}/training-plan-items`, {
      kind: 'group_teaching',
      targetMonth: 1,
      competencyCodes: ['PCD-01'],
    }).expect(201);
    const teaching = await sessionOf(t, tokens.sup1, A, 'teaching-m1');
    const booked = await postAs(t, tokens.sup1, `/api/sessions/${teaching.id}/book`, {
      startsAt: inMonth(world, 1, 9),
      durationMinutes: 90,
      ...virtual,
      version: teaching.version,
    }).expect(200);
    const record = {
      attendance: (booked.body.attendees as { enrolmentId: string }[]).map((a) => ({
        enrolmentId: a.enrolmentId,
        attendance: a.enrolmentId === A ? 'present' : 'apologies',
      })),
      notes: 'Went well',
      version: booked.body.version as number,
    };
    const teachingDone = async (db: Pick<EntityManager, 'query'>) =>
      (
        (await db.query(
          `SELECT completed_on IS NOT NULL AS done FROM training_plan_item
            WHERE enrolment_id = $1 AND kind = 'group_teaching' AND target_month = 1`,
          [A],
        )) as { done: boolean }[]
      )[0]?.done;

    const attendance = () =>
      t.db.query('SELECT enrolment_id, attendance FROM session_attendance WHERE session_id = $1 ORDER BY 1', [
        teaching.id,
      ]) as Promise<{ enrolment_id: string; attendance: string }[]>;
    const registerBefore = await attendance();
    const sessionRow = async () =>
      ((await t.db.query('SELECT status, version, notes FROM session WHERE id = $1', [teaching.id])) as unknown[])[0];
    const sessionBefore = await sessionRow();
    const trainingAudited = async () =>
      Number(
        (
          (await t.db.query(
            `SELECT count(*) AS n FROM audit_entry WHERE action = 'training.done' AND detail->>'sessionId' = $1`,
            [teaching.id],
          )) as { n: string }[]
        )[0]?.n,
      );

    // A subscriber registered after the training plan's: it reads through the command's transaction and, the first
    // time, refuses.
    let refuse = true;
    const seen: { inTransaction?: boolean; outside?: boolean } = {};
    t.app.get(DomainEvents).on('session.recorded', async (event, manager) => {
      if (event.sessionId !== teaching.id) return;
      seen.inTransaction = await teachingDone(manager);
      seen.outside = await teachingDone(t.db); // another connection: nothing committed yet
      if (refuse) throw new Error('a subscriber refused');
    });

    await postAs(t, tokens.sup1, `/api/sessions/${teaching.id}/record`, record).expect(500);
    // The training plan had marked the teaching done in the same transaction; the refusal rolled it all back.
    expect(seen).toEqual({ inTransaction: true, outside: false });
    expect(await teachingDone(t.db)).toBe(false);
    expect(await sessionRow()).toEqual(sessionBefore);
    expect(await attendance()).toEqual(registerBefore);
    const audited = async () =>
      (await t.db.getRepository(AuditEntry).find({ where: { entityId: teaching.id } })).map((e) => e.action);
    expect(await audited()).not.toContain('session.record');
    expect(await trainingAudited()).toBe(0);

    // Without the refusal the same command commits, the subscriber's writes and audit entries with it.
    refuse = false;
    await postAs(t, tokens.sup1, `/api/sessions/${teaching.id}/record`, record).expect(200);
    expect(seen).toEqual({ inTransaction: true, outside: false });
    expect(await teachingDone(t.db)).toBe(true);
    expect(await sessionRow()).toMatchObject({ status: 'completed', notes: 'Went well' });
    expect(await audited()).toContain('session.record');
    expect(await trainingAudited()).toBe(1);
    expect((await attendance()).map((a) => a.attendance)).toContain('present');
  });
});
