import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import { Notification } from '../src/notifications/notification.entity';
import { Session } from '../src/sessions/session.entity';
import {
  ADMINISTRATION_MATRIX,
  ENROLMENT_CHANGE_MATRIX,
  ORGANISATION_MATRIX,
  PEOPLE_ADMIN_MATRIX,
} from './support/administration-permissions';
import { COMPETENCY_MATRIX } from './support/competency-permissions';
import { MONTH_SIX_MATRIX } from './support/month-six-permissions';
import { NATIONAL_MATRIX } from './support/national-permissions';
import { PEOPLE_IMPORT_MATRIX } from './support/people-import-permissions';
import { WORKFORCE_MATRIX, workforceSession } from './support/workforce-permissions';
import { PRIVACY_MATRIX } from './support/privacy-permissions';
import { SSO_MATRIX } from './support/sso-permissions';
import { RETENTION_MATRIX } from './support/retention-permissions';
import { SUBJECT_ACCESS_MATRIX } from './support/subject-access-permissions';
import { type Caller, CALLERS, everyone, type MatrixRow, only } from './support/permission-matrix';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, tokenFor, type World } from './support/world';

/** Session ids of the world, looked up once: CCC A's month-3 individual session and the cohort's month-3 group. */
const sessions = { individualA: '', group: '' };
/** A reminder in CCC A's in-app list. */
const notifications = { cccA: '' };

