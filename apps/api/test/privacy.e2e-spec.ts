import { randomUUID } from 'node:crypto';
import type { AlliancePolicyView, PrivacyNoticeRef, PrivacyNoticeView } from '@ccc/contracts';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, tokenFor, type World } from './support/world';

const text = (notice: PrivacyNoticeView) =>
  notice.sections
    .flatMap((s) => [s.heading, ...s.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.items.join('\n')))])
    .join('\n');

describe('the privacy notice and the Alliance policy', () => {
  let t: TestApp;
  let world: World;
  let other: World;
  let admin: string;
  let otherAdmin: string;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    other = await createWorld(t);
    admin = await tokenFor(t, world.people.admin);
    otherAdmin = await tokenFor(t, other.people.admin);
  });
  afterAll(() => t.close());

  const read = async (allianceId: string) =>
    (await t.http().get(`/api/privacy-notices/${allianceId}`).expect(200)).body as PrivacyNoticeView;
  const policyOf = async (token: string) =>
    (await t.http().get('/api/alliance-policy').set('Authorization', token).expect(200)).body as AlliancePolicyView;
  const put = (token: string, body: object) =>
    t.http().put('/api/alliance-policy').set('Authorization', token).send(body);

  it('lists every Alliance, without signing in, and no PCN', async () => {
    const res = await t.http().get('/api/privacy-notices').expect(200);
    const list = res.body as PrivacyNoticeRef[];
    expect(list).toEqual(
      expect.arrayContaining([
        { allianceId: world.alliance.id, allianceName: world.alliance.name },
        { allianceId: other.alliance.id, allianceName: other.alliance.name },
      ]),
    );
    expect(list.map((a) => a.allianceId)).not.toContain(world.pcn1.id);
  });

  it("shows an Alliance's notice, without signing in, with the defaults while it has no policy", async () => {
    const notice = await read(world.alliance.id);
    expect(notice).toMatchObject({
      allianceId: world.alliance.id,
      allianceName: world.alliance.name,
      policy: { retentionYears: 6, controllerName: null, contactEmail: null, contactAddress: null, noticeText: null },
      updatedAt: null,
    });
    expect(notice.sections.map((s) => s.id)).toEqual(['what', 'why', 'how-long', 'who', 'rights', 'contact']);
    expect(text(notice)).toContain('for 6 years after it ends');
    expect(text(notice)).toContain(`The data controller is ${world.alliance.name}.`);
    // Nothing personal: none of the Alliance's people appears.
    const body = JSON.stringify(notice);
    for (const person of Object.values(world.people)) {
      expect(body).not.toContain(person.email);
      expect(body).not.toContain(person.id);
    }
  });

  it('answers 404 for an unknown id or an organisation that is no Alliance, and 400 for a malformed one', async () => {
    await t.http().get(`/api/privacy-notices/${randomUUID()}`).expect(404);
    await t.http().get(`/api/privacy-notices/${world.pcn1.id}`).expect(404);
    const bad = await t.http().get('/api/privacy-notices/not-an-id').expect(400);
    expect(bad.body.errors).toEqual([{ field: 'allianceId', reason: 'allianceId must be a UUID' }]);
  });

  it("lets an administrator change their Alliance's policy; the notice says the new period; audited", async () => {
    const before = await policyOf(admin);
    expect(before).toMatchObject({ allianceId: world.alliance.id, retentionYears: 6, version: 0 });
    const res = await put(admin, {
      retentionYears: 8,
      controllerName: '  Test Hospitals NHS Foundation Trust ',
      contactEmail: 'ig@test.nhs.uk',
      contactAddress: 'Data Protection Officer\nTest Road\nTT1 1TT',
      noticeText: 'Our own words.\n\nA second paragraph.',
      version: 0,
    }).expect(200);
    const saved = res.body as AlliancePolicyView;
    expect(saved).toMatchObject({
      retentionYears: 8,
      controllerName: 'Test Hospitals NHS Foundation Trust',
      contactEmail: 'ig@test.nhs.uk',
      version: 1,
    });
    expect(saved.updatedAt).toEqual(expect.any(String));

    const notice = await read(world.alliance.id);
    expect(text(notice)).toContain('for 8 years after it ends');
    expect(text(notice)).toContain('The data controller is Test Hospitals NHS Foundation Trust.');
    expect(text(notice)).toContain('e-mail ig@test.nhs.uk');
    expect(notice.sections.at(-1)).toMatchObject({ id: 'alliance', blocks: [{ text: 'Our own words.' }, {}] });
    expect(notice.updatedAt).toBe(saved.updatedAt);
    // The other Alliance's notice is untouched.
    expect((await read(other.alliance.id)).policy.retentionYears).toBe(6);

    const audit: { actor_id: string; entity_type: string; detail: Record<string, unknown> }[] = await t.db.query(
      `SELECT actor_id, entity_type, detail FROM audit_entry WHERE action = 'alliance_policy.updated' AND entity_id = $1`,
      [world.alliance.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: world.people.admin.id,
      entity_type: 'alliance_policy',
      detail: {
        before: { retentionYears: 6, controllerName: null, contactEmail: null },
        after: {
          retentionYears: 8,
          controllerName: 'Test Hospitals NHS Foundation Trust',
          contactEmail: 'ig@test.nhs.uk',
        },
      },
    });

    // Fields left out stay; null or blank clears; an unchanged save writes nothing.
    const second = (
      await put(admin, { retentionYears: 8, contactAddress: null, noticeText: '   ', version: 1 }).expect(200)
    ).body as AlliancePolicyView;
    expect(second).toMatchObject({
      controllerName: 'Test Hospitals NHS Foundation Trust',
      contactAddress: null,
      noticeText: null,
      version: 2,
    });
    expect((await put(admin, { retentionYears: 8, version: 2 }).expect(200)).body.version).toBe(2);
    const entries: { n: string }[] = await t.db.query(
      `SELECT count(*) AS n FROM audit_entry WHERE action = 'alliance_policy.updated' AND entity_id = $1`,
      [world.alliance.id],
    );
    expect(Number(entries[0]!.n)).toBe(2);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const current = await policyOf(otherAdmin);
    await put(otherAdmin, { retentionYears: 10, version: current.version }).expect(200);
    const res = await put(otherAdmin, { retentionYears: 12, version: current.version }).expect(409);
    expect(res.body.message).toMatch(/changed by someone else/);
    expect((await policyOf(otherAdmin)).retentionYears).toBe(10);
    // A first save racing another first save: the one that comes second is stale too.
    expect((await put(otherAdmin, { retentionYears: 9, version: 0 }).expect(409)).body.statusCode).toBe(409);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const { version } = await policyOf(admin);
    const fieldsOf = async (body: object) =>
      ((await put(admin, { version, ...body }).expect(400)).body.errors as { field: string }[]).map((e) => e.field);
    expect(await fieldsOf({ retentionYears: 0 })).toEqual(['retentionYears']);
    expect(await fieldsOf({ retentionYears: 31 })).toEqual(['retentionYears']);
    expect(await fieldsOf({ retentionYears: 6.5 })).toEqual(['retentionYears']);
    expect(await fieldsOf({ retentionYears: 6, contactEmail: 'not an address' })).toEqual(['contactEmail']);
    expect(await fieldsOf({ retentionYears: 6, noticeText: 'x'.repeat(10001) })).toEqual(['noticeText']);
    expect(await fieldsOf({ retentionYears: 6, controllerName: 42 })).toContain('controllerName');
    expect(await fieldsOf({ retentionYears: 6, allianceId: other.alliance.id })).toEqual(['allianceId']);
    expect([...new Set(await fieldsOf({ retentionYears: 6, version: undefined }))]).toEqual(['version']);
    expect((await policyOf(admin)).retentionYears).toBe(8);
  });

  it('keeps the policy from everyone but administrators (403), and from anyone signed out (401)', async () => {
    for (const person of [world.people.supervisor1, world.people.pcnSupervisor1, world.people.cccA]) {
      const token = await tokenFor(t, person);
      await t.http().get('/api/alliance-policy').set('Authorization', token).expect(403);
      await put(token, { retentionYears: 3, version: 2 }).expect(403);
    }
    await t.http().get('/api/alliance-policy').expect(401);
    await t.http().put('/api/alliance-policy').send({ retentionYears: 3, version: 2 }).expect(401);
    expect((await policyOf(admin)).retentionYears).toBe(8);
  });
});
