import { createHash, randomUUID } from 'node:crypto';
import { DEFAULT_TEMPLATE } from '@ccc/programme';
import JSZip from 'jszip';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { PERSON_COLUMNS } from '../src/subject-access/person-columns';
import { PDF_BYTES } from './support/competencies';
import { inMonth, sessionOf, view, virtual } from './support/scheduling';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, postAs, tokenFor, type World, type WorldPerson } from './support/world';
import { binary } from './support/binary';

const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/* eslint-disable @typescript-eslint/no-explicit-any -- the archive's JSON is read loosely, as a person would. */
type Json = Record<string, any>;

/** The value at a dotted path of the export, `enrolments` and `authored.sessionsLed` alike. */
const at = (json: Json, path: string): unknown => path.split('.').reduce<any>((v, key) => v?.[key], json);

/**
 * Read from the ZIP's bytes (APPNOTE 4.3.7), not through JSZip: the local header of the entry holds the name as
 * UTF-8 and sets the language-encoding flag (bit 11), so Windows Explorer and unzip show "Café", not "CafÃ©".
 */
function expectUtf8Name(zipBytes: Buffer, name: string): void {
  const at = zipBytes.indexOf(Buffer.from(name, 'utf8'));
  expect(at).toBeGreaterThan(30);
  const header = at - 30;
  expect(zipBytes.readUInt32LE(header)).toBe(0x04034b50);
  expect(zipBytes.readUInt16LE(header + 26)).toBe(Buffer.byteLength(name, 'utf8'));
  expect(zipBytes.readUInt16LE(header + 6) & 0x0800).toBe(0x0800);
}

