import { createHash, randomUUID } from 'node:crypto';
import type { SignOffInboxResponse } from '@ccc/contracts';
import { competenciesOf, DEFAULT_FRAMEWORK } from '@ccc/programme';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { CompetencyEvidence } from '../src/competencies/competency-evidence.entity';
import { CompetencyProgress } from '../src/competencies/competency-progress.entity';
import { CompetencyReview } from '../src/competencies/competency-review.entity';
import { EvidenceFile } from '../src/competencies/evidence-file.entity';
import { competency, EXE_BYTES, grid, PDF_BYTES, PNG_BYTES, stateOf } from './support/competencies';
import { pdfInfo, pdfStructure, pdfToText } from './support/poppler';
import { inMonth, sessionOf, virtual } from './support/scheduling';
import { startTestApp, type TestApp } from './support/test-app';
import { postAs, tokenFor, worldWithTokens } from './support/world';
import { binary } from './support/binary';
import { AUDITED_CHANGES_SQL } from './support/audit';

describe('competencies: evidence, review and sign-off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const setUp = () => worldWithTokens(t);
  const post = (token: string, path: string, body: object = {}) => postAs(t, token, path, body);
  const get = (token: string, path: string) => t.http().get(path).set('Authorization', token);
  const base = (enrolmentId: string, code: string) => `/api/enrolments/${enrolmentId}/competencies/${code}`;
  const counts = async () => ({
    files: await t.db.getRepository(EvidenceFile).count(),
    evidence: await t.db.getRepository(CompetencyEvidence).count(),
    progress: await t.db.getRepository(CompetencyProgress).count(),
    audit: Number((await t.db.query<{ count: string }[]>(AUDITED_CHANGES_SQL))[0]!.count),
  });

  it('takes one competency from not started to signed off, through a return for more evidence', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    expect(stateOf(await grid(t, tokens.cccA, A), 'SN-03')).toMatchObject({
      state: 'not_started',
      version: 0,
      availableActions: ['start', 'submit_evidence'],
    });

    let res = await post(tokens.cccA, `${base(A, 'SN-03')}/start`, { version: 0 }).expect(200);
    expect(res.body.progress).toMatchObject({ state: 'working_towards', version: 1 });
    res = await post(tokens.cccA, `${base(A, 'SN-03')}/evidence`, {
      kind: 'reflection',
      text: 'I set up a weekly list of FIT kits not returned after 14 days.',
    }).expect(201);
    expect(res.body.progress).toMatchObject({ state: 'evidence_submitted', version: 2, evidenceCount: 1 });

    // The reviewer hears at once, in their in-app list.
    const told: { title: string; link: string }[] = await t.db.query(
      `SELECT title, link FROM notification WHERE person_id = $1 AND kind = 'evidence_awaiting_review'`,
      [world.people.supervisor1.id],
    );
    expect(told).toEqual([
      { title: expect.stringContaining('submitted evidence for SN-03'), link: `/enrolments/${A}/competencies/SN-03` },
    ]);

    const supervisorView = await competency(t, tokens.sup1, A, 'SN-03');
    expect(supervisorView.progress.availableActions).toEqual(['sign_off', 'return']);
    res = await post(tokens.sup1, `${base(A, 'SN-03')}/return`, { comment: '  ', version: 2 }).expect(400);
    res = await post(tokens.sup1, `${base(A, 'SN-03')}/return`, {
      comment: 'Add what you did about the kits not returned.',
      version: 2,
    }).expect(200);
    expect(res.body.progress).toMatchObject({ state: 'working_towards', version: 3 });

    const cccInbox: SignOffInboxResponse = (await get(tokens.cccA, '/api/competencies/inbox').expect(200)).body;
    expect(cccInbox.returned).toEqual([
      expect.objectContaining({
        enrolmentId: A,
        competency: { code: 'SN-03', title: 'Monitor FIT completion' },
        outcome: 'returned',
        comment: 'Add what you did about the kits not returned.',
        reviewer: { id: world.people.supervisor1.id, fullName: world.people.supervisor1.fullName },
      }),
    ]);

    res = await post(tokens.cccA, `${base(A, 'SN-03')}/evidence`, {
      kind: 'link',
      url: 'https://example.org/fit-follow-up-audit',
      // A link's note may be short; a reflection may not.
      text: 'Audit',
    }).expect(201);
    const short = await post(tokens.cccA, `${base(A, 'SN-03')}/evidence`, { kind: 'reflection', text: 'Short' });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([
      { field: 'text', reason: 'text must be a reflection of at least 10 characters' },
    ]);
    expect(res.body.progress).toMatchObject({ state: 'evidence_submitted', version: 4, evidenceCount: 2 });
    expect((await get(tokens.cccA, '/api/competencies/inbox').expect(200)).body.returned).toEqual([]);

    res = await post(tokens.sup1, `${base(A, 'SN-03')}/sign-off`, { rating: 9, comment: 'Good', version: 4 }).expect(
      400,
    );
    expect(res.body.errors[0].field).toBe('rating');
    res = await post(tokens.sup1, `${base(A, 'SN-03')}/sign-off`, {
      rating: 3,
      comment: 'Thorough and followed through.',
      version: 4,
    }).expect(200);
    expect(res.body.progress).toMatchObject({
      state: 'signed_off',
      signOff: {
        outcome: 'signed_off',
        rating: 3,
        ratingLabel: 'Competent',
        comment: 'Thorough and followed through.',
        reviewer: { id: world.people.supervisor1.id },
      },
    });
    expect(res.body.evidence.map((e: { kind: string }) => e.kind)).toEqual(['reflection', 'link']);
    expect(res.body.reviews.map((r: { outcome: string }) => r.outcome)).toEqual(['returned', 'signed_off']);

    const cell = stateOf(await grid(t, tokens.cccA, A), 'SN-03');
    expect(cell).toMatchObject({ state: 'signed_off', availableActions: [] });
    const pcnView = await grid(t, tokens.pcn1, A);
    expect(stateOf(pcnView, 'SN-03')).toMatchObject({ state: 'signed_off', availableActions: [] });
    expect(pcnView.counts).toMatchObject({ signed_off: 1, not_started: competenciesOf(DEFAULT_FRAMEWORK).length - 1 });

    const progress = await t.db
      .getRepository(CompetencyProgress)
      .findOneByOrFail({ enrolmentId: A, competencyCode: 'SN-03' });
    const audit = await t.db
      .getRepository(AuditEntry)
      .find({ where: { entityType: 'competency_progress', entityId: progress.id }, order: { chainSeq: 'ASC' } });
    expect(audit.map((a) => a.action)).toEqual([
      'competency.started',
      'competency.evidence-submitted',
      'competency.returned',
      'competency.evidence-submitted',
      'competency.signed-off',
    ]);
  });

  it('lets only the CCC’s own Alliance supervisor sign off: 403 for a PCN supervisor, another supervisor and an administrator', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    await post(tokens.cccA, `${base(A, 'PC-02')}/evidence`, {
      kind: 'reflection',
      text: 'Prepared six patients.',
    }).expect(201);
    const body = { rating: 3, comment: 'Signed', version: 1 };
    await post(tokens.pcn1, `${base(A, 'PC-02')}/sign-off`, body).expect(403);
    const other = await post(tokens.sup2, `${base(A, 'PC-02')}/sign-off`, body).expect(403);
    expect(other.body.message).toBe('You do not have access to this enrolment');
    // A second Alliance supervisor who runs the cohort sees the record but still may not sign it off.
    await t.db.query(`INSERT INTO cohort_supervisor (cohort_id, person_id) VALUES ($1, $2)`, [
      world.cohort.id,
      world.people.supervisor2.id,
    ]);
    await post(tokens.admin, `${base(A, 'PC-02')}/sign-off`, body).expect(403);
    await post(tokens.cccA, `${base(A, 'PC-02')}/sign-off`, body).expect(403);
    // The CCC cannot submit for someone else, nor a supervisor for the CCC.
    await post(tokens.cccC, `${base(A, 'PC-02')}/evidence`, {
      kind: 'reflection',
      text: 'Not my record at all.',
    }).expect(403);
    await post(tokens.sup1, `${base(A, 'PC-02')}/evidence`, {
      kind: 'reflection',
      text: 'Written by the supervisor.',
    }).expect(403);
    expect(await t.db.getRepository(CompetencyReview).count({ where: { progress: { enrolmentId: A } } })).toBe(0);
    await post(tokens.sup1, `${base(A, 'NOPE-1')}/sign-off`, body).expect(404);
  });

  it('signs off once when the same sign-off is sent twice, and keeps a withdrawn sign-off on record', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    await post(tokens.cccA, `${base(A, 'ED-02')}/evidence`, {
      kind: 'reflection',
      text: 'Escalated two breaches.',
    }).expect(201);
    const body = { rating: 4, comment: 'Excellent escalation.', version: 1 };
    const [first, second] = await Promise.all([
      post(tokens.sup1, `${base(A, 'ED-02')}/sign-off`, body),
      post(tokens.sup1, `${base(A, 'ED-02')}/sign-off`, body),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const again = await post(tokens.sup1, `${base(A, 'ED-02')}/sign-off`, body).expect(409);
    expect(again.body.message).toBe('This competency is already signed off: it was not signed off a second time');
    const progress = await t.db
      .getRepository(CompetencyProgress)
      .findOneByOrFail({ enrolmentId: A, competencyCode: 'ED-02' });
    expect(await t.db.getRepository(CompetencyReview).countBy({ progressId: progress.id })).toBe(1);

    // Never edited in place: the database itself refuses (and logs the refused query, kept out of the output).
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => {});
    await expect(
      t.db.query(`UPDATE competency_review SET rating = 1 WHERE progress_id = $1`, [progress.id]),
    ).rejects.toThrow(/insert-only/);
    await expect(t.db.query(`DELETE FROM competency_review WHERE progress_id = $1`, [progress.id])).rejects.toThrow(
      /insert-only/,
    );
    quiet.mockRestore();

    await post(tokens.sup1, `${base(A, 'ED-02')}/withdraw-sign-off`, { version: 2 }).expect(400);
    await post(tokens.sup1, `${base(A, 'ED-02')}/withdraw-sign-off`, { reason: '', version: 2 }).expect(400);
    const withdrawn = await post(tokens.sup1, `${base(A, 'ED-02')}/withdraw-sign-off`, {
      reason: 'Signed against the wrong CCC.',
      version: 2,
    }).expect(200);
    expect(withdrawn.body.progress).toMatchObject({ state: 'working_towards', signOff: null });
    expect(withdrawn.body.reviews).toEqual([
      expect.objectContaining({ outcome: 'signed_off', rating: 4, comment: 'Excellent escalation.' }),
      expect.objectContaining({ outcome: 'withdrawn', rating: null, comment: 'Signed against the wrong CCC.' }),
    ]);
    const inbox: SignOffInboxResponse = (await get(tokens.cccA, '/api/competencies/inbox').expect(200)).body;
    expect(inbox.returned).toEqual([
      expect.objectContaining({ outcome: 'withdrawn', competency: expect.objectContaining({ code: 'ED-02' }) }),
    ]);
  });

  it('keeps the name a file was uploaded under exactly, in any script, and downloads it under that name (RFC 6266)', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    // As browsers send them: the name as raw UTF-8 in the part's header. "Café" decomposed (as macOS writes it) too.
    const names = ['Café notes.pdf', 'Ünal’s “final” audit.pdf', '研修記録.pdf', 'Cafe\u0301 decomposed.pdf'];
    for (const name of names) {
      const res = await t
        .http()
        .post(`${base(A, 'SCR-01')}/evidence/file`)
        .set('Authorization', tokens.cccA)
        .field('text', 'Notes')
        .attach('file', PDF_BYTES, { filename: name, contentType: 'application/pdf' })
        .expect(201);
      const file = res.body.evidence.find((e: { file?: { fileName: string } }) => e.file?.fileName === name)?.file;
      expect(file).toBeDefined();
      const download = await get(tokens.sup1, file.downloadUrl).buffer(true).parse(binary).expect(200);
      const header = download.headers['content-disposition'] as string;
      // Decoded here by hand from the header, not by the library that wrote it.
      const [, ascii, encoded] =
        /^attachment; filename="([\x20-\x7e]*)"; filename\*=UTF-8''([A-Za-z0-9%!#$&+.^_`|~*'()-]+)$/.exec(header)!;
      expect(decodeURIComponent(encoded!)).toBe(name);
      expect(ascii).toMatch(/\.pdf$/);
      expect(Buffer.compare(download.body as Buffer, PDF_BYTES)).toBe(0);
    }
    expect(
      (await get(tokens.cccA, `${base(A, 'SCR-01')}`).expect(200)).body.evidence.map(
        (e: { file?: { fileName: string } }) => e.file?.fileName,
      ),
    ).toEqual(expect.arrayContaining(names));
    // An ASCII name stays a plain filename="…".
    const plain = await t
      .http()
      .post(`${base(A, 'SCR-01')}/evidence/file`)
      .set('Authorization', tokens.cccA)
      .field('text', 'Plain')
      .attach('file', PDF_BYTES, { filename: 'plain.pdf', contentType: 'application/pdf' })
      .expect(201);
    const plainFile = plain.body.evidence.find(
      (e: { file?: { fileName: string } }) => e.file?.fileName === 'plain.pdf',
    ).file;
    const plainDownload = await get(tokens.sup1, plainFile.downloadUrl).buffer(true).parse(binary).expect(200);
    expect(plainDownload.headers['content-disposition']).toBe('attachment; filename="plain.pdf"');
  });

  it('keeps an evidence file with its checksum, lets those who may read the record download it, and no one else', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    const res = await t
      .http()
      .post(`${base(A, 'SCR-01')}/evidence/file`)
      .set('Authorization', tokens.cccA)
      .field('text', 'Uptake by practice')
      .attach('file', PDF_BYTES, { filename: 'uptake.pdf', contentType: 'application/octet-stream' })
      .expect(201);
    const file = res.body.evidence[0].file;
    expect(file).toMatchObject({
      fileName: 'uptake.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF_BYTES.length,
      sha256: createHash('sha256').update(PDF_BYTES).digest('hex'),
    });
    const download = await get(tokens.sup1, file.downloadUrl).buffer(true).parse(binary).expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain('attachment; filename="uptake.pdf"');
    expect(Buffer.compare(download.body as Buffer, PDF_BYTES)).toBe(0);
    await get(tokens.pcn1, file.downloadUrl).expect(200);
    await get(tokens.cccA, file.downloadUrl).expect(200);
    await get(tokens.cccC, file.downloadUrl).expect(403);
    await get(tokens.sup2, file.downloadUrl).expect(403);
    await get(tokens.pcn2, file.downloadUrl).expect(403);
    await get(tokens.cccA, `/api/evidence-files/${randomUUID()}`).expect(404);
  });

  it('refuses a file over 10 MB with 413 and a disallowed type with 415, storing nothing', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    const before = await counts();
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await t
      .http()
      .post(`${base(A, 'SCR-02')}/evidence/file`)
      .set('Authorization', tokens.cccA)
      .attach('file', big, 'big.pdf');
    expect(tooBig.status).toBe(413);
    const disguised = await t
      .http()
      .post(`${base(A, 'SCR-02')}/evidence/file`)
      .set('Authorization', tokens.cccA)
      .attach('file', EXE_BYTES, { filename: 'evidence.pdf', contentType: 'application/pdf' })
      .expect(415);
    expect(disguised.body.message).toMatch(/not a PDF, an image .* or an Office document/);
    // No file at all, or a JSON body, is a 400.
    const none = await t
      .http()
      .post(`${base(A, 'SCR-02')}/evidence/file`)
      .set('Authorization', tokens.cccA)
      .field('text', 'forgot the file')
      .expect(400);
    expect(none.body.errors).toEqual([{ field: 'file', reason: 'file must be a file sent as multipart/form-data' }]);
    await post(tokens.cccA, `${base(A, 'SCR-02')}/evidence/file`, { text: 'x' }).expect(400);
    // Malformed multipart bodies are the caller's fault (400), never a 500.
    for (const [type, raw] of [
      ['multipart/form-data', 'no boundary'],
      [
        'multipart/form-data; boundary=xyz',
        '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-',
      ],
      ['multipart/form-data; boundary=xyz', '--xyz\r\nbroken header\r\n\r\nx\r\n--xyz--\r\n'],
    ] as const) {
      const res = await t
        .http()
        .post(`${base(A, 'SCR-02')}/evidence/file`)
        .set('Authorization', tokens.cccA)
        .set('Content-Type', type)
        .send(raw);
      expect({ type, raw, status: res.status }).toEqual({ type, raw, status: 400 });
    }
    const twoFiles = await t
      .http()
      .post(`${base(A, 'SCR-02')}/evidence/file`)
      .set('Authorization', tokens.cccA)
      .attach('file', PDF_BYTES, 'a.pdf')
      .attach('other', PDF_BYTES, 'b.pdf');
    expect(twoFiles.status).toBe(400);
    // A PCN supervisor may not upload at all (before anything is read).
    await t
      .http()
      .post(`${base(A, 'SCR-02')}/evidence/file`)
      .set('Authorization', tokens.pcn1)
      .attach('file', PNG_BYTES, 'x.png')
      .expect(403);
    expect(await counts()).toEqual(before);
    expect(stateOf(await grid(t, tokens.cccA, A), 'SCR-02').state).toBe('not_started');
  });

  it('shows the Alliance supervisor the evidence waiting across the caseload, oldest first, and nobody else’s', async () => {
    const { world, tokens } = await setUp();
    const { A, B, C } = world.enrolments;
    const cccB = await tokenFor(t, world.people.cccB);
    const submit = (token: string, enrolmentId: string, code: string) =>
      post(token, `${base(enrolmentId, code)}/evidence`, {
        kind: 'reflection',
        text: `Evidence for ${code} here.`,
      }).expect(201);
    await submit(tokens.cccA, A, 'PREV-01');
    await submit(cccB, B, 'PREV-02');
    await submit(tokens.cccC, C, 'PREV-03');
    await submit(tokens.cccA, A, 'PREV-04');
    // More evidence while it waits does not move it to the back of the queue.
    await submit(tokens.cccA, A, 'PREV-01');
    const inbox: SignOffInboxResponse = (await get(tokens.sup1, '/api/competencies/inbox').expect(200)).body;
    expect(inbox.awaitingReview.map((i) => [i.enrolmentId, i.competency.code, i.evidenceCount])).toEqual([
      [A, 'PREV-01', 2],
      [B, 'PREV-02', 1],
      [A, 'PREV-04', 1],
    ]);
    expect(inbox.awaitingReview[0]).toMatchObject({ domainTitle: 'Prevention', ccc: { id: world.people.cccA.id } });
    const since = inbox.awaitingReview.map((i) => i.since);
    expect([...since].sort()).toEqual(since);
    expect(
      (await get(tokens.sup2, '/api/competencies/inbox').expect(200)).body.awaitingReview.map(
        (i: { competency: { code: string } }) => i.competency.code,
      ),
    ).toEqual(['PREV-03']);
    expect((await get(tokens.pcn1, '/api/competencies/inbox').expect(200)).body).toEqual({
      awaitingReview: [],
      returned: [],
    });
  });

  it('keeps drafts per person across sign-outs, and clears one when the real thing is submitted', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    const key = `evidence:${A}:SN-01`;
    const empty = await get(tokens.cccA, `/api/drafts/${key}`).expect(200);
    expect(empty.body).toEqual({ key, content: null, updatedAt: null });
    await t
      .http()
      .put(`/api/drafts/${key}`)
      .set('Authorization', tokens.cccA)
      .send({ content: { text: 'I arranged follow-up for' } })
      .expect(200);
    // A new sign-in (a new session, the old one gone) finds it again; nobody else does.
    const again = await tokenFor(t, world.people.cccA);
    expect((await get(again, `/api/drafts/${key}`).expect(200)).body).toMatchObject({
      content: { text: 'I arranged follow-up for' },
      updatedAt: expect.any(String),
    });
    expect((await get(tokens.sup1, `/api/drafts/${key}`).expect(200)).body.content).toBeNull();
    await t.http().put('/api/drafts/bad key!').set('Authorization', tokens.cccA).send({ content: 'x' }).expect(400);
    await t.http().put(`/api/drafts/${key}`).set('Authorization', tokens.cccA).send({}).expect(400);
    await t
      .http()
      .put(`/api/drafts/${key}`)
      .set('Authorization', tokens.cccA)
      .send({ content: 'x'.repeat(100_001) })
      .expect(400);

    await post(tokens.cccA, `${base(A, 'SN-01')}/evidence`, {
      kind: 'reflection',
      text: 'I arranged follow-up for every patient referred.',
    }).expect(201);
    expect((await get(again, `/api/drafts/${key}`).expect(200)).body.content).toBeNull();
    await t
      .http()
      .put(`/api/drafts/review:${A}:SN-01`)
      .set('Authorization', tokens.sup1)
      .send({ content: 'Goo' })
      .expect(200);
    await t.http().delete(`/api/drafts/review:${A}:SN-01`).set('Authorization', tokens.sup1).expect(204);
    expect((await get(tokens.sup1, `/api/drafts/review:${A}:SN-01`).expect(200)).body.content).toBeNull();
  });

  it('gives the CCC their record as a real PDF with their competencies, training and sessions', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    await post(tokens.cccA, `${base(A, 'PC-04')}/evidence`, {
      kind: 'reflection',
      text: 'Ten holistic needs assessments.',
    }).expect(201);
    await post(tokens.sup1, `${base(A, 'PC-04')}/sign-off`, {
      rating: 3,
      comment: 'Well judged care plans.',
      version: 1,
    }).expect(200);
    const m1 = await sessionOf(t, tokens.sup1, A, 'm1-individual');
    const booked = await post(tokens.sup1, `/api/sessions/${m1.id}/book`, {
      startsAt: inMonth(world, 1, 2),
      durationMinutes: 45,
      ...virtual,
      version: m1.version,
    }).expect(200);
    await post(tokens.sup1, `/api/sessions/${m1.id}/record`, {
      attendance: [{ enrolmentId: A, attendance: 'present' }],
      version: booked.body.version,
    }).expect(200);

    const res = await get(tokens.cccA, `/api/enrolments/${A}/record.pdf`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="record-ccc-a-[a-z0-9-]+\.pdf"$/);
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    const text = pdfToText(pdf).replace(/- /g, '-');
    expect(text).toContain(world.people.cccA.fullName);
    expect(text).toContain('1 of 24 competencies signed off');
    expect(text).toMatch(/PC-04 Holistic needs assessment and care plans Signed off 3 Competent Supervisor One/);
    expect(text).toContain('Well judged care plans.');
    expect(text).toContain('Individual supervision');
    expect(text).toContain('1 session attended');
    // Accessible: tagged, titled, in English, its headings and tables in the structure tree (read by poppler).
    const info = pdfInfo(pdf);
    expect(info['Tagged']).toBe('yes');
    expect(info['Title']).toBe(`Training and competency record: ${world.people.cccA.fullName}`);
    expect(pdf.toString('latin1')).toMatch(/\/Lang \(en-GB\)/);
    const tree = pdfStructure(pdf);
    expect(tree).toMatch(new RegExp(`H1[^\\n]*\\n\\s+"${world.people.cccA.fullName}"`));
    expect(tree).toMatch(/H2[^\n]*\n\s+"Competencies"/);
    expect(tree).toMatch(/H2[^\n]*\n\s+"Sessions attended"/);
    expect(tree).toMatch(/TH:\n\s+\/Scope \/Column\n\s+"Competency"/);
    expect(tree).toMatch(
      /TD\n\s+"PC-04"\n\s+TD\n\s+"Holistic needs assessment and care plans"\n\s+TD\n\s+"Signed off"/,
    );
    expect(tree).toMatch(/P[^\n]*\n\s+"Well judged care plans\."/);
    // UK dates in words, one way throughout.
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    await get(tokens.pcn1, `/api/enrolments/${A}/record.pdf`).expect(200);
    await get(tokens.cccC, `/api/enrolments/${A}/record.pdf`).expect(403);
  });
});
