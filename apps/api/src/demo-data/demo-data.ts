import { TZDate } from '@date-fns/tz';
import type { Role } from '@ccc/contracts';
import {
  addCalendarDays,
  addCalendarMonths,
  DEFAULT_TEMPLATE,
  monthBounds,
  PROGRAMME_TIME_ZONE,
  type Track,
} from '@ccc/programme';
import { addDays, format, parseISO } from 'date-fns';
import { type DataSource, type EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { hashPassword } from '../auth/auth.service';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Cohort } from '../cohorts/cohort.entity';
import { Enrolment } from '../enrolments/enrolment.entity';
import type { EnrolmentCommands } from '../enrolments/enrolment-commands.service';
import { recordDemoCompetencies } from './demo-competencies';
import { GM_DEMO_LOGINS, recordDemoGreaterManchester } from './demo-gm';
import { recordDemoOutcomes, recordDemoPastCohort } from './demo-month-six';
import { Organisation } from '../organisations/organisation.entity';
import { Person } from '../people/person.entity';
import { AlliancePolicy } from '../privacy/alliance-policy.entity';
import { RoleAssignment } from '../people/role-assignment.entity';
import { ProgrammeTemplateVersion } from '../programmes/programme-template.entity';
import { ReleaseRequest } from '../release-time/release-request.entity';
import { syncReleaseForSession } from '../release-time/release-sync';
import { Session } from '../sessions/session.entity';
import { SessionAttendance } from '../sessions/session-attendance.entity';

const DEMO_MEETING_LINK = 'https://meet.example.org/ccc-programme-demo';

/** Fictional people on example.org, one login per role, all with this password. */
export const DEMO_PASSWORD = 'demo-password-1';

/** NHS England's national viewer: anonymised figures across the Alliances, no one's records. */
const NATIONAL_DEMO_LOGIN = {
  role: 'National viewer (NHS England)',
  email: 'national@example.org',
  name: 'Nadia Okafor',
};

export const DEMO_LOGINS: { role: string; email: string; name: string }[] = [
  { role: 'Programme administrator', email: 'admin@example.org', name: 'Morgan Ellis' },
  { role: 'Alliance supervisor', email: 'alliance.supervisor@example.org', name: 'Alex Carter' },
  { role: 'PCN supervisor', email: 'pcn.supervisor@example.org', name: 'Priya Nair' },
  { role: 'CCC (supervision track)', email: 'ccc@example.org', name: 'Sam Taylor' },
  { role: 'CCC (training track)', email: 'ccc.training@example.org', name: 'Chris Doyle' },
  {
    role: 'Alliance supervisor in Wessex and Greater Manchester',
    email: 'alliance.supervisor2@example.org',
    name: 'Jo Whitfield',
  },
  ...GM_DEMO_LOGINS,
  NATIONAL_DEMO_LOGIN,
];

interface DemoPerson {
  key: string;
  email: string;
  name: string;
  role: Role;
  org: 'alliance' | 'north' | 'solent' | 'forest';
}

const PEOPLE: DemoPerson[] = [
  { key: 'admin', email: 'admin@example.org', name: 'Morgan Ellis', role: 'admin', org: 'alliance' },
  {
    key: 'alex',
    email: 'alliance.supervisor@example.org',
    name: 'Alex Carter',
    role: 'alliance_supervisor',
    org: 'alliance',
  },
  {
    key: 'jo',
    email: 'alliance.supervisor2@example.org',
    name: 'Jo Whitfield',
    role: 'alliance_supervisor',
    org: 'alliance',
  },
  { key: 'priya', email: 'pcn.supervisor@example.org', name: 'Priya Nair', role: 'pcn_supervisor', org: 'north' },
  { key: 'tom', email: 'pcn.supervisor2@example.org', name: 'Tom Bennett', role: 'pcn_supervisor', org: 'solent' },
  { key: 'helen', email: 'pcn.supervisor3@example.org', name: 'Helen Marsh', role: 'pcn_supervisor', org: 'forest' },
  { key: 'sam', email: 'ccc@example.org', name: 'Sam Taylor', role: 'ccc', org: 'north' },
  { key: 'chris', email: 'ccc.training@example.org', name: 'Chris Doyle', role: 'ccc', org: 'north' },
  { key: 'jamie', email: 'ccc2@example.org', name: 'Jamie Reid', role: 'ccc', org: 'solent' },
  { key: 'aisha', email: 'ccc3@example.org', name: 'Aisha Khan', role: 'ccc', org: 'solent' },
  { key: 'owen', email: 'ccc4@example.org', name: 'Owen Price', role: 'ccc', org: 'forest' },
  { key: 'lucy', email: 'ccc5@example.org', name: 'Lucy Grant', role: 'ccc', org: 'forest' },
];

