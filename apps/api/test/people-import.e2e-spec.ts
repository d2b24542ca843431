import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { oneRow } from '../src/common/one-row';
import { OutboxMessage } from '../src/links/outbox-message.entity';
import { RoleOffer } from '../src/people/role-offer.entity';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, tokenFor, type World } from './support/world';

/** Bulk import of an Alliance's people (issue #16, item 5). */
describe('people import: dry run, import in one transaction, invitations after commit', () => {
  let t: TestApp;
  let world: World;
  let other: World;
  let admin: string;
  const tag = () => randomUUID().slice(0, 8);

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    other = await createWorld(t);
    admin = await tokenFor(t, world.people.admin);
  });
  afterAll(() => t.close());

  const csv = (rows: string[][]) =>
    Buffer.from(
      rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n'),
    );
  const HEADER = ['full_name', 'email', 'role', 'pcn', 'employment_start'];
  const send = (path: string, file: Buffer, name = 'people.csv', token = admin) =>
    t.http().post(path).set('Authorization', token).attach('file', file, name);
  const counts = async () => {
    return oneRow(
      (await t.db.query(
        `SELECT (SELECT count(*) FROM person)::int AS people, (SELECT count(*) FROM role_offer)::int AS offers,
              (SELECT count(*) FROM role_assignment)::int AS roles, (SELECT count(*) FROM outbox_message)::int AS mail,
              (SELECT count(*) FROM audit_entry)::int AS audit`,
      )) as { people: number; offers: number; roles: number; mail: number; audit: number }[],
    );
  };

  it('offers a template whose header row is the one the reader expects', async () => {
    const res = await t.http().get('/api/people/imports/template.csv').set('Authorization', admin).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="people-import-template.csv"');
    // CRLF after every record, as the shared CSV writer ends them.
    expect(res.text.endsWith('\r\n')).toBe(true);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe(HEADER.join(','));
    expect(lines).toHaveLength(4);
  });

  it('dry run: each row’s outcome and every problem with row and column, and nothing changes', async () => {
    const before = await counts();
    const t1 = tag();
    const res = await send(
      '/api/people/imports/dry-run',
      csv([
        HEADER,
        [`New Ccc ${t1}`, `new.ccc.${t1}@example.org`, 'ccc', world.pcn1.name, '2026-01-05'],
        [`Bad Row`, 'not-an-email', 'ccc', 'Nowhere PCN', '31/02/2026'],
        ['=HYPERLINK("http://evil")', `f.${t1}@example.org`, 'pcn_supervisor', world.pcn2.name, ''],
        [world.people.cccA.fullName, world.people.cccA.email, 'pcn_supervisor', world.pcn1.name, ''],
        [world.people.cccA.fullName, world.people.cccA.email, 'ccc', world.pcn1.name, '2026-01-05'],
        [`Elsewhere`, other.people.supervisor1.email, 'alliance_supervisor', '', ''],
        [`Their PCN`, `their.${t1}@example.org`, 'ccc', other.pcn1.name, '2026-01-05'],
      ]),
    ).expect(200);
    expect(res.body.dryRun).toBe(true);
    expect(res.body.rows.map((r: { row: number; outcome: string }) => [r.row, r.outcome])).toEqual([
      [2, 'invite'],
      [5, 'add_role'],
      [6, 'error'],
      [7, 'invite'],
      [8, 'error'],
    ]);
    expect(res.body.problems.map((p: { row: number; column: string }) => `${p.row}:${p.column}`)).toEqual([
      '3:email',
      '3:employment_start',
      '4:full_name',
      '6:email',
      '8:pcn',
    ]);
    expect(res.body.problems[2].reason).toMatch(/formula/);
    expect(res.body.problems[3].reason).toBe('This person already holds this role here');
    expect(res.body.problems[4].reason).toBe('no PCN of this name in your Alliance');
    expect(res.body.counts).toEqual({ rows: 7, invite: 2, addRole: 1, error: 4 });
    // The other Alliance's person is an invitation like any unknown address: nothing of them shows.
    expect(res.text).not.toContain(other.people.supervisor1.fullName);
    expect(res.text).not.toContain(other.people.supervisor1.id);
    expect(await counts()).toEqual(before);
  });

  it('import with a bad row: 400 naming each row and column, and nothing is written', async () => {
    const before = await counts();
    const t1 = tag();
    const res = await send(
      '/api/people/imports',
      csv([
        HEADER,
        [`Good ${t1}`, `good.${t1}@example.org`, 'ccc', world.pcn1.name, '2026-01-05'],
        [`Bad ${t1}`, `bad.${t1}@example.org`, 'ccc', 'Nowhere PCN', '2026-01-05'],
      ]),
    ).expect(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      message: 'Validation failed',
      errors: [{ field: 'row 3, pcn', reason: 'no PCN of this name in your Alliance' }],
    });
    const unreadable = await send('/api/people/imports', csv([HEADER, ['A B', 'x', 'boss', '', '']])).expect(400);
    expect(unreadable.body.errors.map((e: { field: string }) => e.field)).toEqual(['row 2, email', 'row 2, role']);
    expect(await counts()).toEqual(before);
  });

  it('imports every row in one transaction: offers (held once accepted), e-mails in the outbox, one audit', async () => {
    const t1 = tag();
    const rows = [
      HEADER,
      [`Imported Ccc ${t1}`, `imp.ccc.${t1}@example.org`, 'CCC', world.pcn1.name.toUpperCase(), '05/01/2026'],
      [`Imported Pcn ${t1}`, `imp.pcn.${t1}@example.org`, 'PCN supervisor', world.pcn2.name, ''],
      [`Imported All ${t1}`, `imp.all.${t1}@example.org`, 'alliance_supervisor', '', '2025-09-01'],
      [world.people.supervisor2.fullName, world.people.supervisor2.email, 'pcn_supervisor', world.pcn2.name, ''],
      [`Known Elsewhere`, other.people.cccB.email, 'ccc', world.pcn2.name, '2026-02-02'],
    ];
    const before = await counts();
    const dry = await send('/api/people/imports/dry-run', csv(rows)).expect(200);
    expect(dry.body.counts).toEqual({ rows: 5, invite: 4, addRole: 1, error: 0 });
    const res = await send('/api/people/imports', csv(rows)).expect(201);
    expect(res.body).toEqual({ ...dry.body, dryRun: false });
    const after = await counts();
    expect(after.people - before.people).toBe(3);
    expect(after.offers - before.offers).toBe(4);
    // Only the person already on the list holds a new role; the others hold none until they accept.
    expect(after.roles - before.roles).toBe(1);
    expect(after.mail - before.mail).toBe(5);
    const offers = await t.db.getRepository(RoleOffer).findBy({ email: `imp.ccc.${t1}@example.org` });
    expect(offers).toEqual([
      expect.objectContaining({ role: 'ccc', organisationId: world.pcn1.id, employmentStart: '2026-01-05' }),
    ]);
    const [audit] = await t.db.query(
      `SELECT detail FROM audit_entry WHERE action = 'people.imported' AND actor_id = $1 ORDER BY chain_seq DESC LIMIT 1`,
      [world.people.admin.id],
    );
    expect(audit.detail).toMatchObject({ fileName: 'people.csv', rows: 5, invite: 4, addRole: 1 });
    const invited = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'person.invited' AND entity_id = ANY($1::text[])`,
      [(await t.db.getRepository(RoleOffer).findBy({ invitedById: world.people.admin.id })).map((o) => o.id)],
    );
    expect(invited[0].n).toBeGreaterThanOrEqual(4);

    // The CCC accepts by choosing a password from the e-mailed link, and then holds the role.
    const mail = await t.db.getRepository(OutboxMessage).findOneByOrFail({ toEmail: `imp.ccc.${t1}@example.org` });
    const token = /\/set-password\/([A-Za-z0-9_-]+)/.exec(mail.body)![1]!;
    await t.http().post(`/api/invitations/${token}/password`).send({ password: 'a-long-enough-secret-9' }).expect(204);
    const [held] = await t.db.query(
      `SELECT ra.role, ra.organisation_id FROM role_assignment ra JOIN person p ON p.id = ra.person_id WHERE p.email = $1`,
      [`imp.ccc.${t1}@example.org`],
    );
    expect(held).toEqual({ role: 'ccc', organisation_id: world.pcn1.id });

    // The same file again: every new address has an invitation waiting, the existing role is held: all refused.
    const again = await send('/api/people/imports/dry-run', csv(rows)).expect(200);
    expect(again.body.counts.error).toBe(5);
    await send('/api/people/imports', csv(rows)).expect(400);
  });

  it('reads XLSX, dates as dates, and refuses a formula cell', async () => {
    const t1 = tag();
    const book = async (formula: boolean) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('People');
      ws.addRow(HEADER);
      ws.addRow([`Xlsx Ccc ${t1}`, `xlsx.${t1}@example.org`, 'ccc', world.pcn1.name, new Date(Date.UTC(2026, 0, 12))]);
      if (formula)
        ws.addRow([
          { formula: 'CONCAT("a","b")', result: 'ab' },
          `f.${t1}@example.org`,
          'ccc',
          world.pcn1.name,
          '2026-01-01',
        ]);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const bad = await send('/api/people/imports/dry-run', await book(true), 'people.xlsx').expect(200);
    expect(bad.body.problems).toEqual([{ row: 3, column: 'full_name', reason: expect.stringMatching(/formula/) }]);
    const good = await send('/api/people/imports', await book(false), 'people.xlsx').expect(201);
    expect(good.body.rows).toEqual([
      expect.objectContaining({
        row: 2,
        email: `xlsx.${t1}@example.org`,
        employmentStart: '2026-01-12',
        outcome: 'invite',
      }),
    ]);
  });

  it('refuses a closed PCN, as an invitation does', async () => {
    const closed = await createWorld(t);
    await t.db.query('UPDATE organisation SET closed_at = now() WHERE id = $1', [closed.pcn2.id]);
    const token = await tokenFor(t, closed.people.admin);
    const t1 = tag();
    const res = await send(
      '/api/people/imports/dry-run',
      csv([HEADER, [`Closed ${t1}`, `closed.${t1}@example.org`, 'ccc', closed.pcn2.name, '2026-01-05']]),
      'people.csv',
      token,
    ).expect(200);
    expect(res.body.problems).toEqual([{ row: 2, column: 'pcn', reason: 'this PCN is closed and takes no one new' }]);
  });

  it('refuses others (403), no file (400 naming it), and a file that is neither CSV nor XLSX (415)', async () => {
    const file = csv([HEADER]);
    for (const person of [world.people.supervisor1, world.people.pcnSupervisor1, world.people.cccA]) {
      const token = await tokenFor(t, person);
      await send('/api/people/imports/dry-run', file, 'p.csv', token).expect(403);
      await send('/api/people/imports', file, 'p.csv', token).expect(403);
      await t.http().get('/api/people/imports/template.csv').set('Authorization', token).expect(403);
    }
    await t.http().post('/api/people/imports').expect(401);
    const none = await t.http().post('/api/people/imports').set('Authorization', admin).send({}).expect(400);
    expect(none.body.errors).toEqual([{ field: 'file', reason: expect.any(String) }]);
    await send('/api/people/imports/dry-run', Buffer.from([0x00, 0x01, 0x02, 0x03]), 'x.bin').expect(415);
    const noPeople = await send('/api/people/imports', file).expect(400);
    expect(noPeople.body.errors).toEqual([{ field: 'row 2', reason: 'the file has no people under its header' }]);
  });
});
