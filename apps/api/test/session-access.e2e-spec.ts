import { inMonth, sessionOf, virtual } from './support/scheduling';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, postAs, tokenFor, type World } from './support/world';

/**
 * A one-to-one session (individual, TNA, joint, handover) and its notes are reachable only as the CCC's enrolment is:
 * the CCC, their PCN supervisor, their own Alliance supervisor and the administrator. Another supervisor of the
 * cohort is no party to it; a group session stays the cohort's.
 */
describe('one-to-one sessions are reachable only as their enrolment is', () => {
  let t: TestApp;
  let world: World;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    for (const who of [
      'admin',
      'supervisor1',
      'supervisor2',
      'pcnSupervisor1',
      'pcnSupervisor2',
      'cccA',
      'cccC',
    ] as const)
      tokens[who] = await tokenFor(t, world.people[who]);
  }, 120_000);
  afterAll(() => t.close());

  it("refuses the cohort's other supervisor a CCC's individual session (read, notes, book), and keeps group sessions open", async () => {
    // CCC C's own Alliance supervisor is Supervisor Two; Supervisor One runs the cohort.
    const individual = await sessionOf(t, tokens['supervisor2']!, world.enrolments.C, 'm3-individual');
    await postAs(t, tokens['supervisor2']!, `/api/sessions/${individual.id}/book`, {
      startsAt: inMonth(world, 3, 3),
      durationMinutes: 45,
      ...virtual,
      version: individual.version,
    }).expect(200);
    for (const who of ['supervisor2', 'admin', 'pcnSupervisor2', 'cccC'])
      await t.http().get(`/api/sessions/${individual.id}`).set('Authorization', tokens[who]!).expect(200);
    for (const who of ['supervisor1', 'pcnSupervisor1', 'cccA']) {
      const res = await t.http().get(`/api/sessions/${individual.id}`).set('Authorization', tokens[who]!);
      expect([who, res.status]).toEqual([who, 403]);
      await t.http().get(`/api/sessions/${individual.id}/calendar.ics`).set('Authorization', tokens[who]!).expect(403);
    }
    // Nor may the cohort's other supervisor act on it.
    await postAs(t, tokens['supervisor1']!, `/api/sessions/${individual.id}/reschedule`, {
      startsAt: inMonth(world, 3, 5),
      durationMinutes: 45,
      ...virtual,
      reason: 'Moving it for them',
      version: individual.version + 1,
    }).expect(403);
    const tna = await sessionOf(t, tokens['supervisor2']!, world.enrolments.C, 'm1-tna');
    await postAs(t, tokens['supervisor1']!, `/api/sessions/${tna.id}/book`, {
      startsAt: inMonth(world, 3, 6),
      durationMinutes: 60,
      ...virtual,
      version: tna.version,
    }).expect(403);

    // The cohort's group session: its supervisors (and each attendee's) may read it, as before.
    const group = await sessionOf(t, tokens['supervisor2']!, world.enrolments.C, 'm3-group');
    for (const who of ['supervisor1', 'supervisor2', 'admin'])
      await t.http().get(`/api/sessions/${group.id}`).set('Authorization', tokens[who]!).expect(200);
  });
});
