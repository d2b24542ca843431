import ical from 'node-ical';
import 'reflect-metadata';
import request from 'supertest';
import { londonDate } from '@ccc/programme';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { Clock } from '../src/common/clock';
import { loadConfig } from '../src/config';
import { withDatabase } from './support/test-app';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoData } from '../src/demo-data/demo-data';
import { EnrolmentCommands } from '../src/enrolments/enrolment-commands.service';

describe('demo data', () => {
  let url: string;
  beforeAll(async () => {
    url = await withDatabase('demo', 'create');
  });
  afterAll(async () => {
    await withDatabase('demo', 'drop');
  });

  it('loads once into an empty database, with a login per role, and never again over existing data', async () => {
    const app = await createApp(loadConfig({ ...process.env, DATABASE_URL: url, NODE_ENV: 'test' }), {
      logger: ['error'],
    });
    await app.init();
    try {
      const db = app.get(DataSource);
      await db.runMigrations();
      const service = app.get(EnrolmentCommands);
      const today = londonDate(app.get(Clock).now());
      expect(await seedDemoData(db, service, today)).toEqual({ created: true });
      const rows = async () => Number((await db.query('SELECT count(*) AS n FROM session_attendance'))[0].n);
      const attendance = await rows();
      expect(await seedDemoData(db, service, today)).toEqual({ created: false });
      expect(await rows()).toBe(attendance);

      const http = request(app.getHttpServer());
      for (const login of DEMO_LOGINS) {
        await http.post('/api/auth/login').send({ email: login.email, password: DEMO_PASSWORD }).expect(200);
      }
      const token = (await http.post('/api/auth/login').send({ email: 'ccc@example.org', password: DEMO_PASSWORD }))
        .body.accessToken;
      const [enrolment] = (await http.get('/api/enrolments').set('Authorization', `Bearer ${token}`).expect(200)).body;
      const timeline = (
        await http.get(`/api/enrolments/${enrolment.id}/timeline`).set('Authorization', `Bearer ${token}`).expect(200)
      ).body;
      expect(timeline.months.map((m: { state: string }) => m.state)).toEqual([
        'past',
        'past',
        'current',
        'future',
        'future',
        'future',
      ]);
      expect(timeline.months[0].sessions.every((s: { status: string }) => s.status === 'completed')).toBe(true);

      // The demo Alliance supervisor's calendar feed parses with an independent parser and holds every booked
      // session they lead exactly once.
      const alex = (
        await http.post('/api/auth/login').send({ email: 'alliance.supervisor@example.org', password: DEMO_PASSWORD })
      ).body;
      const feed = (
        await http.post('/api/calendar-feed').set('Authorization', `Bearer ${alex.accessToken}`).expect(201)
      ).body;
      const text = (await http.get(new URL(feed.url).pathname).expect(200)).text;
      const uids = Object.values(ical.sync.parseICS(text))
        .filter((c) => (c as { type: string }).type === 'VEVENT')
        .map((c) => (c as { uid: string }).uid);
      const booked: { id: string }[] = await db.query(
        `SELECT id FROM session WHERE lead_id = $1 AND starts_at IS NOT NULL`,
        [alex.me.id],
      );
      expect(booked.length).toBeGreaterThan(10);
      expect(uids.sort()).toEqual(booked.map((b) => `${b.id}@ccc-programme`).sort());

      const pcn = (
        await http.post('/api/auth/login').send({ email: 'pcn.supervisor@example.org', password: DEMO_PASSWORD })
      ).body.accessToken;
      const theirs = (await http.get('/api/enrolments').set('Authorization', `Bearer ${pcn}`).expect(200)).body;
      expect(theirs.map((e: { ccc: { fullName: string } }) => e.ccc.fullName).sort()).toEqual([
        'Chris Doyle',
        'Sam Taylor',
      ]);

      // Competencies: Sam Taylor has some in each state and a TNA signed by both; one piece of evidence waits
      // for Alex Carter, who was told when it arrived.
      const alexAuth = `Bearer ${alex.accessToken}`;
      const inbox = (await http.get('/api/competencies/inbox').set('Authorization', alexAuth).expect(200)).body;
      expect(
        inbox.awaitingReview.map((i: { ccc: { fullName: string }; competency: { code: string } }) => [
          i.ccc.fullName,
          i.competency.code,
        ]),
      ).toEqual([['Sam Taylor', 'SN-03']]);
      const told = await db.query(
        `SELECT count(*)::int AS n FROM notification WHERE person_id = $1 AND occasion = 'submitted'`,
        [alex.me.id],
      );
      expect(told[0].n).toBe(1);
      const grid = (
        await http
          .get(`/api/enrolments/${enrolment.id}/competencies`)
          .set('Authorization', `Bearer ${token}`)
          .expect(200)
      ).body;
      expect(grid.counts).toEqual({ not_started: 19, working_towards: 2, evidence_submitted: 1, signed_off: 2 });
      const returned = (await http.get('/api/competencies/inbox').set('Authorization', `Bearer ${token}`).expect(200))
        .body.returned;
      expect(returned.map((i: { competency: { code: string } }) => i.competency.code)).toEqual(['PC-04']);
      const tna = (
        await http.get(`/api/enrolments/${enrolment.id}/tna`).set('Authorization', `Bearer ${token}`).expect(200)
      ).body;
      expect(tna.rounds[0]).toMatchObject({ round: 1, signed: true });
      const plan = (
        await http
          .get(`/api/enrolments/${enrolment.id}/training-plan`)
          .set('Authorization', `Bearer ${token}`)
          .expect(200)
      ).body;
      expect(plan).toMatchObject({ total: 4, done: 2 });
      await http.get(`/api/enrolments/${enrolment.id}/record.pdf`).set('Authorization', `Bearer ${token}`).expect(200);

      // The finished pilot cohort gives the cohort report something to show, matching the raw rows.
      const adminToken = (
        await http.post('/api/auth/login').send({ email: 'admin@example.org', password: DEMO_PASSWORD })
      ).body.accessToken;
      const [pilot] = await db.query(`SELECT id FROM cohort WHERE name LIKE 'Wessex CCC pilot cohort%'`);
      const report = (
        await http
          .get(`/api/reports/cohort?cohortId=${pilot.id}`)
          .set('Authorization', `Bearer ${adminToken}`)
          .expect(200)
      ).body;
      expect(report.enrolment.total).toMatchObject({ enrolled: 6, completed: 5, withdrawn: 1, completedPercent: 83 });
      const [reviews] = await db.query(
        `SELECT sum(o.count)::int AS n FROM outcome_count o JOIN enrolment e ON e.id = o.enrolment_id
          WHERE e.cohort_id = $1 AND o.measure_id = 'cancer-care-reviews'`,
        [pilot.id],
      );
      expect(report.outcomes[0]).toMatchObject({ measureId: 'cancer-care-reviews', total: reviews.n });
      const statements = new Map(
        report.survey.statements.map((s: { statementId: string; display: string }) => [s.statementId, s.display]),
      );
      expect(statements.get('supervision-supported-me')).toBe('100%');
      expect(statements.get('joint-sessions-useful')).toBe('fewer than 5');
      expect(report.quotes.length).toBeGreaterThan(3);
      // One pilot enrolment was reopened after an early sign-off and completed again (#15 item 1).
      const [reopened] = await db.query(
        `SELECT entity_id FROM audit_entry WHERE action = 'enrolment.reopened' AND entity_type = 'enrolment'`,
      );
      const history = (
        await http
          .get(`/api/enrolments/${reopened.entity_id}/changes`)
          .set('Authorization', `Bearer ${adminToken}`)
          .expect(200)
      ).body as { action: string; reason: string | null }[];
      expect(history.map((h) => h.action)).toEqual([
        'enrolment.created',
        'enrolment.completed',
        'enrolment.reopened',
        'enrolment.completed',
      ]);
      expect(history[2]!.reason).toMatch(/^Signed before the final interview/);

      // A second Alliance on its own 18-month programme; Wessex's administrator sees nothing of it.
      const signIn = async (email: string) =>
        `Bearer ${(await http.post('/api/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200)).body.accessToken}`;
      const leah = await signIn('ccc.gm@example.org');
      const [gm] = (await http.get('/api/enrolments').set('Authorization', leah).expect(200)).body;
      const gmTimeline = (await http.get(`/api/enrolments/${gm.id}/timeline`).set('Authorization', leah).expect(200))
        .body;
      expect(gmTimeline.months).toHaveLength(18);
      const wessexPeople = (await http.get('/api/people').set('Authorization', `Bearer ${adminToken}`).expect(200))
        .body;
      expect(wessexPeople.map((p: { email: string }) => p.email)).not.toContain('ccc.gm@example.org');
      // Jo Whitfield supervises in both: Wessex by default, Greater Manchester once she switches.
      const jo = await signIn('alliance.supervisor2@example.org');
      const joMe = (await http.get('/api/me').set('Authorization', jo).expect(200)).body;
      expect(joMe.alliances.map((a: { name: string }) => a.name)).toEqual([
        'Greater Manchester Cancer Alliance (demo)',
        'Wessex Cancer Alliance (demo)',
      ]);
      const caseload = async () =>
        (await http.get('/api/enrolments').set('Authorization', jo).expect(200)).body.map(
          (e: { ccc: { fullName: string } }) => e.ccc.fullName,
        );
      expect(await caseload()).not.toContain('Leah Byrne');
      const gmId = joMe.alliances.find((a: { name: string }) => a.name.startsWith('Greater'))!.id;
      await http.post('/api/me/alliance').set('Authorization', jo).send({ allianceId: gmId }).expect(200);
      expect(await caseload()).toEqual(['Leah Byrne']);
    } finally {
      await app.close();
    }
  }, 120_000);
});
