import { GM_TEMPLATE, plannedSessions } from '@ccc/programme';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor, createWorld, type World } from './support/world';

/** Nothing about six months is in the code: a CCC on the 18-month, GM-shaped template gets an 18-month plan. */
describe('a programme of another shape: the Greater Manchester pilot template', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t, GM_TEMPLATE);
  });
  afterAll(() => t.close());

  it('gives the CCC an 18-month timeline with the template’s own sessions in every month', async () => {
    const token = await tokenFor(t, world.people.cccA);
    const res = await t.http().get(`/api/enrolments/${world.enrolments.A}/timeline`).set('Authorization', token);
    expect(res.status).toBe(200);
    const months = res.body.months as { month: number; sessions: { kind: string; title: string }[] }[];
    expect(months.map((m) => m.month)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    // The same sessions the template plans, month by month.
    const planned = plannedSessions(GM_TEMPLATE, 'supervision');
    for (const month of months)
      expect(month.sessions.map((s) => s.title).sort()).toEqual(
        planned
          .filter((p) => p.month === month.month)
          .map((p) => p.title)
          .sort(),
      );
    expect(months[17]?.sessions.map((s) => s.kind)).toContain('handover');
    expect(months.every((m) => m.sessions.length > 0)).toBe(true);
  });
});
