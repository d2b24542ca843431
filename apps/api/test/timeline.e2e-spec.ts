import { randomUUID } from 'node:crypto';
import type { TimelineResponse } from '@ccc/contracts';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, tokenFor, type World } from './support/world';

const kindsByMonth = (timeline: TimelineResponse) => timeline.months.map((m) => m.sessions.map((s) => s.kind).sort());

describe('GET /api/enrolments/:id/timeline', () => {
  let t: TestApp;
  let world: World;
  let cccA: string;
  let cccB: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    cccA = await tokenFor(t, world.people.cccA);
    cccB = await tokenFor(t, world.people.cccB);
    admin = await tokenFor(t, world.people.admin);
  });
  afterAll(() => t.close());

  const timeline = async (token: string, id: string): Promise<TimelineResponse> =>
    (await t.http().get(`/api/enrolments/${id}/timeline`).set('Authorization', token).expect(200)).body;

  it("gives a supervision-track CCC exactly the seed's plan, month by month", async () => {
    const body = await timeline(cccA, world.enrolments.A);
    expect(body.months).toHaveLength(6);
    expect(kindsByMonth(body)).toEqual([
      ['group', 'individual', 'joint', 'teaching', 'tna'],
      ['group', 'individual', 'teaching'],
      ['group', 'individual', 'joint', 'teaching'],
      ['group', 'individual', 'teaching'],
      ['group', 'individual', 'teaching'],
      ['conference', 'handover', 'individual'],
    ]);
    expect(body.months.map((m) => m.teachingTopic)).toEqual([
      'Introduction to DES, QOF, integrated care',
      'Prevention, screening, early diagnosis',
      'Tackling health inequalities',
      'eHNA & Cancer Care Reviews, support for cancer patients',
      'Prehabilitation and rehabilitation of cancer patients',
      null,
    ]);
    expect(body.selfDirectedCourses.map((c) => c.title)).toEqual([
      'e-LfH ACCEND Programme',
      'Macmillan Explore',
      'Macmillan Communication Skills',
      'Personalised Care Institute',
    ]);
  });

  it('dates each month from the cohort start and marks past, current and future', async () => {
    const body = await timeline(cccA, world.enrolments.A);
    expect(body.months[0]!.startsOn).toBe(world.startDate);
    for (let i = 1; i < body.months.length; i++) expect(body.months[i]!.startsOn).toBe(body.months[i - 1]!.endsBefore);
    expect(body.months.map((m) => m.state)).toEqual(['past', 'past', 'current', 'future', 'future', 'future']);
    expect(body.enrolment.currentMonth).toBe(3);
  });

  it('names the people in each session: the PCN supervisor joins the joint sessions and the handover', async () => {
    const body = await timeline(cccA, world.enrolments.A);
    const sessions = body.months.flatMap((m) => m.sessions);
    const withPcn = sessions.filter((s) => s.participants.some((p) => p.role === 'pcn_supervisor'));
    expect(withPcn.map((s) => s.kind).sort()).toEqual(['handover', 'joint', 'joint']);
    const joint = withPcn.find((s) => s.kind === 'joint')!;
    expect(joint.participants).toEqual([
      { role: 'ccc', person: { id: world.people.cccA.id, fullName: world.people.cccA.fullName } },
      {
        role: 'pcn_supervisor',
        person: { id: world.people.pcnSupervisor1.id, fullName: world.people.pcnSupervisor1.fullName },
      },
      {
        role: 'alliance_supervisor',
        person: { id: world.people.supervisor1.id, fullName: world.people.supervisor1.fullName },
      },
    ]);
    expect(joint.durationRange).toEqual({ min: 30, max: 60 });
  });

  it('shows a session never booked in a month that has ended as not held, later ones as planned', async () => {
    const body = await timeline(cccA, world.enrolments.A);
    expect(new Set(body.months[0]!.sessions.map((s) => s.status))).toEqual(new Set(['not_held']));
    expect(new Set(body.months[3]!.sessions.map((s) => s.status))).toEqual(new Set(['planned']));
  });

  it('gives a training-track CCC the TNA, the group teaching and the conference, and no supervision sessions', async () => {
    const body = await timeline(cccB, world.enrolments.B);
    expect(kindsByMonth(body)).toEqual([
      ['teaching', 'tna'],
      ['teaching'],
      ['teaching'],
      ['teaching'],
      ['teaching'],
      ['conference'],
    ]);
    expect(body.selfDirectedCourses).toHaveLength(4);
  });

  it('shares group sessions: the same group supervision appears on two CCCs timelines', async () => {
    const a = await timeline(admin, world.enrolments.A);
    const c = await timeline(admin, world.enrolments.C);
    const groupIds = (tl: TimelineResponse) =>
      tl.months.flatMap((m) => m.sessions.filter((s) => s.sharedByCohort).map((s) => s.id)).sort();
    expect(groupIds(a)).toEqual(groupIds(c));
    const ownIds = (tl: TimelineResponse) =>
      tl.months.flatMap((m) => m.sessions.filter((s) => !s.sharedByCohort).map((s) => s.id));
    expect(ownIds(a).filter((id) => ownIds(c).includes(id))).toEqual([]);
  });

  it('costs the same number of queries whatever the size of the timeline (no N+1)', async () => {
    const count = async (token: string, id: string) => {
      const before = t.queries.total;
      await timeline(token, id);
      return t.queries.total - before;
    };
    const supervision = await count(admin, world.enrolments.A); // 21 sessions
    const training = await count(admin, world.enrolments.B); // 7 sessions
    expect(supervision).toBe(training);
    // the caller, the enrolment with its people, the template, the sessions, their sign-offs, the cohort's
    // supervisors; and the records of every other sign-off, in one statement (#24)
    expect(supervision).toBeLessThanOrEqual(7);
  });

  it('answers 404 for an unknown enrolment and 400 for a malformed id', async () => {
    const unknown = await t
      .http()
      .get(`/api/enrolments/${randomUUID()}/timeline`)
      .set('Authorization', admin)
      .expect(404);
    expect(unknown.body.message).toBe('Enrolment not found');
    const malformed = await t.http().get('/api/enrolments/42/timeline').set('Authorization', admin).expect(400);
    expect(malformed.body.errors).toEqual([{ field: 'id', reason: 'id must be a UUID' }]);
  });
});