/** Who may call what (the callers are described in support/permission-matrix.ts). */
const MATRIX: MatrixRow[] = [
  {
    name: 'GET /api/me',
    method: 'get',
    path: () => '/api/me',
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 200,
      supervisor2: 200,
      pcnSupervisor1: 200,
      pcnSupervisor2: 200,
      cccA: 200,
      cccB: 200,
      cccC: 200,
    },
  },
  {
    // Everyone signed in may change their own password; an empty body is refused by validation, not permission.
    name: 'POST /api/me/password',
    method: 'post',
    path: () => '/api/me/password',
    body: {},
    expect: {
      anonymous: 401,
      admin: 400,
      supervisor1: 400,
      supervisor2: 400,
      pcnSupervisor1: 400,
      pcnSupervisor2: 400,
      cccA: 400,
      cccB: 400,
      cccC: 400,
    },
  },
  {
    // Everyone chooses the Alliance they act in among their own; this world's Alliance is everyone's only one.
    name: 'POST /api/me/alliance',
    method: 'post',
    path: () => '/api/me/alliance',
    body: {},
    expect: everyone(400),
  },
  {
    name: 'POST /api/me/alliance (their own Alliance)',
    method: 'post',
    path: () => '/api/me/alliance',
    body: (w: World) => ({ allianceId: w.alliance.id }),
    expect: everyone(200),
  },
  {
    name: 'GET /api/enrolments',
    method: 'get',
    path: () => '/api/enrolments',
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 200,
      supervisor2: 200,
      pcnSupervisor1: 200,
      pcnSupervisor2: 200,
      cccA: 200,
      cccB: 200,
      cccC: 200,
    },
  },
  {
    // The lists a page at a time (#20 item 1): the same callers as the whole lists.
    name: 'GET /api/enrolments/page',
    method: 'get',
    path: () => '/api/enrolments/page?pageSize=5',
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 200,
      supervisor2: 200,
      pcnSupervisor1: 200,
      pcnSupervisor2: 200,
      cccA: 200,
      cccB: 200,
      cccC: 200,
    },
  },
  {
    name: 'GET /api/people/page',
    method: 'get',
    path: () => '/api/people/page?q=a',
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 200,
      supervisor2: 200,
      pcnSupervisor1: 403,
      pcnSupervisor2: 403,
      cccA: 403,
      cccB: 403,
      cccC: 403,
    },
  },
  {
    name: "GET /api/enrolments/:id (CCC A's)",
    method: 'get',
    path: (w) => `/api/enrolments/${w.enrolments.A}`,
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 200,
      supervisor2: 403,
      pcnSupervisor1: 200,
      pcnSupervisor2: 403,
      cccA: 200,
      cccB: 403,
      cccC: 403,
    },
  },
  {
    name: "GET /api/enrolments/:id/timeline (CCC A's)",
    method: 'get',
    path: (w) => `/api/enrolments/${w.enrolments.A}/timeline`,
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 200,
      supervisor2: 403,
      pcnSupervisor1: 200,
      pcnSupervisor2: 403,
      cccA: 200,
      cccB: 403,
      cccC: 403,
    },
  },
  {
    name: "GET /api/enrolments/:id/timeline (CCC C's)",
    method: 'get',
    path: (w) => `/api/enrolments/${w.enrolments.C}/timeline`,
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 403,
      supervisor2: 200,
      pcnSupervisor1: 403,
      pcnSupervisor2: 200,
      cccA: 403,
      cccB: 403,
      cccC: 200,
    },
  },
  {
    name: 'GET /api/enrolments/:id/timeline (unknown id)',
    method: 'get',
    path: () => `/api/enrolments/${randomUUID()}/timeline`,
    expect: {
      anonymous: 401,
      admin: 404,
      supervisor1: 404,
      supervisor2: 404,
      pcnSupervisor1: 404,
      pcnSupervisor2: 404,
      cccA: 404,
      cccB: 404,
      cccC: 404,
    },
  },
  {
    name: 'GET /api/cohorts',
    method: 'get',
    path: () => '/api/cohorts',
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 200,
      supervisor2: 200,
      pcnSupervisor1: 403,
      pcnSupervisor2: 403,
      cccA: 403,
      cccB: 403,
      cccC: 403,
    },
  },
  {
    // Booking a group session from the cohort (#20 item 6): whoever may read the cohort sees its group sessions.
    name: 'GET /api/cohorts/:id/group-sessions',
    method: 'get',
    path: (w) => `/api/cohorts/${w.cohort.id}/group-sessions`,
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 200,
      supervisor2: 200,
      pcnSupervisor1: 403,
      pcnSupervisor2: 403,
      cccA: 403,
      cccB: 403,
      cccC: 403,
    },
  },
  {
    name: 'GET /api/cohorts/:id',
    method: 'get',
    path: (w) => `/api/cohorts/${w.cohort.id}`,
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 200,
      supervisor2: 200,
      pcnSupervisor1: 403,
      pcnSupervisor2: 403,
      cccA: 403,
      cccB: 403,
      cccC: 403,
    },
  },
  {
    name: 'GET /api/templates',
    method: 'get',
    path: () => '/api/templates',
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 200,
      supervisor2: 200,
      pcnSupervisor1: 403,
      pcnSupervisor2: 403,
      cccA: 403,
      cccB: 403,
      cccC: 403,
    },
  },
  {
    name: 'GET /api/templates/:id',
    method: 'get',
    path: (w) => `/api/templates/${w.template.id}`,
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 200,
      supervisor2: 200,
      pcnSupervisor1: 403,
      pcnSupervisor2: 403,
      cccA: 403,
      cccB: 403,
      cccC: 403,
    },
  },
  {
    // An empty body: callers whose role may enrol get as far as validation (400); the others are stopped first.
    name: 'POST /api/cohorts/:id/enrolments',
    method: 'post',
    path: (w) => `/api/cohorts/${w.cohort.id}/enrolments`,
    body: {},
    expect: {
      anonymous: 401,
      admin: 400,
      supervisor1: 400,
      supervisor2: 400,
      pcnSupervisor1: 403,
      pcnSupervisor2: 403,
      cccA: 403,
      cccB: 403,
      cccC: 403,
    },
  },
  {
    name: "GET /api/sessions/:id (CCC A's individual)",
    method: 'get',
    path: () => `/api/sessions/${sessions.individualA}`,
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 200,
      supervisor2: 403,
      pcnSupervisor1: 200,
      pcnSupervisor2: 403,
      cccA: 200,
      cccB: 403,
      cccC: 403,
    },
  },
  {
    name: 'GET /api/sessions/:id (the group, A and C attend)',
    method: 'get',
    path: () => `/api/sessions/${sessions.group}`,
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 200,
      supervisor2: 200,
      pcnSupervisor1: 200,
      pcnSupervisor2: 200,
      cccA: 200,
      cccB: 403,
      cccC: 200,
    },
  },
  {
    name: "GET /api/sessions/:id/calendar.ics (CCC A's individual)",
    method: 'get',
    path: () => `/api/sessions/${sessions.individualA}/calendar.ics`,
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 200,
      supervisor2: 403,
      pcnSupervisor1: 200,
      pcnSupervisor2: 403,
      cccA: 200,
      cccB: 403,
      cccC: 403,
    },
  },
  ...(['book', 'reschedule', 'cancel', 'alliance-response', 'record'] as const).map((action) => ({
    name: `POST /api/sessions/:id/${action}`,
    method: 'post' as const,
    path: () => `/api/sessions/${sessions.individualA}/${action}`,
    body: {},
    expect: {
      anonymous: 401,
      admin: 400,
      supervisor1: 400,
      supervisor2: 400,
      pcnSupervisor1: 403,
      pcnSupervisor2: 403,
      cccA: 403,
      cccB: 403,
      cccC: 403,
    },
  })),
  {
    name: 'POST /api/sessions/:id/pcn-response',
    method: 'post',
    path: () => `/api/sessions/${sessions.individualA}/pcn-response`,
    body: {},
    expect: {
      anonymous: 401,
      admin: 403,
      supervisor1: 403,
      supervisor2: 403,
      pcnSupervisor1: 400,
      pcnSupervisor2: 400,
      cccA: 403,
      cccB: 403,
      cccC: 403,
    },
  },
  {
    // Each signing party's own sign-offs; an administrator signs for no one (#24).
    name: 'GET /api/sign-offs',
    method: 'get',
    path: () => '/api/sign-offs',
    expect: only(200, 'supervisor1', 'supervisor2', 'pcnSupervisor1', 'pcnSupervisor2', 'cccA', 'cccB', 'cccC'),
  },
  {
    name: 'GET /api/sign-offs/summary',
    method: 'get',
    path: () => '/api/sign-offs/summary',
    expect: only(200, 'supervisor1', 'supervisor2', 'pcnSupervisor1', 'pcnSupervisor2', 'cccA', 'cccB', 'cccC'),
  },
  {
    name: 'GET /api/sign-offs (a bad filter)',
    method: 'get',
    path: () => '/api/sign-offs?month=0',
    expect: only(400, 'supervisor1', 'supervisor2', 'pcnSupervisor1', 'pcnSupervisor2', 'cccA', 'cccB', 'cccC'),
  },
  {
    name: 'GET /api/caseload',
    method: 'get',
    path: () => '/api/caseload',
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 200,
      supervisor2: 200,
      pcnSupervisor1: 403,
      pcnSupervisor2: 403,
      cccA: 403,
      cccB: 403,
      cccC: 403,
    },
  },
  {
    name: 'GET /api/agenda',
    method: 'get',
    path: () => '/api/agenda?from=2026-11-23&days=7',
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 200,
      supervisor2: 200,
      pcnSupervisor1: 200,
      pcnSupervisor2: 200,
      cccA: 200,
      cccB: 200,
      cccC: 200,
    },
  },
  {
    name: 'GET /api/calendar-feed',
    method: 'get',
    path: () => '/api/calendar-feed',
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 200,
      supervisor2: 200,
      pcnSupervisor1: 200,
      pcnSupervisor2: 200,
      cccA: 200,
      cccB: 200,
      cccC: 200,
    },
  },
  {
    name: "GET /api/enrolments/:id/release (CCC A's)",
    method: 'get',
    path: (w) => `/api/enrolments/${w.enrolments.A}/release`,
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 200,
      supervisor2: 403,
      pcnSupervisor1: 200,
      pcnSupervisor2: 403,
      cccA: 200,
      cccB: 403,
      cccC: 403,
    },
  },
  {
    name: "GET /api/enrolments/:id/expectations (CCC A's)",
    method: 'get',
    path: (w) => `/api/enrolments/${w.enrolments.A}/expectations`,
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 200,
      supervisor2: 403,
      pcnSupervisor1: 200,
      pcnSupervisor2: 403,
      cccA: 200,
      cccB: 403,
      cccC: 403,
    },
  },
  {
    name: 'POST /api/enrolments/:id/release-requests (only CCCs log study time)',
    method: 'post',
    path: (w) => `/api/enrolments/${w.enrolments.A}/release-requests`,
    body: {},
    expect: {
      anonymous: 401,
      admin: 403,
      supervisor1: 403,
      supervisor2: 403,
      pcnSupervisor1: 403,
      pcnSupervisor2: 403,
      cccA: 400,
      cccB: 400,
      cccC: 400,
    },
  },
  ...(['confirm', 'decline'] as const).map((action) => ({
    name: `POST /api/release-requests/:id/${action} (PCN supervisors and administrators decide)`,
    method: 'post' as const,
    path: () => `/api/release-requests/${randomUUID()}/${action}`,
    body: {},
    expect: {
      anonymous: 401,
      admin: 400,
      supervisor1: 403,
      supervisor2: 403,
      pcnSupervisor1: 400,
      pcnSupervisor2: 400,
      cccA: 403,
      cccB: 403,
      cccC: 403,
    },
  })),
  {
    name: 'POST /api/agreed-actions/:id/done (owners: the CCC and the two supervisors)',
    method: 'post',
    path: () => `/api/agreed-actions/${randomUUID()}/done`,
    body: {},
    expect: {
      anonymous: 401,
      admin: 403,
      supervisor1: 400,
      supervisor2: 400,
      pcnSupervisor1: 400,
      pcnSupervisor2: 400,
      cccA: 400,
      cccB: 400,
      cccC: 400,
    },
  },
  {
    name: 'GET /api/me/agreed-actions (everyone: their own open actions)',
    method: 'get',
    path: () => '/api/me/agreed-actions',
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 200,
      supervisor2: 200,
      pcnSupervisor1: 200,
      pcnSupervisor2: 200,
      cccA: 200,
      cccB: 200,
      cccC: 200,
    },
  },
  {
    name: 'POST /api/release-requests/:id/withdraw (only CCCs withdraw their own study time)',
    method: 'post',
    path: () => `/api/release-requests/${randomUUID()}/withdraw`,
    body: {},
    expect: {
      anonymous: 401,
      admin: 403,
      supervisor1: 403,
      supervisor2: 403,
      pcnSupervisor1: 403,
      pcnSupervisor2: 403,
      cccA: 400,
      cccB: 400,
      cccC: 400,
    },
  },
  {
    name: 'POST /api/enrolments/:id/attestations (every role may attest its own part)',
    method: 'post',
    path: (w) => `/api/enrolments/${w.enrolments.A}/attestations`,
    body: {},
    expect: {
      anonymous: 401,
      admin: 400,
      supervisor1: 400,
      supervisor2: 400,
      pcnSupervisor1: 400,
      pcnSupervisor2: 400,
      cccA: 400,
      cccB: 400,
      cccC: 400,
    },
  },
  {
    name: "GET /api/enrolments/:id/duties (CCC A's Table 2 duties)",
    method: 'get',
    path: (w) => `/api/enrolments/${w.enrolments.A}/duties`,
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 200,
      supervisor2: 403,
      pcnSupervisor1: 200,
      pcnSupervisor2: 403,
      cccA: 200,
      cccB: 403,
      cccC: 403,
    },
  },
  {
    // Which party may confirm which duty is decided on the record (duties.e2e-spec.ts); a body without a date is 400.
    name: 'POST /api/enrolments/:id/duties/:key/attestation (no date)',
    method: 'post',
    path: (w) => `/api/enrolments/${w.enrolments.A}/duties/pcn-local-induction/attestation`,
    body: {},
    expect: {
      anonymous: 401,
      admin: 400,
      supervisor1: 400,
      supervisor2: 400,
      pcnSupervisor1: 400,
      pcnSupervisor2: 400,
      cccA: 400,
      cccB: 400,
      cccC: 400,
    },
  },
  {
    name: 'GET /api/pcn-home',
    method: 'get',
    path: () => '/api/pcn-home',
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 403,
      supervisor2: 403,
      pcnSupervisor1: 200,
      pcnSupervisor2: 200,
      cccA: 403,
      cccB: 403,
      cccC: 403,
    },
  },
  // Each person's own reminders: every role has them, nobody reaches another's.
  {
    name: 'GET /api/me/notifications',
    method: 'get',
    path: () => '/api/me/notifications',
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 200,
      supervisor2: 200,
      pcnSupervisor1: 200,
      pcnSupervisor2: 200,
      cccA: 200,
      cccB: 200,
      cccC: 200,
    },
  },
  {
    name: "POST /api/me/notifications/:id/read (CCC A's)",
    method: 'post',
    path: () => `/api/me/notifications/${notifications.cccA}/read`,
    expect: {
      anonymous: 401,
      admin: 404,
      supervisor1: 404,
      supervisor2: 404,
      pcnSupervisor1: 404,
      pcnSupervisor2: 404,
      cccA: 200,
      cccB: 404,
      cccC: 404,
    },
  },
  {
    name: 'GET /api/me/notification-preferences',
    method: 'get',
    path: () => '/api/me/notification-preferences',
    expect: {
      anonymous: 401,
      admin: 200,
      supervisor1: 200,
      supervisor2: 200,
      pcnSupervisor1: 200,
      pcnSupervisor2: 200,
      cccA: 200,
      cccB: 200,
      cccC: 200,
    },
  },
  {
    name: 'PUT /api/me/notification-preferences',
    method: 'put',
    path: () => '/api/me/notification-preferences',
    body: {},
    expect: {
      anonymous: 401,
      admin: 400,
      supervisor1: 400,
      supervisor2: 400,
      pcnSupervisor1: 400,
      pcnSupervisor2: 400,
      cccA: 400,
      cccB: 400,
      cccC: 400,
    },
  },
  ...COMPETENCY_MATRIX,
  ...MONTH_SIX_MATRIX,
  ...PRIVACY_MATRIX,
  ...RETENTION_MATRIX,
  ...SUBJECT_ACCESS_MATRIX,
  ...NATIONAL_MATRIX,
  ...ADMINISTRATION_MATRIX,
  ...ORGANISATION_MATRIX,
  ...ENROLMENT_CHANGE_MATRIX,
  ...PEOPLE_ADMIN_MATRIX,
  ...PEOPLE_IMPORT_MATRIX,
  ...WORKFORCE_MATRIX,
  ...SSO_MATRIX,
];