/** CCC, PCN, PCN supervisor, Alliance supervisor, track, employment start in months relative to the cohort start. */
const ENROLMENTS: [string, DemoPerson['org'], string, string, Track, number][] = [
  ['sam', 'north', 'priya', 'alex', 'supervision', -1],
  ['chris', 'north', 'priya', 'alex', 'training', -30],
  ['jamie', 'solent', 'tom', 'alex', 'supervision', -3],
  ['aisha', 'solent', 'tom', 'jo', 'training', -14],
  ['owen', 'forest', 'helen', 'jo', 'supervision', 0],
  ['lucy', 'forest', 'helen', 'alex', 'training', -20],
];

/** 10:00 in London on the given day after the month starts, as an instant. */
function meetingTime(date: string, dayOffset: number, hour = 10): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return addDays(TZDate.tz(PROGRAMME_TIME_ZONE, y, m - 1, d, hour, 0), dayOffset);
}

/**
 * Loads the demo only into an empty database (no people), so a restart never overwrites real work. The cohort
 * started two months before today: timelines have past, current and future months.
 */
export async function seedDemoData(
  db: DataSource,
  enrolments: EnrolmentCommands,
  /** Today in London (the clock's), from which the demo's dates are laid out. */
  today: string,
): Promise<{ created: boolean }> {
  return db.transaction(async (manager) => {
    // Two starts at once must not both seed: the advisory lock serialises them until this transaction ends.
    await manager.query('SELECT pg_advisory_xact_lock(4242)');
    if ((await manager.count(Person)) > 0) return { created: false };
    await seed(manager, enrolments, today);
    return { created: true };
  });
}