describe('subject-access export: everything held about a person, in one archive', () => {
  let t: TestApp;
  let world: World;
  let other: World;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    // Seven months ago: the programme has ended, so the evaluation survey is open.
    world = await createWorld(t, DEFAULT_TEMPLATE, { startMonthsAgo: 7 });
    other = await createWorld(t);
    const sign = async (key: string, person: WorldPerson) => (tokens[key] = await tokenFor(t, person));
    await sign('cccA', world.people.cccA);
    await sign('cccB', world.people.cccB);
    await sign('cccC', world.people.cccC);
    await sign('sup1', world.people.supervisor1);
    await sign('pcn1', world.people.pcnSupervisor1);
    await sign('admin', world.people.admin);
    await sign('otherAdmin', other.people.admin);
  });
  afterAll(() => t.close());

  const get = (token: string, path: string) => t.http().get(path).set('Authorization', token);
  const exportPath = (personId: string) => `/api/people/${personId}/subject-access-export`;
  const download = async (token: string, personId: string) => {
    const res = await get(token, exportPath(personId)).buffer(true).parse(binary).expect(200);
    const zip = await JSZip.loadAsync(res.body as Buffer);
    const json: Json = JSON.parse(await zip.file('subject-access.json')!.async('string'));
    return { res, zip, json };
  };

  it("gives a CCC their whole record: sessions, competencies with the evidence file's bytes, release time, survey and audit", async () => {
    const A = world.enrolments.A;
    // A held individual session.
    const planned = await sessionOf(t, tokens.sup1!, A, 'm1-individual');
    await postAs(t, tokens.sup1!, `/api/sessions/${planned.id}/book`, {
      startsAt: inMonth(world, 1, 3),
      durationMinutes: planned.durationRange.min,
      ...virtual,
      version: planned.version,
    }).expect(200);
    const booked = await view(t, tokens.sup1!, planned.id);
    await postAs(t, tokens.sup1!, `/api/sessions/${planned.id}/record`, {
      attendance: booked.attendees.map((a) => ({ enrolmentId: a.enrolmentId, attendance: 'present' })),
      staffAttendance: { alliance_supervisor: 'present' },
      notes: 'Talked through the toolkit and the ACCEND programme',
      version: booked.version,
    }).expect(200);
    // A competency with a reflection and a file, signed off by the supervisor.
    const competency = `/api/enrolments/${A}/competencies/SCR-01`;
    await postAs(t, tokens.cccA!, `${competency}/evidence`, {
      kind: 'reflection',
      text: 'I called every non-responder on the bowel screening list.',
    }).expect(201);
    const uploaded = await t
      .http()
      .post(`${competency}/evidence/file`)
      .set('Authorization', tokens.cccA!)
      .field('text', 'Uptake by practice')
      .attach('file', PDF_BYTES, { filename: 'Café uptake by practice.pdf', contentType: 'application/pdf' })
      .expect(201);
    const fileId: string = uploaded.body.evidence.find((e: Json) => e.file).file.id;
    await postAs(t, tokens.sup1!, `${competency}/sign-off`, {
      rating: 3,
      comment: 'Clear evidence of screening follow-up',
      version: uploaded.body.progress.version,
    }).expect(200);
    // Study time logged, a submitted survey with free text, a calendar address.
    const release = await postAs(t, tokens.cccA!, `/api/enrolments/${A}/release-requests`, {
      kind: 'study',
      date: world.startDate,
      minutes: 90,
      description: 'ACCEND module 2',
    }).expect(201);
    await postAs(t, tokens.cccA!, `/api/enrolments/${A}/survey/submit`, {
      likert: { 'would-recommend': 'strongly_agree' },
      freeText: { 'most-valuable': { text: 'Meeting the other CCCs every month', mayQuote: false } },
      version: 0,
    }).expect(200);
    const feed = await postAs(t, tokens.cccA!, '/api/calendar-feed').expect(201);

    const { res, zip, json } = await download(tokens.cccA!, world.people.cccA.id);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="subject-access-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    expect(await zip.file('README.txt')!.async('string')).toContain('subject-access.json');

    expect(json.person).toMatchObject({
      id: world.people.cccA.id,
      fullName: world.people.cccA.fullName,
      email: world.people.cccA.email,
      passwordSet: true,
      createdAt: expect.any(String),
    });
    expect(json.roleAssignments).toEqual([
      expect.objectContaining({ role: 'ccc', organisationId: world.pcn1.id, organisationName: world.pcn1.name }),
    ]);
    expect(json.enrolments).toHaveLength(1);
    const enrolment = json.enrolments[0];
    expect(enrolment).toMatchObject({
      id: A,
      cohortName: world.cohort.name,
      pcnName: world.pcn1.name,
      status: 'active',
      track: 'supervision',
      allianceSupervisorName: world.people.supervisor1.fullName,
    });

    // Every session A has, with A's own attendance; the held one with its notes.
    const sessionCount: { n: number }[] = await t.db.query(
      'SELECT count(*)::int AS n FROM session_attendance WHERE enrolment_id = $1',
      [A],
    );
    expect(enrolment.sessions).toHaveLength(sessionCount[0]!.n);
    expect(enrolment.sessions.find((s: Json) => s.id === planned.id)).toMatchObject({
      status: 'completed',
      leadName: world.people.supervisor1.fullName,
      notes: 'Talked through the toolkit and the ACCEND programme',
      attendance: { state: 'present' },
    });
    expect(enrolment.sessions.some((s: Json) => s.sharedByCohort && s.notes === null)).toBe(true);

    // The competency: both pieces of evidence, the file's details, the sign-off.
    const scr = enrolment.competencies.find((c: Json) => c.competencyCode === 'SCR-01');
    expect(scr.state).toBe('signed_off');
    expect(scr.evidence.map((e: Json) => e.kind).sort()).toEqual(['file', 'reflection']);
    expect(scr.evidence.find((e: Json) => e.kind === 'reflection').text).toBe(
      'I called every non-responder on the bowel screening list.',
    );
    expect(scr.reviews).toEqual([
      expect.objectContaining({
        outcome: 'signed_off',
        rating: 3,
        comment: 'Clear evidence of screening follow-up',
        reviewerName: world.people.supervisor1.fullName,
      }),
    ]);
    const fileEntry = scr.evidence.find((e: Json) => e.kind === 'file').file;
    expect(fileEntry).toMatchObject({
      id: fileId,
      fileName: 'Café uptake by practice.pdf',
      sizeBytes: PDF_BYTES.length,
      sha256: sha256(PDF_BYTES),
      // The person's own name for the file, accent and spaces kept.
      archivePath: `evidence/${fileId}-Café uptake by practice.pdf`,
    });
    expect(enrolment.evidenceFiles).toEqual([fileEntry]);
    // The file itself, byte for byte, under a name that is not a path.
    const bytes = await zip.file(fileEntry.archivePath)!.async('nodebuffer');
    expect(sha256(bytes)).toBe(sha256(PDF_BYTES));
    expect(Object.keys(zip.files).filter((name) => !zip.files[name]!.dir)).toEqual(
      expect.arrayContaining(['README.txt', 'subject-access.json', fileEntry.archivePath]),
    );
    expectUtf8Name(res.body as Buffer, fileEntry.archivePath);

    // The study time logged, and the release the booked session asked of the PCN.
    expect(enrolment.releaseRequests).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: release.body.id, kind: 'study', minutes: 90, description: 'ACCEND module 2' }),
        expect.objectContaining({ kind: 'session', sessionId: planned.id }),
      ]),
    );
    expect(json.evaluationResponses).toEqual([
      expect.objectContaining({
        enrolmentId: A,
        status: 'submitted',
        likert: { 'would-recommend': 'strongly_agree' },
        freeText: { 'most-valuable': { text: 'Meeting the other CCCs every month', mayQuote: false } },
      }),
    ]);
    // The session booked for A was e-mailed as a calendar invitation, which the export holds too.
    expect(json.emails).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ calendar: expect.stringContaining(`UID:${planned.id}@ccc-programme`) }),
      ]),
    );
    expect(json.calendarFeeds).toEqual([{ id: expect.any(String), createdAt: expect.any(String), revokedAt: null }]);
    expect(json.signInSessions.length).toBeGreaterThanOrEqual(1);
    expect(json.signInSessions[0]).toEqual(
      expect.objectContaining({ startedAt: expect.any(String), tokensIssued: expect.any(Number) }),
    );

    // The audit trail: A's own acts, and acts of others on A's records.
    const actions = (json.auditEntries as Json[]).map((e) => `${e.action}:${e.personIs.join('+')}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'enrolment.created:subject',
        'survey.submitted:actor+subject',
        'session.record:subject',
        'competency.signed-off:subject',
        'release.logged:actor+subject',
      ]),
    );
    expect(
      json.auditEntries.every((e: Json) => e.actorId === world.people.cccA.id || e.personIs.includes('subject')),
    ).toBe(true);

    // No secret leaves: not the password hash, not the calendar address's token, not a token hash.
    const text = JSON.stringify(json);
    expect(text).not.toMatch(/\$argon2/);
    expect(text).not.toMatch(/tokenHash|token_hash|passwordHash|password_hash/);
    expect(text).not.toContain(
      new URL(feed.body.url).pathname
        .split('/')
        .pop()!
        .replace(/\.ics$/, ''),
    );

    // The download itself is audited: who, whose.
    const audit = await t.db.getRepository(AuditEntry).findOneByOrFail({
      action: 'subject_access.exported',
      entityId: world.people.cccA.id,
    });
    expect(audit).toMatchObject({
      actorId: world.people.cccA.id,
      entityType: 'person',
      detail: expect.objectContaining({ requestedBy: 'self', files: 1 }),
    });
  });

  it("lists what a supervisor wrote for others by id and time, without the CCCs' records", async () => {
    const { json } = await download(tokens.sup1!, world.people.supervisor1.id);
    expect(json.enrolments).toEqual([]);
    expect(json.roleAssignments).toEqual([expect.objectContaining({ role: 'alliance_supervisor' })]);
    expect(json.authored.enrolmentsSupervised.map((e: Json) => e.id).sort()).toEqual(
      [world.enrolments.A, world.enrolments.B].sort(),
    );
    expect(json.authored.cohortsRun).toEqual([expect.objectContaining({ id: world.cohort.id })]);
    expect(json.authored.sessionsLed.length).toBeGreaterThan(0);
    expect(json.authored.competencyReviewsGiven).toEqual([
      expect.objectContaining({ outcome: 'signed_off', at: expect.any(String) }),
    ]);
    expect(json.authored.competencyReviewsGiven[0]).not.toHaveProperty('comment');
    expect(json.auditEntries.some((e: Json) => e.action === 'competency.signed-off' && e.personIs[0] === 'actor')).toBe(
      true,
    );
  });

  it('lets an administrator of the Alliance download anyone in it, and refuses everyone else', async () => {
    const A = world.people.cccA.id;
    const { json } = await download(tokens.admin!, A);
    expect(json.person.id).toBe(A);
    expect(json.requestedBy).toMatchObject({ id: world.people.admin.id, self: false });
    const audit = await t.db.getRepository(AuditEntry).findOneByOrFail({
      action: 'subject_access.exported',
      entityId: A,
      actorId: world.people.admin.id,
    });
    expect(audit.detail).toMatchObject({ requestedBy: 'admin', allianceId: world.alliance.id });
    // Someone with only a PCN role in the Alliance is theirs too.
    await download(tokens.admin!, world.people.pcnSupervisor2.id);

    const before = await t.db.getRepository(AuditEntry).countBy({ action: 'subject_access.exported' });
    for (const token of [tokens.cccC!, tokens.cccB!, tokens.pcn1!, tokens.sup1!]) {
      const res = await get(token, exportPath(A)).expect(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    // To another Alliance's administrator the person is unknown, as a missing id is.
    await get(tokens.otherAdmin!, exportPath(A)).expect(404);
    // Nor may the other Alliance's administrator reach our administrator, nor ours theirs.
    await get(tokens.otherAdmin!, exportPath(world.people.admin.id)).expect(404);
    await get(tokens.admin!, exportPath(other.people.cccA.id)).expect(404);
    await get(tokens.admin!, exportPath(randomUUID())).expect(404);
    await get(tokens.cccA!, exportPath(randomUUID())).expect(404);
    const bad = await get(tokens.admin!, exportPath('not-a-uuid')).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'personId' })]);
    await t.http().get(exportPath(A)).expect(401);
    expect(await t.db.getRepository(AuditEntry).countBy({ action: 'subject_access.exported' })).toBe(before);
  });

  it('costs the same number of queries for a small record and a large one (no query per enrolment or file)', async () => {
    const cost = async (token: string, personId: string) => {
      const before = t.queries.total;
      await download(token, personId);
      return t.queries.total - before;
    };
    const small = await cost(tokens.cccB!, world.people.cccB.id);
    const large = await cost(tokens.cccA!, world.people.cccA.id);
    expect(large).toBe(small);
  });

  it('covers every column that references a person', async () => {
    const foreignKeys: { col: string }[] = await t.db.query(
      `SELECT kcu.table_name || '.' || kcu.column_name AS col
         FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage kcu
           ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
         JOIN information_schema.constraint_column_usage ccu
           ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
        WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'
          AND ccu.table_name = 'person' AND ccu.column_name = 'id'`,
    );
    // Columns that name a person without a foreign key (the audit trail's actor, who decided or recorded, …).
    const lookalikes: { col: string }[] = await t.db.query(
      `SELECT table_name || '.' || column_name AS col FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type = 'uuid'
          AND column_name ~ '(^|_)(person|actor|ccc|lead|reviewer)_id$|_by_id$|supervisor_id$'`,
    );
    const referencing = [...new Set([...foreignKeys, ...lookalikes].map((r) => r.col))].sort();
    expect(referencing.length).toBeGreaterThan(20);
    expect(referencing.filter((col) => !(col in PERSON_COLUMNS))).toEqual([]);
    // And nothing listed that the schema no longer has.
    const columns: { col: string }[] = await t.db.query(
      `SELECT table_name || '.' || column_name AS col FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const existing = new Set(columns.map((c) => c.col));
    expect(Object.keys(PERSON_COLUMNS).filter((col) => !existing.has(col))).toEqual([]);
    // Each named section is in the export.
    const { json } = await download(tokens.cccA!, world.people.cccA.id);
    for (const section of new Set(Object.values(PERSON_COLUMNS))) {
      const value = at(json, section);
      expect({ section, present: value !== undefined }).toEqual({ section, present: true });
    }
  });
});
