import { randomUUID } from 'node:crypto';
import { addCalendarMonths, DEFAULT_TEMPLATE, londonDate, type ProgrammeTemplate, type Track } from '@ccc/programme';
import type { Role } from '@ccc/contracts';
import type { DataSource } from 'typeorm';
import { AuthService, hashPassword } from '../../src/auth/auth.service';
import { Cohort } from '../../src/cohorts/cohort.entity';
import { EnrolmentCommands } from '../../src/enrolments/enrolment-commands.service';
import { Organisation } from '../../src/organisations/organisation.entity';
import { Person } from '../../src/people/person.entity';
import { RoleAssignment } from '../../src/people/role-assignment.entity';
import { ProgrammeTemplateVersion } from '../../src/programmes/programme-template.entity';
import type { TestApp } from './test-app';

export const PASSWORD = 'test-password-1';
let passwordHash: Promise<string> | null = null;

export interface WorldPerson {
  id: string;
  email: string;
  fullName: string;
}

/**
 * One Alliance with two PCNs and a cohort that started two months ago:
 *  - cccA: supervision track, PCN 1, supervised by supervisor1 and pcnSupervisor1
 *  - cccB: training track, PCN 1, supervisor1, pcnSupervisor1
 *  - cccC: supervision track, PCN 2, supervisor2, pcnSupervisor2
 * Each test file builds its own, with unique e-mails, so no test depends on another's data.
 */
export interface World {
  alliance: Organisation;
  pcn1: Organisation;
  pcn2: Organisation;
  template: ProgrammeTemplateVersion;
  cohort: Cohort;
  people: Record<
    | 'admin'
    | 'supervisor1'
    | 'supervisor2'
    | 'pcnSupervisor1'
    | 'pcnSupervisor2'
    | 'cccA'
    | 'cccB'
    | 'cccC'
    | 'cccUnenrolled',
    WorldPerson
  >;
  enrolments: Record<'A' | 'B' | 'C', string>;
  startDate: string;
}

export async function createPerson(
  db: DataSource,
  name: string,
  role: Role,
  organisationId: string,
): Promise<WorldPerson> {
  passwordHash ??= hashPassword(PASSWORD);
  const tag = randomUUID().slice(0, 8);
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${tag}@example.org`;
  const person = await db
    .getRepository(Person)
    .save({ email, fullName: `${name} ${tag}`, passwordHash: await passwordHash });
  await db.getRepository(RoleAssignment).insert({ personId: person.id, role, organisationId });
  return { id: person.id, email, fullName: person.fullName };
}

/** `startMonthsAgo`: when the cohort started (2 by default: months 1–2 past, 3 current). */
export async function createWorld(
  t: TestApp,
  template: ProgrammeTemplate = DEFAULT_TEMPLATE,
  { startMonthsAgo = 2 }: { startMonthsAgo?: number } = {},
): Promise<World> {
  const { db } = t;
  const orgs = db.getRepository(Organisation);
  const tag = randomUUID().slice(0, 8);
  const alliance = await orgs.save({ kind: 'alliance', name: `Test Alliance ${tag}` });
  const pcn1 = await orgs.save({ kind: 'pcn', name: `PCN one ${tag}`, parentId: alliance.id });
  const pcn2 = await orgs.save({ kind: 'pcn', name: `PCN two ${tag}`, parentId: alliance.id });
  const people = {
    admin: await createPerson(db, 'Admin', 'admin', alliance.id),
    supervisor1: await createPerson(db, 'Supervisor One', 'alliance_supervisor', alliance.id),
    supervisor2: await createPerson(db, 'Supervisor Two', 'alliance_supervisor', alliance.id),
    pcnSupervisor1: await createPerson(db, 'PCN Supervisor One', 'pcn_supervisor', pcn1.id),
    pcnSupervisor2: await createPerson(db, 'PCN Supervisor Two', 'pcn_supervisor', pcn2.id),
    cccA: await createPerson(db, 'CCC A', 'ccc', pcn1.id),
    cccB: await createPerson(db, 'CCC B', 'ccc', pcn1.id),
    cccC: await createPerson(db, 'CCC C', 'ccc', pcn2.id),
    cccUnenrolled: await createPerson(db, 'CCC Unenrolled', 'ccc', pcn2.id),
  };
  const templateRow = await db.getRepository(ProgrammeTemplateVersion).save({
    allianceId: alliance.id,
    key: template.key,
    version: template.version,
    name: template.name,
    definition: template,
  });
  const startDate = addCalendarMonths(londonDate(new Date()), -startMonthsAgo);
  const cohort = await db.getRepository(Cohort).save({
    name: `Cohort ${tag}`,
    allianceId: alliance.id,
    templateId: templateRow.id,
    startDate,
    supervisors: [{ id: people.supervisor1.id } as Person],
  });
  cohort.template = templateRow;
  const service = t.app.get(EnrolmentCommands);
  const enrol = (
    ccc: WorldPerson,
    pcn: Organisation,
    pcnSupervisor: WorldPerson,
    supervisor: WorldPerson,
    track: Track,
  ) =>
    db.transaction((manager) =>
      service.enrolInCohort(
        manager,
        cohort,
        {
          cccId: ccc.id,
          pcnId: pcn.id,
          pcnSupervisorId: pcnSupervisor.id,
          allianceSupervisorId: supervisor.id,
          track,
          employmentStart: addCalendarMonths(startDate, track === 'supervision' ? -1 : -24),
        },
        people.admin.id,
      ),
    );
  const enrolments = {
    A: await enrol(people.cccA, pcn1, people.pcnSupervisor1, people.supervisor1, 'supervision'),
    B: await enrol(people.cccB, pcn1, people.pcnSupervisor1, people.supervisor1, 'training'),
    C: await enrol(people.cccC, pcn2, people.pcnSupervisor2, people.supervisor2, 'supervision'),
  };
  return { alliance, pcn1, pcn2, template: templateRow, cohort, people, enrolments, startDate };
}

/**
 * A bearer header value for a person, from a session opened by the same service call a sign-in ends in (session
 * row, audit entry, signed token) but without its argon2 verification, which made each sign-in cost ~0.3 s of CPU.
 * Tests of signing in itself use `signIn`.
 */
export async function tokenFor(t: TestApp, person: WorldPerson): Promise<string> {
  const issued = await t.app.get(AuthService).openSession(person.id);
  return `Bearer ${issued.body.accessToken}`;
}

/** Signs in through the real endpoint (password checked) and returns the bearer header value. */
export async function signIn(t: TestApp, person: WorldPerson): Promise<string> {
  const res = await t.http().post('/api/auth/login').send({ email: person.email, password: PASSWORD }).expect(200);
  return `Bearer ${res.body.accessToken}`;
}

/** A fresh world and a signed-in token for each of its people who act in the scheduling and release tests. */
export async function worldWithTokens(t: TestApp) {
  const world = await createWorld(t);
  const sign = (person: WorldPerson) => tokenFor(t, person);
  const tokens = {
    admin: await sign(world.people.admin),
    sup1: await sign(world.people.supervisor1),
    sup2: await sign(world.people.supervisor2),
    pcn1: await sign(world.people.pcnSupervisor1),
    pcn2: await sign(world.people.pcnSupervisor2),
    cccA: await sign(world.people.cccA),
    cccC: await sign(world.people.cccC),
  };
  return { world, tokens };
}

/** `POST path` with a bearer token and a JSON body. */
export const postAs = (t: TestApp, token: string, path: string, body: object = {}) =>
  t.http().post(path).set('Authorization', token).send(body);