async function seed(manager: EntityManager, enrolments: EnrolmentCommands, today: string): Promise<void> {
  const alliance = await manager.save(
    manager.create(Organisation, { kind: 'alliance', name: 'Wessex Cancer Alliance (demo)' }),
  );
  // The Alliance's information-governance policy, as its privacy notice states it (the host trust is the controller).
  await manager.insert(AlliancePolicy, {
    allianceId: alliance.id,
    retentionYears: 6,
    controllerName: 'University Hospital Southampton NHS Foundation Trust, host of Wessex Cancer Alliance',
    contactEmail: 'information.governance@example.org',
    contactAddress: 'Data Protection Officer\nWessex Cancer Alliance\n1 Example Road\nSouthampton\nSO16 0AA',
    noticeText:
      'Wessex Cancer Alliance runs this programme with the Primary Care Networks of Hampshire, the Isle of Wight, ' +
      'Dorset and south Wiltshire. Questions about the programme itself go to your Alliance supervisor.',
  });
  const pcn = async (name: string) =>
    manager.save(manager.create(Organisation, { kind: 'pcn', name, parentId: alliance.id }));
  const orgs = {
    alliance,
    north: await pcn('North Downs PCN'),
    solent: await pcn('Solent Coast PCN'),
    forest: await pcn('New Forest PCN'),
  };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people = new Map<string, Person>();
  for (const p of PEOPLE) {
    const person = await manager.save(manager.create(Person, { email: p.email, fullName: p.name, passwordHash }));
    await manager.insert(RoleAssignment, { personId: person.id, role: p.role, organisationId: orgs[p.org].id });
    people.set(p.key, person);
  }

  const template = await manager.save(
    manager.create(ProgrammeTemplateVersion, {
      allianceId: alliance.id,
      key: DEFAULT_TEMPLATE.key,
      version: DEFAULT_TEMPLATE.version,
      name: DEFAULT_TEMPLATE.name,
      definition: DEFAULT_TEMPLATE,
    }),
  );
  const startDate = addCalendarMonths(today, -2);
  const cohort = await manager.save(
    manager.create(Cohort, {
      name: `Wessex CCC cohort, ${format(parseISO(startDate), 'MMMM yyyy')}`,
      allianceId: alliance.id,
      templateId: template.id,
      startDate,
      supervisors: [people.get('alex')!, people.get('jo')!],
    }),
  );
  cohort.template = template;

  for (const [ccc, org, pcnSupervisor, allianceSupervisor, track, employedMonths] of ENROLMENTS) {
    await enrolments.enrolInCohort(
      manager,
      cohort,
      {
        cccId: people.get(ccc)!.id,
        pcnId: orgs[org].id,
        pcnSupervisorId: people.get(pcnSupervisor)!.id,
        allianceSupervisorId: people.get(allianceSupervisor)!.id,
        track,
        employmentStart: addCalendarMonths(startDate, employedMonths),
      },
      null,
    );
  }
  await recordDemoHistory(manager, cohort, today, people.get('jamie')!.id, people.get('owen')!.id);
  await recordDemoCompetencies(manager, cohort, people, today);
  await recordDemoOutcomes(manager, cohort, today);
  await recordDemoPastCohort(manager, enrolments, {
    alliance,
    template,
    supervisor: people.get('jo')!,
    passwordHash,
    today,
  });
  await recordDemoGreaterManchester(manager, enrolments, { passwordHash, mover: people.get('jo')!, today });
  // The nation, where the national viewer holds their role (it belongs to no Alliance).
  const nation = await manager.save(manager.create(Organisation, { kind: 'nation', name: 'NHS England' }));
  const viewer = await manager.save(
    manager.create(Person, { email: NATIONAL_DEMO_LOGIN.email, fullName: NATIONAL_DEMO_LOGIN.name, passwordHash }),
  );
  await manager.insert(RoleAssignment, { personId: viewer.id, role: 'national_viewer', organisationId: nation.id });
  await manager.insert(AuditEntry, {
    actorId: null,
    action: 'demo-data.loaded',
    entityType: 'cohort',
    entityId: cohort.id,
    detail: {},
  });
}

/**
 * Months 1 and 2 were held (one of Jamie's sessions was never booked, so it shows as "not held: never booked";
 * Owen was absent from month 1's group supervision, so it shows as "did not attend"); this month's individual
 * sessions are booked a week ahead.
 */