describe('the permission matrix: each role against each endpoint', () => {
  let t: TestApp;
  let world: World;
  const tokens = new Map<Caller, string>();

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    const repo = t.db.getRepository(Session);
    sessions.individualA = (
      await repo.findOneByOrFail({ enrolmentId: world.enrolments.A, planItemKey: 'm3-individual' })
    ).id;
    sessions.group = (
      await repo.findOneByOrFail({ cohortId: world.cohort.id, enrolmentId: IsNull(), planItemKey: 'm3-group' })
    ).id;
    workforceSession.id = (
      await repo.findOneByOrFail({ cohortId: world.cohort.id, enrolmentId: IsNull(), planItemKey: 'm6-conference' })
    ).id;
    notifications.cccA = (
      await t.db.getRepository(Notification).save({
        personId: world.people.cccA.id,
        kind: 'session_tomorrow',
        subjectType: 'session',
        subjectId: sessions.individualA,
        occasion: '2026-03-04',
        title: 'Tomorrow at 10:00: Individual supervision',
        body: 'Individual supervision is tomorrow.',
        link: `/sessions/${sessions.individualA}`,
      })
    ).id;
    for (const caller of CALLERS) {
      if (caller !== 'anonymous') tokens.set(caller, await tokenFor(t, world.people[caller]));
    }
  });
  afterAll(() => t.close());

  const cases = MATRIX.flatMap((row) => CALLERS.map((caller) => [row.name, caller, row.expect[caller], row] as const));
  it.each(cases)('%s as %s answers %i', async (_name, caller, status, row) => {
    const req = t.http()[row.method](row.path(world));
    const token = tokens.get(caller);
    if (token) req.set('Authorization', token);
    const body = typeof row.body === 'function' ? row.body(world) : row.body;
    const res = await (body ? req.send(body) : req);
    expect(res.status).toBe(status);
    if (status >= 400)
      expect(res.body).toEqual(expect.objectContaining({ statusCode: status, message: expect.any(String) }));
  });

  const listed = async (caller: Exclude<Caller, 'anonymous'>) => {
    const res = await t.http().get('/api/enrolments').set('Authorization', tokens.get(caller)!).expect(200);
    return (res.body as { id: string }[]).map((e) => e.id).sort();
  };

  it('lists to each party exactly the enrolments in their scope', async () => {
    const { A, B, C } = world.enrolments;
    expect(await listed('cccA')).toEqual([A]);
    expect(await listed('cccB')).toEqual([B]);
    expect(await listed('cccC')).toEqual([C]);
    expect(await listed('pcnSupervisor1')).toEqual([A, B].sort());
    expect(await listed('pcnSupervisor2')).toEqual([C]);
    expect(await listed('supervisor1')).toEqual([A, B].sort());
    expect(await listed('supervisor2')).toEqual([C]);
    expect(await listed('admin')).toEqual(expect.arrayContaining([A, B, C]));
  });

  it('gives a CCC who is not enrolled an empty list, not an error', async () => {
    const token = await tokenFor(t, world.people.cccUnenrolled);
    const res = await t.http().get('/api/enrolments').set('Authorization', token).expect(200);
    expect(res.body).toEqual([]);
  });

  it("refuses a second CCC the first one's timeline, and says so without its content", async () => {
    const res = await t
      .http()
      .get(`/api/enrolments/${world.enrolments.A}/timeline`)
      .set('Authorization', tokens.get('cccC')!);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
      detail: 'You do not have access to this enrolment',
      instance: `urn:request:${res.headers['x-request-id']}`,
      statusCode: 403,
      error: 'Forbidden',
      message: 'You do not have access to this enrolment',
    });
  });

  it('refuses a forged or expired token', async () => {
    await t.http().get('/api/me').set('Authorization', 'Bearer not.a.token').expect(401);
    const forged = tokens.get('admin')!.slice(0, -4) + 'abcd';
    await t.http().get('/api/me').set('Authorization', forged).expect(401);
  });
});
