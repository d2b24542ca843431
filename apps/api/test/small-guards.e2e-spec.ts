import { randomUUID } from 'node:crypto';
import { londonDate } from '@ccc/programme';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { CompetencyEvidence } from '../src/competencies/competency-evidence.entity';
import { EvidenceFile } from '../src/competencies/evidence-file.entity';
import { ReleaseRequest } from '../src/release-time/release-request.entity';
import { PDF_BYTES } from './support/competencies';
import { inMonth, sessionOf, virtual } from './support/scheduling';
import { startTestApp, type TestApp } from './support/test-app';
import { postAs, worldWithTokens } from './support/world';

describe('small guards (#15 item 13): action dates, double submits, withdrawing study time, removing evidence', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const post = (token: string, path: string, body: object) => postAs(t, token, path, body);
  const auditOf = (entityId: string, action: string) => t.db.getRepository(AuditEntry).findBy({ entityId, action });

  it('refuses an agreed action due before the session that agreed it, naming the action', async () => {
    const { world, tokens } = await worldWithTokens(t);
    const s = await sessionOf(t, tokens.sup1, world.enrolments.A, 'm1-individual');
    const startsAt = inMonth(world, 1, 3);
    const booked = await post(tokens.sup1, `/api/sessions/${s.id}/book`, {
      startsAt,
      durationMinutes: 45,
      ...virtual,
      version: s.version,
    }).expect(200);
    const heldOn = londonDate(new Date(startsAt));
    const dayBefore = londonDate(new Date(new Date(startsAt).getTime() - 86_400_000));
    const refused = await post(tokens.sup1, `/api/sessions/${s.id}/record`, {
      attendance: [{ enrolmentId: world.enrolments.A, attendance: 'present' }],
      actions: [
        { description: 'Read the toolkit', owner: 'ccc', dueDate: heldOn },
        { description: 'Book the next one', owner: 'alliance_supervisor', dueDate: dayBefore },
      ],
      version: booked.body.version,
    }).expect(400);
    expect(refused.body.errors).toEqual([
      { field: 'actions.1.dueDate', reason: `an action cannot be due before its session (held on ${heldOn})` },
    ]);
    // Nothing of the refused record landed; the same record with a sound date does.
    expect((await t.db.query(`SELECT count(*)::int AS n FROM agreed_action WHERE session_id = $1`, [s.id]))[0].n).toBe(
      0,
    );
    const recorded = await post(tokens.sup1, `/api/sessions/${s.id}/record`, {
      attendance: [{ enrolmentId: world.enrolments.A, attendance: 'present' }],
      actions: [{ description: 'Read the toolkit', owner: 'ccc', dueDate: heldOn }],
      version: booked.body.version,
    }).expect(200);
    expect(recorded.body.actions).toHaveLength(1);
  });

  it('logs study time once when the same form is submitted twice, even at the same moment', async () => {
    const { world, tokens } = await worldWithTokens(t);
    const A = world.enrolments.A;
    const body = {
      kind: 'study',
      date: londonDate(new Date()),
      minutes: 60,
      description: 'ACCEND module 3',
      requestKey: randomUUID(),
    };
    const [first, second] = await Promise.all([
      post(tokens.cccA, `/api/enrolments/${A}/release-requests`, body),
      post(tokens.cccA, `/api/enrolments/${A}/release-requests`, body),
    ]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).toBe(first.body.id);
    const third = await post(tokens.cccA, `/api/enrolments/${A}/release-requests`, body).expect(201);
    expect(third.body.id).toBe(first.body.id);
    expect(await t.db.getRepository(ReleaseRequest).countBy({ enrolmentId: A, kind: 'study' })).toBe(1);
    expect(await auditOf(first.body.id, 'release.logged')).toHaveLength(1);
    // A new form (a new key) is a new entry.
    await post(tokens.cccA, `/api/enrolments/${A}/release-requests`, { ...body, requestKey: randomUUID() }).expect(201);
    expect(await t.db.getRepository(ReleaseRequest).countBy({ enrolmentId: A, kind: 'study' })).toBe(2);
    const bad = await post(tokens.cccA, `/api/enrolments/${A}/release-requests`, { ...body, requestKey: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('requestKey');
  });

  it('lets the CCC withdraw their own study time while the PCN has not decided it, audited', async () => {
    const { world, tokens } = await worldWithTokens(t);
    const A = world.enrolments.A;
    const log = (description: string) =>
      post(tokens.cccA, `/api/enrolments/${A}/release-requests`, {
        kind: 'study',
        date: londonDate(new Date()),
        minutes: 30,
        description,
      }).expect(201);
    const pending = (await log('Reading')).body;
    const decided = (await log('Webinar')).body;
    await post(tokens.pcn1, `/api/release-requests/${decided.id}/confirm`, { version: decided.version }).expect(200);

    // Not someone else's, nor the PCN's to withdraw.
    await post(tokens.cccC, `/api/release-requests/${pending.id}/withdraw`, { version: pending.version }).expect(403);
    await post(tokens.pcn1, `/api/release-requests/${pending.id}/withdraw`, { version: pending.version }).expect(403);
    await post(tokens.cccA, `/api/release-requests/${randomUUID()}/withdraw`, { version: 1 }).expect(404);
    await post(tokens.cccA, `/api/release-requests/${pending.id}/withdraw`, { version: pending.version + 5 }).expect(
      409,
    );

    const res = await post(tokens.cccA, `/api/release-requests/${pending.id}/withdraw`, {
      version: pending.version,
    }).expect(200);
    expect(res.body).toMatchObject({ id: pending.id, status: 'withdrawn', version: pending.version + 1 });
    expect(await auditOf(pending.id, 'release.withdrawn')).toEqual([
      expect.objectContaining({ actorId: world.people.cccA.id, detail: expect.objectContaining({ to: 'withdrawn' }) }),
    ]);
    // Confirmed time stays: the PCN relied on it.
    const kept = await post(tokens.cccA, `/api/release-requests/${decided.id}/withdraw`, {
      version: decided.version + 1,
    }).expect(409);
    expect(kept.body.message).toContain('already confirmed');
    const summary = (await t.http().get(`/api/enrolments/${A}/release`).set('Authorization', tokens.cccA).expect(200))
      .body;
    expect(summary.pendingCount).toBe(0);
  });

  it('lets the CCC remove evidence no reviewer has decided on, erasing its file and auditing it; reviewed evidence stays', async () => {
    const { world, tokens } = await worldWithTokens(t);
    const A = world.enrolments.A;
    const base = `/api/enrolments/${A}/competencies/SCR-01`;
    let res = await t
      .http()
      .post(`${base}/evidence/file`)
      .set('Authorization', tokens.cccA)
      .attach('file', PDF_BYTES, { filename: 'uptake.pdf', contentType: 'application/pdf' })
      .expect(201);
    const evidence = res.body.evidence[0];
    expect(evidence.removable).toBe(true);
    expect(res.body.progress.state).toBe('evidence_submitted');
    const fileId = evidence.file.id;

    // The supervisor sees it but cannot remove it; nor can another CCC.
    const seen = (await t.http().get(base).set('Authorization', tokens.sup1).expect(200)).body;
    expect(seen.evidence[0].removable).toBe(false);
    await t.http().delete(`${base}/evidence/${evidence.id}`).set('Authorization', tokens.sup1).expect(403);
    await t.http().delete(`${base}/evidence/${evidence.id}`).set('Authorization', tokens.cccC).expect(403);
    await t.http().delete(`${base}/evidence/${randomUUID()}`).set('Authorization', tokens.cccA).expect(404);

    res = await t.http().delete(`${base}/evidence/${evidence.id}`).set('Authorization', tokens.cccA).expect(200);
    expect(res.body.evidence).toEqual([]);
    // The last evidence gone, the competency no longer waits for review.
    expect(res.body.progress.state).toBe('working_towards');
    expect(await t.db.getRepository(CompetencyEvidence).countBy({ id: evidence.id })).toBe(0);
    expect(await t.db.getRepository(EvidenceFile).countBy({ id: fileId })).toBe(0);
    await t.http().get(`/api/evidence-files/${fileId}`).set('Authorization', tokens.cccA).expect(404);
    const [entry] = await t.db.getRepository(AuditEntry).findBy({ action: 'competency.evidence-removed' });
    expect(entry).toMatchObject({
      actorId: world.people.cccA.id,
      detail: expect.objectContaining({
        evidenceId: evidence.id,
        from: 'evidence_submitted',
        to: 'working_towards',
        file: expect.objectContaining({ id: fileId, name: 'uptake.pdf', erased: true }),
      }),
    });

    // Once the supervisor has returned it, evidence given before the return stays.
    res = await post(tokens.cccA, `${base}/evidence`, {
      kind: 'reflection',
      text: 'I called every non-responder in the list.',
    }).expect(201);
    const reviewed = res.body.evidence[0];
    await post(tokens.sup1, `${base}/return`, {
      comment: 'Say how many booked.',
      version: res.body.progress.version,
    }).expect(200);
    const after = (await t.http().get(base).set('Authorization', tokens.cccA).expect(200)).body;
    expect(after.evidence[0].removable).toBe(false);
    const refused = await t
      .http()
      .delete(`${base}/evidence/${reviewed.id}`)
      .set('Authorization', tokens.cccA)
      .expect(409);
    expect(refused.body.message).toContain('already looked');
  });
});