async function recordDemoHistory(
  manager: EntityManager,
  cohort: Cohort,
  today: string,
  neverBookedCccId: string,
  absentCccId: string,
): Promise<void> {
  const sessions = await manager.find(Session, { where: { cohortId: cohort.id }, relations: { enrolment: true } });
  const offsets: Record<string, number> = {
    individual: 2,
    joint: 5,
    tna: 7,
    group: 10,
    teaching: 14,
    handover: 20,
    conference: 21,
  };
  for (const session of sessions) {
    const bounds = monthBounds(cohort.startDate, session.month);
    const skip = session.enrolment?.cccId === neverBookedCccId && session.planItemKey === 'm2-individual';
    // The CCC's own Alliance supervisor leads their sessions; the cohort's first supervisor the shared ones.
    session.leadId = session.enrolment?.allianceSupervisorId ?? cohort.supervisors![0]!.id;
    if (bounds.endsBefore <= today && !skip) {
      session.status = 'completed';
      session.startsAt = meetingTime(bounds.startsOn, offsets[session.kind] ?? 3);
      session.durationMinutes = session.maxMinutes;
    } else if (bounds.startsOn <= today && today < bounds.endsBefore && session.kind === 'individual') {
      session.status = 'scheduled';
      session.startsAt = meetingTime(today, 7);
      session.durationMinutes = session.minMinutes;
    }
  }
  // One by one: saving the array makes TypeORM run the updates concurrently on the transaction's one connection.
  for (const { id, status, startsAt, durationMinutes, leadId } of sessions) {
    if (status !== 'planned')
      await manager.update(Session, id, { status, startsAt, durationMinutes, leadId, meetingLink: DEMO_MEETING_LINK });
  }
  const held = sessions.filter((s) => s.status === 'completed').map((s) => s.id);
  if (held.length > 0) {
    await manager
      .createQueryBuilder()
      .update(SessionAttendance)
      .set({ attendance: 'present' })
      .where('session_id IN (:...held)', { held })
      .execute();
    await manager.query(
      `UPDATE session_attendance a SET attendance = 'absent'
         FROM session s, enrolment e
        WHERE s.id = a.session_id AND e.id = a.enrolment_id AND s.id = ANY($1::uuid[])
          AND s.plan_item_key = 'm1-group' AND e.ccc_id = $2`,
      [held, absentCccId],
    );
    // The PCN supervisor joined the joint sessions that were held.
    await manager.query(
      `UPDATE session SET staff_attendance = '{"pcn_supervisor": "present", "alliance_supervisor": "present"}'::jsonb
        WHERE id = ANY($1::uuid[]) AND participants ? 'pcn_supervisor'`,
      [held],
    );
  }
  await recordDemoRelease(manager, sessions, today);
}

/**
 * Release time as the app would have made it: a request per booked session and CCC (held ones confirmed by the
 * PCN supervisor), and weekly study time the CCCs logged over the last 8 weeks, one week short, this week's
 * still waiting for the PCN supervisor.
 */
async function recordDemoRelease(manager: EntityManager, sessions: Session[], today: string): Promise<void> {
  const registers = await manager.find(SessionAttendance, { where: { sessionId: In(sessions.map((s) => s.id)) } });
  for (const session of sessions.filter((s) => s.status !== 'planned')) {
    const enrolmentIds = registers.filter((r) => r.sessionId === session.id).map((r) => r.enrolmentId);
    await syncReleaseForSession(manager, session, enrolmentIds);
  }
  const enrolments = await manager.find(Enrolment, { relations: { cohort: true } });
  await manager.query(
    `UPDATE release_request r SET status = 'confirmed', decided_by_id = e.pcn_supervisor_id, decided_at = now()
       FROM session s, enrolment e
      WHERE r.session_id = s.id AND s.status = 'completed' AND e.id = r.enrolment_id`,
  );
  const rows: QueryDeepPartialEntity<ReleaseRequest>[] = [];
  for (const enrolment of enrolments) {
    for (let week = 7; week >= 0; week--) {
      const date = addCalendarDays(today, -7 * week);
      if (date < enrolment.cohort!.startDate) continue;
      // Sam Taylor's study time fell short three weeks ago; everyone's this week waits for confirmation.
      const short = week === 3 && enrolment.track === 'supervision';
      rows.push({
        enrolmentId: enrolment.id,
        kind: 'study',
        date,
        minutes: short ? 45 : 60 + 15 * (week % 3),
        description: ['e-LfH ACCEND module', 'Macmillan Explore', 'Personalised Care Institute course'][week % 3]!,
        status: week === 0 ? 'pending' : 'confirmed',
        decidedById: week === 0 ? null : enrolment.pcnSupervisorId,
        decidedAt: week === 0 ? null : () => 'now()',
      });
    }
  }
  if (rows.length > 0) await manager.insert(ReleaseRequest, rows);
}
