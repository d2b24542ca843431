import { createHash, randomUUID } from 'node:crypto';
import type { CohortReport, ErasureResult, RetentionList } from '@ccc/contracts';
import { addCalendarMonths, DEFAULT_TEMPLATE, type LikertLevel } from '@ccc/programme';
import { EnrolmentCommands } from '../src/enrolments/enrolment-commands.service';
import { Clock } from '../src/common/clock';
import { ERASED_NAME, ERASURE_COVERAGE, erasedEmail } from '../src/retention/erasure';
import { RetentionService } from '../src/retention/retention.service';
import { startTestApp, type TestApp, withDatabase } from './support/test-app';
import { createPerson, createWorld, postAs, tokenFor, type World } from './support/world';

const DAY = 24 * 60 * 60 * 1000;
const YEAR = 365.25 * DAY;
const LEVELS: LikertLevel[] = ['strongly_agree', 'agree', 'neither', 'disagree', 'agree', 'strongly_disagree'];

/**
 * Retention and erasure, on a database of its own: the retention job reads every enrolment, so other test files'
 * enrolments must not be in it (nor erased by it).
 */
describe('retention and erasure of personal data', () => {
  let t: TestApp;
  let world: World;
  let admin: string;
  let cccB: string;
  let extra: string[];
  let offsetMs = 0;
  /** Put in every free-text field of CCC B's records, so that a scan of the whole database can look for it. */
  const SECRET = `Secret-${randomUUID().slice(0, 8)}`;
  const ids: Record<string, string> = {};

  /** More CCCs in the cohort (the survey shows agreement from 5 answers). */
  async function enrolMore(count: number): Promise<string[]> {
    const service = t.app.get(EnrolmentCommands);
    const list: string[] = [];
    for (let i = 0; i < count; i++) {
      const pcn = i % 2 ? world.pcn2 : world.pcn1;
      const ccc = await createPerson(t.db, `Extra CCC ${i}`, 'ccc', pcn.id);
      list.push(
        await t.db.transaction((manager) =>
          service.enrolInCohort(
            manager,
            world.cohort,
            {
              cccId: ccc.id,
              pcnId: pcn.id,
              pcnSupervisorId: (i % 2 ? world.people.pcnSupervisor2 : world.people.pcnSupervisor1).id,
              allianceSupervisorId: world.people.supervisor1.id,
              track: 'supervision',
              employmentStart: addCalendarMonths(world.startDate, -1),
            },
            null,
          ),
        ),
      );
    }
    return list;
  }

  /** What the report counts, for every enrolment: sessions held, release, competencies, training, survey, outcomes. */
  async function seedCounted(enrolments: string[]): Promise<void> {
    await t.db.query(
      `UPDATE session s SET status = 'completed', starts_at = now() - interval '150 days', duration_minutes = s.min_minutes,
              staff_attendance = '{"pcn_supervisor": "present", "alliance_supervisor": "present"}'::jsonb
        WHERE s.cohort_id = $1 AND s.month <= 3`,
      [world.cohort.id],
    );
    await t.db.query(
      `UPDATE session_attendance a SET attendance = 'present' FROM session s
        WHERE s.id = a.session_id AND s.cohort_id = $1 AND s.month <= 3`,
      [world.cohort.id],
    );
    for (const [i, id] of enrolments.entries()) {
      const [{ ccc_id: cccId, pcn_supervisor_id: pcnSupervisorId }] = await t.db.query(
        'SELECT ccc_id, pcn_supervisor_id FROM enrolment WHERE id = $1',
        [id],
      );
      await t.db.query(
        `INSERT INTO release_request (enrolment_id, kind, date, minutes, description, status)
         VALUES ($1, 'study', $2, $3, 'Reading', 'confirmed'), ($1, 'study', $2, 30, 'Reading', 'pending')`,
        [id, world.startDate, 60 + 15 * i],
      );
      await t.db.query(
        `INSERT INTO competency_progress (enrolment_id, competency_code, state) VALUES ($1, 'SN-02', $2), ($1, 'SN-03', 'working_towards')`,
        [id, i % 2 ? 'signed_off' : 'working_towards'],
      );
      await t.db.query(
        `INSERT INTO outcome_count (enrolment_id, month, measure_id, count, recorded_by_id)
         VALUES ($1, 1, 'cancer-care-reviews', $2, $3), ($1, 2, 'cancer-care-reviews', $4, $3)`,
        [id, 3 + i, cccId, 5 + i],
      );
      await t.db.query(
        `INSERT INTO evaluation_response (enrolment_id, person_id, respondent, status, likert, free_text, submitted_at)
         VALUES ($1, $2, 'ccc', 'submitted', $3, $4, now()), ($1, $5, 'pcn_supervisor', 'submitted', $6, $7, now())`,
        [
          id,
          cccId,
          JSON.stringify({ 'confident-in-role': LEVELS[i % LEVELS.length], 'training-increased-knowledge': 'agree' }),
          JSON.stringify({
            'most-valuable': { text: id === world.enrolments.B ? SECRET : `Answer ${i}`, mayQuote: true },
          }),
          pcnSupervisorId,
          JSON.stringify({ 'reduced-workload': i % 2 ? 'agree' : 'disagree' }),
          JSON.stringify(id === world.enrolments.B ? { 'most-valuable': { text: SECRET, mayQuote: false } } : {}),
        ],
      );
    }
  }

  /** CCC B's personal data in every place it can be: free text, files, drafts, reminders, e-mails, a feed. */
  async function seedPersonal(): Promise<void> {
    const B = world.enrolments.B;
    const b = world.people.cccB.id;
    const sup = world.people.supervisor1.id;
    const one = async (sql: string, params: unknown[]) => ((await t.db.query(sql, params)) as { id: string }[])[0]!.id;
    ids.progress = await one(
      `INSERT INTO competency_progress (enrolment_id, competency_code, state) VALUES ($1, 'SN-01', 'signed_off') RETURNING id`,
      [B],
    );
    const content = Buffer.from(`%PDF-1.4 ${SECRET}`);
    ids.file = await one(
      `INSERT INTO evidence_file (enrolment_id, file_name, content_type, size_bytes, sha256, content, uploaded_by_id)
       VALUES ($1, $2, 'application/pdf', $3, $4, $5, $6) RETURNING id`,
      [B, `${SECRET}.pdf`, content.length, createHash('sha256').update(content).digest('hex'), content, b],
    );
    ids.evidence = await one(
      `INSERT INTO competency_evidence (progress_id, kind, text, url, file_id, submitted_by_id)
       VALUES ($1, 'reflection', $2, NULL, NULL, $4), ($1, 'link', NULL, $3, NULL, $4), ($1, 'file', NULL, NULL, $5, $4)
       RETURNING id`,
      [ids.progress, `A reflection: ${SECRET}`, `https://example.org/${SECRET}`, b, ids.file],
    );
    await t.db.query(
      `INSERT INTO competency_review (progress_id, progress_version, outcome, rating, comment, reviewer_id)
       VALUES ($1, 1, 'signed_off', 3, $2, $3)`,
      [ids.progress, `Well done ${SECRET}`, sup],
    );
    const tna = await one(`INSERT INTO tna (enrolment_id, round) VALUES ($1, 1) RETURNING id`, [B]);
    await t.db.query(
      `INSERT INTO tna_rating (tna_id, competency_code, self_rating, self_note, agreed_rating, needs)
       VALUES ($1, 'SN-01', 2, $2, 3, $2)`,
      [tna, SECRET],
    );
    await t.db.query(
      `INSERT INTO training_plan_item (enrolment_id, kind, title, target_month, created_by_id, completed_on, completed_via, certificate_file_id)
       VALUES ($1, 'free', $2, 2, $3, $4, 'ccc', $5), ($1, 'free', 'Shadowing', 3, $3, NULL, NULL, NULL)`,
      [B, `Shadow ${SECRET}`, b, world.startDate, ids.file],
    );
    // B is on the training track: their own session is the TNA.
    ids.session = await one(`SELECT id FROM session WHERE enrolment_id = $1 AND plan_item_key = 'm1-tna'`, [B]);
    await t.db.query(`UPDATE session SET notes = $2, place = $2, out_of_month_reason = $2 WHERE id = $1`, [
      ids.session,
      SECRET,
    ]);
    await t.db.query(
      `INSERT INTO agreed_action (session_id, description, owner, due_date) VALUES ($1, $2, 'ccc', $3)`,
      [ids.session, SECRET, world.startDate],
    );
    await t.db.query(
      `INSERT INTO release_request (enrolment_id, kind, date, minutes, description, status, decision_reason)
       VALUES ($1, 'study', $2, 45, $3, 'declined', $3)`,
      [B, world.startDate, SECRET],
    );
    await t.db.query(
      `INSERT INTO attestation (enrolment_id, expectation_key, party, attested_by_id, attested_on, note)
       VALUES ($1, 'ccc-community-of-practice', 'ccc', $2, $3, $4)`,
      [B, b, world.startDate, SECRET],
    );
    await t.db.query(
      `INSERT INTO handover_interview (enrolment_id, pcn_priorities, role_development, training_agreed, follow_on_supervisor_name, appraisal_date, role_evaluation)
       VALUES ($1, $2, $2, $3, $2, $4, $2)`,
      [
        B,
        SECRET,
        JSON.stringify([{ kind: 'free', title: SECRET, courseKey: null, targetMonth: 1, competencyCodes: [] }]),
        world.startDate,
      ],
    );
    await t.db.query(
      `INSERT INTO draft (person_id, key, content) VALUES ($1, $2, $3), ($4, $5, $3), ($1, 'note:elsewhere', $3)`,
      [b, `evidence:${B}:SN-01`, JSON.stringify({ text: SECRET }), sup, `review:${B}:SN-01`],
    );
    const name = world.people.cccB.fullName;
    await t.db.query(
      `INSERT INTO notification (person_id, kind, subject_type, subject_id, occasion, title, body, link)
       VALUES ($1, 'evidence_awaiting_review', 'evidence', $2, 'x', $3, $3, '/'),
              ($4, 'session_tomorrow', 'session', $5, 'x', 'Tomorrow', 'Tomorrow', '/'),
              ($1, 'plan_month_ending', 'cohort', $6, 'x', 'Month ends', $7, '/')`,
      [sup, ids.evidence, `Evidence from ${name}`, b, ids.session, world.cohort.id, `- Individual with ${name}`],
    );
    await t.db.query(
      `INSERT INTO outbox_message (to_person_id, to_email, subject, body, html)
       VALUES ($1, $2, $3, $3, '<p>' || $3 || '</p>'), ($4, $5, 'Hello', $6, NULL)`,
      [sup, world.people.supervisor1.email, `Evidence from ${name}`, b, world.people.cccB.email, SECRET],
    );
    // A supervisor's invitation naming B, the name split by a folded line (RFC 5545 3.1).
    await t.db.query(
      `INSERT INTO outbox_message (to_person_id, to_email, subject, body, calendar) VALUES ($1, $2, 'Moved', 'Moved', $3)`,
      [
        sup,
        world.people.supervisor1.email,
        `BEGIN:VCALENDAR\r\nSUMMARY:Individual with ${name.slice(0, 3)}\r\n ${name.slice(3)}\r\nEND:VCALENDAR\r\n`,
      ],
    );
    await t.db.query(`INSERT INTO calendar_feed (person_id, token_hash) VALUES ($1, $2)`, [b, randomUUID()]);
  }

  beforeAll(async () => {
    const databaseUrl = await withDatabase('retention', 'create');
    t = await startTestApp({ DATABASE_URL: databaseUrl });
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(Date.now() + offsetMs));
    world = await createWorld(t, DEFAULT_TEMPLATE, { startMonthsAgo: 7 });
    admin = await tokenFor(t, world.people.admin);
    cccB = await tokenFor(t, world.people.cccB);
    extra = await enrolMore(3);
    await seedCounted([world.enrolments.A, world.enrolments.B, world.enrolments.C, ...extra]);
    await seedPersonal();
  });
  afterAll(async () => {
    await t?.close();
    await withDatabase('retention', 'drop');
  });

  const report = async (): Promise<CohortReport> =>
    (await t.http().get(`/api/reports/cohort?cohortId=${world.cohort.id}`).set('Authorization', admin).expect(200))
      .body;

  const withdraw = async (enrolmentId: string, reason: string) => {
    const { version } = (await t.http().get(`/api/enrolments/${enrolmentId}`).set('Authorization', admin).expect(200))
      .body as { version: number };
    await postAs(t, admin, `/api/enrolments/${enrolmentId}/withdraw`, { reason, version }).expect(200);
  };

  /** Every text, JSON and array column in the application's tables, but the audit trail, that holds `needle`. */
  async function whereFound(needle: string): Promise<string[]> {
    const columns = (await t.db.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'jsonb', 'character varying', 'ARRAY')
          AND table_name <> 'audit_entry' ORDER BY table_name, column_name`,
    )) as { table_name: string; column_name: string }[];
    const found: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM "${table}" WHERE strpos("${column}"::text, $1) > 0`,
        [needle],
      );
      if (n > 0) found.push(`${table}.${column}`);
    }
    const [{ n: files }] = await t.db.query(
      `SELECT count(*)::int AS n FROM evidence_file WHERE position(convert_to($1, 'UTF8') IN content) > 0`,
      [needle],
    );
    if (files > 0) found.push('evidence_file.content');
    return found;
  }

  it('lists every foreign key to a person or an enrolment (or their records) in the erasure code', async () => {
    const references = [...new Set(ERASURE_COVERAGE.flatMap((c) => (c.references ? [c.references] : [])))];
    const keys = (await t.db.query(
      `SELECT DISTINCT kcu.table_name || '.' || kcu.column_name AS "column", ccu.table_name AS "references"
         FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage kcu
           ON kcu.constraint_name = tc.constraint_name AND kcu.constraint_schema = tc.constraint_schema
         JOIN information_schema.constraint_column_usage ccu
           ON ccu.constraint_name = tc.constraint_name AND ccu.constraint_schema = tc.constraint_schema
        WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public' AND ccu.table_name = ANY($1)
        ORDER BY 1`,
      [references],
    )) as { column: string; references: string }[];
    const covered = ERASURE_COVERAGE.filter((c) => c.references)
      .map((c) => ({ column: c.column, references: c.references }))
      .sort((a, b) => a.column.localeCompare(b.column));
    // A new table pointing at a person or an enrolment needs a deliberate decision in ERASURE_COVERAGE.
    expect(keys.sort((a, b) => a.column.localeCompare(b.column))).toEqual(covered);
  });

  it('refuses to erase an active enrolment (409), saying what to do', async () => {
    const res = await postAs(t, admin, `/api/enrolments/${world.enrolments.A}/erasure`, { reason: 'Asked' }).expect(
      409,
    );
    expect(res.body.message).toMatch(/still active: withdraw it/);
  });

  it('refuses an empty reason (400), an unknown enrolment (404), and anyone but the Alliance administrator (403)', async () => {
    const bad = await postAs(t, admin, `/api/enrolments/${world.enrolments.A}/erasure`, { reason: '   ' }).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'reason', reason: expect.stringMatching(/reason/) }]);
    await postAs(t, admin, `/api/enrolments/${world.enrolments.A}/erasure`, {}).expect(400);
    await postAs(t, admin, `/api/enrolments/${world.enrolments.A}/erasure`, { reason: 'x'.repeat(2001) }).expect(400);
    await postAs(t, admin, `/api/enrolments/${randomUUID()}/erasure`, { reason: 'Asked' }).expect(404);
    const supervisor = await tokenFor(t, world.people.supervisor1);
    await postAs(t, supervisor, `/api/enrolments/${world.enrolments.B}/erasure`, { reason: 'Asked' }).expect(403);
    await postAs(t, cccB, `/api/enrolments/${world.enrolments.B}/erasure`, { reason: 'Asked' }).expect(403);
    await t.http().get('/api/retention').set('Authorization', supervisor).expect(403);
    // The administrator of another Alliance.
    const other = await createWorld(t);
    const otherAdmin = await tokenFor(t, other.people.admin);
    await withdraw(world.enrolments.C, 'Moved away');
    // Another Alliance's enrolment is as unknown to its administrator as a missing one.
    await postAs(t, otherAdmin, `/api/enrolments/${world.enrolments.C}/erasure`, { reason: 'Asked' }).expect(404);
    const theirs = (await t.http().get('/api/retention').set('Authorization', otherAdmin).expect(200))
      .body as RetentionList;
    expect(theirs.enrolments.map((e) => e.enrolmentId)).not.toContain(world.enrolments.C);
  });

  it('erases a withdrawn enrolment and leaves the cohort report’s figures as they were', async () => {
    const B = world.enrolments.B;
    await withdraw(B, `Left the PCN: ${SECRET}`);
    // A correction after the withdrawal, so that the insert-only amendments hold B's words too.
    await postAs(t, admin, `/api/enrolments/${B}/amendments`, {
      record: 'handover',
      reason: `Corrected: ${SECRET}`,
      handover: { roleEvaluation: `Valued ${SECRET}` },
    }).expect(201);
    expect(await whereFound(SECRET)).not.toEqual([]);
    const before = await report();
    expect(before.quotes.map((q) => q.text)).toContain(SECRET);
    const verifiedBefore = (await t.http().get('/api/audit/verify').set('Authorization', admin).expect(200)).body;
    expect(verifiedBefore.valid).toBe(true);

    const reason = 'The CCC asked for their personal data to be erased (letter of 2 March)';
    const res = await postAs(t, admin, `/api/enrolments/${B}/erasure`, { reason }).expect(200);
    const result = res.body as ErasureResult;
    expect(result).toMatchObject({ enrolmentId: B, reason, personAnonymised: true });
    expect(result.erased).toMatchObject({
      enrolment: 1,
      person: 1,
      competency_evidence: 2,
      competency_review: 1,
      evidence_file: 1,
      tna_rating: 1,
      training_plan_item: 2,
      session: 1,
      agreed_action: 1,
      attestation: 1,
      handover_interview: 1,
      evaluation_response: 2,
      enrolment_amendment: 1,
      role_assignment: 1,
      calendar_feed: 1,
    });

    // The report: every figure the same; only B's quote is gone.
    const after = await report();
    const { generatedAt: _a, quotes: quotesBefore, ...figuresBefore } = before;
    const { generatedAt: _b, quotes: quotesAfter, ...figuresAfter } = after;
    expect(figuresAfter).toEqual(figuresBefore);
    expect(figuresAfter.enrolment.total.withdrawn).toBe(2);
    expect(quotesAfter).toEqual(quotesBefore.filter((q) => q.text !== SECRET));

    // Nothing of B's words, name or e-mail address is left outside the audit trail.
    expect(await whereFound(SECRET)).toEqual([]);
    expect(await whereFound(world.people.cccB.fullName)).toEqual([]);
    // The invitation that named B (folded, so no plain search finds it) lost its calendar part.
    const invitations: { calendar: string | null }[] = await t.db.query(
      `SELECT calendar FROM outbox_message WHERE subject = 'Moved'`,
    );
    expect(invitations).toEqual([{ calendar: null }]);
    // The HTML part that named B is dropped; its text part, scrubbed, is sent alone.
    const [named] = await t.db.query(
      `SELECT body, html FROM outbox_message WHERE to_email = $1 AND body LIKE 'Evidence from %'`,
      [world.people.supervisor1.email],
    );
    expect(named).toEqual({ body: expect.not.stringContaining(world.people.cccB.fullName), html: null });
    expect(await whereFound(world.people.cccB.email)).toEqual([]);

    // The person is anonymised and signed out everywhere.
    const [person] = await t.db.query('SELECT full_name, email, password_hash FROM person WHERE id = $1', [
      world.people.cccB.id,
    ]);
    expect(person).toEqual({
      full_name: ERASED_NAME,
      email: erasedEmail(world.people.cccB.id),
      password_hash: null,
    });
    await t.http().get('/api/me').set('Authorization', cccB).expect(401);
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: world.people.cccB.email, password: 'test-password-1' })
      .expect(401);
    const [left] = await t.db.query(
      `SELECT (SELECT count(*) FROM role_assignment WHERE person_id = $1)::int AS roles,
              (SELECT count(*) FROM auth_session WHERE person_id = $1 AND revoked_at IS NULL)::int AS sessions,
              (SELECT count(*) FROM draft WHERE person_id = $1 OR key LIKE '%' || $2 || '%')::int AS drafts,
              (SELECT count(*) FROM notification WHERE person_id = $1)::int AS notifications,
              (SELECT length(content) FROM evidence_file WHERE id = $3)::int AS file_bytes`,
      [world.people.cccB.id, B, ids.file],
    );
    expect(left).toEqual({ roles: 0, sessions: 0, drafts: 0, notifications: 0, file_bytes: 0 });
    // The counted rows are still there, with their numbers.
    const [kept] = await t.db.query(
      `SELECT e.status, e.erased_reason, e.status_reason, r.likert, r.free_text
         FROM enrolment e JOIN evaluation_response r ON r.enrolment_id = e.id AND r.respondent = 'ccc' WHERE e.id = $1`,
      [B],
    );
    expect(kept).toMatchObject({ status: 'withdrawn', erased_reason: reason, status_reason: null, free_text: {} });
    expect(Object.keys(kept.likert)).toEqual(expect.arrayContaining(['confident-in-role']));

    // The audit entry says what was erased and why; the chain still holds.
    const [entry] = await t.db.query(
      `SELECT actor_id, detail FROM audit_entry WHERE action = 'enrolment.personal-data-erased' AND entity_id = $1`,
      [B],
    );
    expect(entry).toEqual({
      actor_id: world.people.admin.id,
      detail: { reason, personId: world.people.cccB.id, personAnonymised: true, erased: result.erased },
    });
    const verified = (await t.http().get('/api/audit/verify').set('Authorization', admin).expect(200)).body;
    expect(verified).toMatchObject({ valid: true, firstBroken: null });
    // Known: the append-only trail keeps what earlier entries said (the withdrawal's and the amendment's reasons).
    const holding = await t.db.query(
      `SELECT DISTINCT action FROM audit_entry WHERE strpos(detail::text, $1) > 0 ORDER BY action`,
      [SECRET],
    );
    expect(holding.map((r: { action: string }) => r.action)).toEqual(['enrolment.amended', 'enrolment.withdrawn']);
  });

  it('refuses a second erasure (409) and an amendment of the erased record (409)', async () => {
    const B = world.enrolments.B;
    const again = await postAs(t, admin, `/api/enrolments/${B}/erasure`, { reason: 'Again' }).expect(409);
    expect(again.body.message).toMatch(/already erased/);
    await postAs(t, admin, `/api/enrolments/${B}/amendments`, {
      record: 'handover',
      reason: 'Corrected',
      handover: { roleEvaluation: 'New words' },
    }).expect(409);
  });

  it('keeps the person when they still have another enrolment, and erases only the enrolment', async () => {
    // CCC C, withdrawn above, enrolled again in a later cohort of the same Alliance.
    const later = await t.db.query(
      `INSERT INTO cohort (name, alliance_id, template_id, start_date) VALUES ('Later cohort', $1, $2, $3) RETURNING id`,
      [world.alliance.id, world.template.id, addCalendarMonths(world.startDate, 1)],
    );
    await t.db.query(
      `INSERT INTO enrolment (cohort_id, ccc_id, pcn_id, track, employment_start) VALUES ($1, $2, $3, 'training', $4)`,
      [later[0].id, world.people.cccC.id, world.pcn2.id, world.startDate],
    );
    const res = await postAs(t, admin, `/api/enrolments/${world.enrolments.C}/erasure`, { reason: 'Asked' }).expect(
      200,
    );
    expect(res.body).toMatchObject({ personAnonymised: false });
    expect(res.body.erased.person).toBeUndefined();
    const [person] = await t.db.query('SELECT full_name FROM person WHERE id = $1', [world.people.cccC.id]);
    expect(person.full_name).toBe(world.people.cccC.fullName);
  });

  it('lists the Alliance’s enrolments with when they ended, when retention ends, and what was erased', async () => {
    const list = (await t.http().get('/api/retention').set('Authorization', admin).expect(200)).body as RetentionList;
    expect(list.retentionYears).toBe(6);
    const row = (id: string) => list.enrolments.find((e) => e.enrolmentId === id)!;
    expect(row(world.enrolments.A)).toMatchObject({
      status: 'active',
      endedOn: null,
      retentionEndsOn: null,
      due: false,
    });
    const b = row(world.enrolments.B);
    expect(b).toMatchObject({ status: 'withdrawn', due: false, ccc: { fullName: ERASED_NAME } });
    expect(b.retentionEndsOn).toBe(addCalendarMonths(b.endedOn!, 72));
    expect(b.erasedReason).toMatch(/asked for their personal data/);
  });

  it('erases, by the retention job with the clock moved past 6 years, a completed enrolment and not a recent one', async () => {
    const [old, recent] = extra;
    await t.db.query(
      `UPDATE enrolment SET status = 'completed', status_changed_at = now() - interval '10 days' WHERE id = $1`,
      [old],
    );
    // Completed a year after the other: five years before the moved clock.
    await t.db.query(
      `UPDATE enrolment SET status = 'completed', status_changed_at = now() + interval '1 year' WHERE id = $1`,
      [recent],
    );
    // Another Alliance keeps data for 2 years: its enrolment completed 3 years ago is due already.
    const other = await createWorld(t, DEFAULT_TEMPLATE, { startMonthsAgo: 40 });
    await t.db.query(`INSERT INTO alliance_policy (alliance_id, retention_years) VALUES ($1, 2)`, [other.alliance.id]);
    await t.db.query(
      `UPDATE enrolment SET status = 'completed', status_changed_at = now() - interval '3 years' WHERE id = $1`,
      [other.enrolments.A],
    );
    const erasedOnes = async () =>
      ((await t.db.query(`SELECT id FROM enrolment WHERE erased_at IS NOT NULL ORDER BY id`)) as { id: string }[]).map(
        (r) => r.id,
      );
    const service = t.app.get(RetentionService);

    expect(await service.runRetention()).toEqual({ due: 1, erased: 1, failed: 0 });
    expect(await erasedOnes()).toEqual([world.enrolments.B, world.enrolments.C, other.enrolments.A].sort());

    offsetMs = 6 * YEAR + 30 * DAY;
    const before = await report();
    expect(await service.runRetention()).toEqual({ due: 1, erased: 1, failed: 0 });
    expect(await erasedOnes()).toEqual([world.enrolments.B, world.enrolments.C, other.enrolments.A, old].sort());
    const [entry] = await t.db.query(
      `SELECT actor_id, detail FROM audit_entry WHERE action = 'enrolment.personal-data-erased' AND entity_id = $1`,
      [old],
    );
    expect(entry).toMatchObject({
      actor_id: null,
      detail: { reason: 'retention period ended', personAnonymised: true },
    });
    const [{ reason }] = await t.db.query('SELECT erased_reason AS reason FROM enrolment WHERE id = $1', [old]);
    expect(reason).toBe('retention period ended');
    offsetMs = 0;
    const { generatedAt: _a, quotes: _q, ...figuresBefore } = before;
    const { generatedAt: _b, quotes: _r, ...figuresAfter } = await report();
    expect(figuresAfter).toEqual(figuresBefore);
    // Nothing more is due: a second run erases nothing.
    offsetMs = 6 * YEAR + 30 * DAY;
    expect(await service.runRetention()).toEqual({ due: 0, erased: 0, failed: 0 });
    offsetMs = 0;
  });
});
