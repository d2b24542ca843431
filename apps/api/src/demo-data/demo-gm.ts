import { addCalendarMonths, GM_TEMPLATE } from '@ccc/programme';
import { format, parseISO } from 'date-fns';
import type { EntityManager } from 'typeorm';
import { Cohort } from '../cohorts/cohort.entity';
import type { EnrolmentCommands } from '../enrolments/enrolment-commands.service';
import { Organisation } from '../organisations/organisation.entity';
import { Person } from '../people/person.entity';
import { RoleAssignment } from '../people/role-assignment.entity';
import { AlliancePolicy } from '../privacy/alliance-policy.entity';
import { ProgrammeTemplateVersion } from '../programmes/programme-template.entity';

/** Greater Manchester's logins: a second Alliance, on its own 18-month programme. */
export const GM_DEMO_LOGINS = [
  { role: 'Programme administrator (Greater Manchester)', email: 'admin.gm@example.org', name: 'Dana Hughes' },
  { role: 'CCC on the 18-month GM programme', email: 'ccc.gm@example.org', name: 'Leah Byrne' },
];

/**
 * A second Alliance with a programme of its own: Greater Manchester, on the 18-month template shaped like its pilot,
 * with its own administrator, PCN supervisor and CCC. Jo Whitfield, a Wessex supervisor, also supervises here (a
 * supervisor who moved): she chooses which Alliance she acts in.
 */
export async function recordDemoGreaterManchester(
  manager: EntityManager,
  enrolments: EnrolmentCommands,
  context: { passwordHash: string; mover: Person; today: string },
): Promise<void> {
  const { passwordHash, mover, today } = context;
  const alliance = await manager.save(
    manager.create(Organisation, { kind: 'alliance', name: 'Greater Manchester Cancer Alliance (demo)' }),
  );
  await manager.insert(AlliancePolicy, {
    allianceId: alliance.id,
    retentionYears: 8,
    controllerName: 'The Christie NHS Foundation Trust, host of Greater Manchester Cancer Alliance',
    contactEmail: 'gm.information.governance@example.org',
    contactAddress:
      'Data Protection Officer\nGreater Manchester Cancer Alliance\n2 Example Street\nManchester\nM20 4BX',
    noticeText: 'Greater Manchester Cancer Alliance runs an 18-month programme for CCCs new in post.',
  });
  const bolton = await manager.save(
    manager.create(Organisation, { kind: 'pcn', name: 'Bolton Central PCN', parentId: alliance.id }),
  );
  const person = async (email: string, fullName: string, role: RoleAssignment['role'], organisationId: string) => {
    const saved = await manager.save(manager.create(Person, { email, fullName, passwordHash }));
    await manager.insert(RoleAssignment, { personId: saved.id, role, organisationId });
    return saved;
  };
  const [admin, ccc] = GM_DEMO_LOGINS;
  await person(admin!.email, admin!.name, 'admin', alliance.id);
  const ravi = await person('pcn.supervisor.gm@example.org', 'Ravi Shah', 'pcn_supervisor', bolton.id);
  const leah = await person(ccc!.email, ccc!.name, 'ccc', bolton.id);
  // Given after her Wessex role (the whole demo is one transaction, so one now()): Wessex stays her default.
  await manager
    .createQueryBuilder()
    .insert()
    .into(RoleAssignment)
    .values({
      personId: mover.id,
      role: 'alliance_supervisor',
      organisationId: alliance.id,
      createdAt: () => "now() + interval '1 minute'",
    })
    .execute();

  const template = await manager.save(
    manager.create(ProgrammeTemplateVersion, {
      allianceId: alliance.id,
      key: GM_TEMPLATE.key,
      version: GM_TEMPLATE.version,
      name: GM_TEMPLATE.name,
      definition: GM_TEMPLATE,
    }),
  );
  const startDate = addCalendarMonths(today, -4);
  const cohort = await manager.save(
    manager.create(Cohort, {
      name: `Greater Manchester CCC programme, ${format(parseISO(startDate), 'MMMM yyyy')}`,
      allianceId: alliance.id,
      templateId: template.id,
      startDate,
      supervisors: [mover],
    }),
  );
  cohort.template = template;
  await enrolments.enrolInCohort(
    manager,
    cohort,
    {
      cccId: leah.id,
      pcnId: bolton.id,
      pcnSupervisorId: ravi.id,
      allianceSupervisorId: mover.id,
      track: 'supervision',
      employmentStart: addCalendarMonths(startDate, -1),
    },
    null,
  );
}
