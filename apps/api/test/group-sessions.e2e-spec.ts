import { randomUUID } from 'node:crypto';
import type { CohortGroupSession } from '@ccc/contracts';
import { inMonth, virtual } from './support/scheduling';
import { startTestApp, type TestApp } from './support/test-app';
import { postAs, worldWithTokens } from './support/world';

describe('group sessions booked from the cohort (#20 item 6)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const list = (token: string, cohortId: string) =>
    t.http().get(`/api/cohorts/${cohortId}/group-sessions`).set('Authorization', token);

  it('lists the cohort’s group sessions with their registers, books one from the list, in a fixed number of statements', async () => {
    const { world, tokens } = await worldWithTokens(t);
    const before = t.queries.total;
    const sessions: CohortGroupSession[] = (await list(tokens.sup1, world.cohort.id).expect(200)).body;
    // The caller's user, the cohort with its access check, the sessions: however many sessions and CCCs.
    expect(t.queries.total - before).toBeLessThanOrEqual(6);
    expect(sessions.length).toBeGreaterThan(0);
    // Only the cohort's own meetings, in plan order, each with the cohort's CCCs it is for on its register.
    expect(sessions.map((s) => s.month)).toEqual([...sessions.map((s) => s.month)].sort((a, b) => a - b));
    const m1 = sessions.find((s) => s.planItemKey === 'm1-group')!;
    expect(m1).toMatchObject({ kind: expect.any(String), status: 'not_held', registerSize: 2, lead: null });
    // Group supervision is for the supervision track (A, C); teaching for every CCC (B is training only).
    const sizes = (kind: string) => new Set(sessions.filter((s) => s.kind === kind).map((s) => s.registerSize));
    expect(sizes('group')).toEqual(new Set([2]));
    expect(sizes('teaching')).toEqual(new Set([3]));
    expect(sessions.some((s) => s.planItemKey.endsWith('-individual'))).toBe(false);

    // The month-3 group (the current month) is booked from the list's id and version; the list then says so.
    const m3 = sessions.find((s) => s.planItemKey === 'm3-group')!;
    expect(m3.status).toBe('planned');
    await postAs(t, tokens.sup1, `/api/sessions/${m3.id}/book`, {
      startsAt: inMonth(world, 3, 10),
      durationMinutes: 90,
      ...virtual,
      version: m3.version,
    }).expect(200);
    const after: CohortGroupSession[] = (await list(tokens.admin, world.cohort.id).expect(200)).body;
    expect(after.find((s) => s.id === m3.id)).toMatchObject({
      status: 'scheduled',
      lead: { id: world.people.supervisor1.id, fullName: world.people.supervisor1.fullName },
      version: m3.version + 1,
      durationMinutes: 90,
    });
  });

  it('refuses a CCC and a PCN supervisor (403), an unknown cohort (404) and a malformed id (400)', async () => {
    const { world, tokens } = await worldWithTokens(t);
    await list(tokens.cccA, world.cohort.id).expect(403);
    await list(tokens.pcn1, world.cohort.id).expect(403);
    await list(tokens.sup1, randomUUID()).expect(404);
    const bad = await list(tokens.sup1, 'not-a-cohort').expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
  });
});
