import type { EnrolmentSummary, EnrolmentsPage, PeoplePage, PersonListItem } from '@ccc/contracts';
import { startTestApp, type TestApp } from './support/test-app';
import { postAs, worldWithTokens } from './support/world';

/** #20 item 1: the administrator's people and enrolments lists paged by the API, with a search and the total. */
describe('people and enrolments a page at a time', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const get = (token: string, path: string) => t.http().get(path).set('Authorization', token);
  const statements = async (run: () => Promise<unknown>) => {
    const before = t.queries.total;
    await run();
    return t.queries.total - before;
  };

  it('pages the people list (invitations included) with every person once, a total, and a search', async () => {
    const { world, tokens } = await worldWithTokens(t);
    // An invitation not answered yet is on the list too, as on the whole list.
    await postAs(t, tokens.admin, '/api/people/invitations', {
      fullName: 'Paging Invitee',
      email: `paging-invitee-${world.alliance.id}@example.org`,
      role: 'ccc',
      organisationId: world.pcn1.id,
    });
    const all: PersonListItem[] = (await get(tokens.admin, '/api/people').expect(200)).body;
    const first: PeoplePage = (await get(tokens.admin, '/api/people/page').expect(200)).body;
    expect(first).toMatchObject({ total: all.length, page: 1, pageSize: 25 });

    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(all.length / 3); page++) {
      const answer: PeoplePage = (await get(tokens.admin, `/api/people/page?page=${page}&pageSize=3`).expect(200)).body;
      expect(answer.total).toBe(all.length);
      seen.push(...answer.items.map((p) => p.id));
    }
    expect(seen).toHaveLength(all.length);
    expect(new Set(seen)).toEqual(new Set(all.map((p) => p.id)));
    // The items are the whole list's entries, roles and all.
    const byId = new Map(all.map((p) => [p.id, p]));
    expect(first.items.every((p) => JSON.stringify(p) === JSON.stringify(byId.get(p.id)))).toBe(true);

    // Past the end: nothing on the page, the total still there.
    const past: PeoplePage = (await get(tokens.admin, '/api/people/page?page=999').expect(200)).body;
    expect(past).toMatchObject({ items: [], total: all.length, page: 999 });

    // Every word must match the name, the e-mail or an organisation; any case; % and _ are taken literally.
    const a = world.people.cccA;
    const one: PeoplePage = (
      await get(tokens.admin, `/api/people/page?q=${encodeURIComponent(a.email.toUpperCase())}`).expect(200)
    ).body;
    expect(one.items.map((p) => p.id)).toEqual([a.id]);
    expect(one.total).toBe(1);
    const invitee: PeoplePage = (await get(tokens.admin, '/api/people/page?q=paging%20invitee').expect(200)).body;
    expect(invitee.items).toEqual([expect.objectContaining({ fullName: 'Paging Invitee', invitationPending: true })]);
    const literal: PeoplePage = (await get(tokens.admin, '/api/people/page?q=%25').expect(200)).body;
    expect(literal.total).toBe(all.filter((p) => `${p.fullName} ${p.email}`.includes('%')).length);
  });

  it('runs a fixed number of statements, whatever the page size', async () => {
    const { tokens } = await worldWithTokens(t);
    const small = await statements(() => get(tokens.admin, '/api/people/page?pageSize=1').expect(200));
    const large = await statements(() => get(tokens.admin, '/api/people/page?pageSize=200').expect(200));
    expect(large).toBe(small);
    const smallE = await statements(() => get(tokens.admin, '/api/enrolments/page?pageSize=1').expect(200));
    const largeE = await statements(() => get(tokens.admin, '/api/enrolments/page?pageSize=200').expect(200));
    expect(largeE).toBe(smallE);
  });

  it('pages the enrolments list in the whole list’s order, searched by CCC, PCN or cohort, in the caller’s scope', async () => {
    const { world, tokens } = await worldWithTokens(t);
    const all: EnrolmentSummary[] = (await get(tokens.admin, '/api/enrolments').expect(200)).body;
    const pages: EnrolmentsPage[] = [];
    for (let page = 1; page <= Math.ceil(all.length / 2); page++)
      pages.push((await get(tokens.admin, `/api/enrolments/page?page=${page}&pageSize=2`).expect(200)).body);
    expect(pages.flatMap((p) => p.items)).toEqual(
      // Same order as the whole list (ties between equal names broken by id, so compare as sets within a cohort).
      expect.arrayContaining(all),
    );
    expect(pages.flatMap((p) => p.items)).toHaveLength(all.length);
    expect(pages.every((p) => p.total === all.length)).toBe(true);

    const pcn2: EnrolmentsPage = (
      await get(tokens.admin, `/api/enrolments/page?q=${encodeURIComponent(world.pcn2.name)}`).expect(200)
    ).body;
    expect(pcn2.items.map((e) => e.id)).toEqual([world.enrolments.C]);
    // A CCC's scope is their own enrolment, paged or not.
    const own: EnrolmentsPage = (await get(tokens.cccA, '/api/enrolments/page').expect(200)).body;
    expect(own).toMatchObject({ total: 1, items: [expect.objectContaining({ id: world.enrolments.A })] });
  });

  it('refuses bad paging (400 with the field) and, for the people list, callers without people:read (403)', async () => {
    const { tokens } = await worldWithTokens(t);
    for (const [query, field] of [
      ['page=0', 'page'],
      ['page=two', 'page'],
      ['pageSize=0', 'pageSize'],
      ['pageSize=201', 'pageSize'],
      [`q=${'x'.repeat(201)}`, 'q'],
    ] as const) {
      for (const list of ['people', 'enrolments']) {
        const refused = await get(tokens.admin, `/api/${list}/page?${query}`).expect(400);
        expect(refused.body.errors).toEqual([expect.objectContaining({ field })]);
      }
    }
    await get(tokens.cccA, '/api/people/page').expect(403);
    await get(tokens.pcn1, '/api/people/page').expect(403);
  });
});
