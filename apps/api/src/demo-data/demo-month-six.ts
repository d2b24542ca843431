import { TZDate } from '@date-fns/tz';
import {
  addCalendarMonths,
  type FreeTextAnswer,
  type LikertLevel,
  monthBounds,
  PROGRAMME_TIME_ZONE,
  type ProgrammeTemplate,
} from '@ccc/programme';
import { addDays, format, parseISO } from 'date-fns';
import type { EntityManager } from 'typeorm';
import { Cohort } from '../cohorts/cohort.entity';
import type { EnrolmentCommands } from '../enrolments/enrolment-commands.service';
import { Enrolment } from '../enrolments/enrolment.entity';
import { EvaluationResponse } from '../month-six/evaluation-response.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { HandoverInterview } from '../month-six/handover-interview.entity';
import { OutcomeCount } from '../month-six/outcome-count.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Person } from '../people/person.entity';
import { RoleAssignment } from '../people/role-assignment.entity';
import type { ProgrammeTemplateVersion } from '../programmes/programme-template.entity';

/*
 * An earlier cohort that has finished, so the cohort report has something to show: five CCCs completed (every
 * session held, the handover signed by the three parties, the survey answered, six months of outcome counts) and
 * one withdrawn after month 3. In a PCN of its own, so the current cohort's demo people see nothing new.
 */

const PAST_CCCS: { email: string; name: string; withdrawn?: true }[] = [
  { email: 'ccc.pilot1@example.org', name: 'Rosa Lane' },
  { email: 'ccc.pilot2@example.org', name: 'Ben Hughes' },
  { email: 'ccc.pilot3@example.org', name: 'Maya Patel' },
  { email: 'ccc.pilot4@example.org', name: 'Idris Evans' },
  { email: 'ccc.pilot5@example.org', name: 'Nina Shah' },
  { email: 'ccc.pilot6@example.org', name: 'Leo Ward', withdrawn: true },
];

const CCC_ANSWERS: Record<string, LikertLevel>[] = [
  {
    'supervision-supported-me': 'strongly_agree',
    'training-increased-knowledge': 'agree',
    'competencies-guided-development': 'agree',
    'connected-with-colleagues': 'strongly_agree',
    'released-as-agreed': 'agree',
    'confident-in-role': 'agree',
    'would-recommend': 'strongly_agree',
  },
  {
    'supervision-supported-me': 'agree',
    'training-increased-knowledge': 'strongly_agree',
    'competencies-guided-development': 'neither',
    'connected-with-colleagues': 'strongly_agree',
    'released-as-agreed': 'disagree',
    'confident-in-role': 'agree',
    'would-recommend': 'agree',
  },
  {
    'supervision-supported-me': 'strongly_agree',
    'training-increased-knowledge': 'agree',
    'competencies-guided-development': 'agree',
    'connected-with-colleagues': 'agree',
    'released-as-agreed': 'agree',
    'confident-in-role': 'strongly_agree',
    'would-recommend': 'strongly_agree',
  },
  {
    'supervision-supported-me': 'agree',
    'training-increased-knowledge': 'agree',
    'competencies-guided-development': 'disagree',
    'connected-with-colleagues': 'strongly_agree',
    'released-as-agreed': 'neither',
    'confident-in-role': 'neither',
    'would-recommend': 'agree',
  },
  {
    'supervision-supported-me': 'strongly_agree',
    'training-increased-knowledge': 'strongly_agree',
    'connected-with-colleagues': 'agree',
    'released-as-agreed': 'agree',
    'confident-in-role': 'agree',
    'would-recommend': 'strongly_agree',
  },
];

// Quotes in the spirit of the development days' feedback (shared/seeds/wessex-mdt-coordinator-development-days.txt).
const CCC_TEXT: Record<string, FreeTextAnswer>[] = [
  {
    'most-valuable': {
      text: 'Connecting with the other CCCs, nice to put faces to names and share ways of working',
      mayQuote: true,
    },
    'work-differently': { text: 'Recall patients for their Cancer Care Review before the deadline', mayQuote: true },
  },
  { 'most-valuable': { text: 'Having a supervisor outside the practice to talk cases through', mayQuote: true } },
  {
    'most-valuable': { text: 'The eHNA teaching session', mayQuote: false },
    'future-programmes': { text: 'More input from consultants and site-specific speakers', mayQuote: true },
  },
  { 'future-programmes': { text: 'Protected time agreed with the practice manager from day one', mayQuote: true } },
  {},
];

const PCN_ANSWERS: Record<string, LikertLevel>[] = [
  { 'role-met-pcn-priorities': 'agree', 'reduced-workload': 'strongly_agree', 'joint-sessions-useful': 'agree' },
  { 'role-met-pcn-priorities': 'strongly_agree', 'reduced-workload': 'agree', 'ready-to-supervise': 'agree' },
  { 'role-met-pcn-priorities': 'agree', 'reduced-workload': 'agree', 'joint-sessions-useful': 'neither' },
  { 'role-met-pcn-priorities': 'agree', 'reduced-workload': 'disagree', 'ready-to-supervise': 'agree' },
  { 'role-met-pcn-priorities': 'agree', 'reduced-workload': 'agree', 'would-recommend': 'agree' },
];

/** 10:00 in London, `days` after a date. */
function at(date: string, days: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return addDays(TZDate.tz(PROGRAMME_TIME_ZONE, y, m - 1, d, 10, 0), days);
}

export async function recordDemoPastCohort(
  manager: EntityManager,
  enrolments: EnrolmentCommands,
  context: {
    alliance: Organisation;
    template: ProgrammeTemplateVersion;
    supervisor: Person;
    passwordHash: string;
    today: string;
  },
): Promise<void> {
  const { alliance, template, supervisor, passwordHash, today } = context;
  const definition: ProgrammeTemplate = template.definition;
  const pcn = await manager.save(
    manager.create(Organisation, { kind: 'pcn', name: 'Test Valley PCN', parentId: alliance.id }),
  );
  const grace = await manager.save(
    manager.create(Person, { email: 'pcn.supervisor4@example.org', fullName: 'Grace Okafor', passwordHash }),
  );
  await manager.insert(RoleAssignment, { personId: grace.id, role: 'pcn_supervisor', organisationId: pcn.id });

  const startDate = addCalendarMonths(today, -8);
  const cohort = await manager.save(
    manager.create(Cohort, {
      name: `Wessex CCC pilot cohort, ${format(parseISO(startDate), 'MMMM yyyy')}`,
      allianceId: alliance.id,
      templateId: template.id,
      startDate,
      supervisors: [supervisor],
    }),
  );
  cohort.template = template;

  const ids: string[] = [];
  for (const ccc of PAST_CCCS) {
    const person = await manager.save(manager.create(Person, { email: ccc.email, fullName: ccc.name, passwordHash }));
    await manager.insert(RoleAssignment, { personId: person.id, role: 'ccc', organisationId: pcn.id });
    ids.push(
      await enrolments.enrolInCohort(
        manager,
        cohort,
        {
          cccId: person.id,
          pcnId: pcn.id,
          pcnSupervisorId: grace.id,
          allianceSupervisorId: supervisor.id,
          track: 'supervision',
          employmentStart: addCalendarMonths(startDate, -1),
        },
        null,
      ),
    );
  }
  const withdrawn = ids[PAST_CCCS.findIndex((c) => c.withdrawn)]!;
  const completed = ids.filter((id) => id !== withdrawn);

  // Every session held in its month, except the withdrawn CCC's own after month 3; Nina missed two groups.
  await manager.query(
    `UPDATE session s SET status = 'completed', lead_id = $2, meeting_link = 'https://meet.example.org/ccc-pilot',
            starts_at = (b.starts_on + (CASE s.kind WHEN 'individual' THEN 2 WHEN 'joint' THEN 5 WHEN 'tna' THEN 7
                          WHEN 'group' THEN 10 WHEN 'teaching' THEN 14 WHEN 'handover' THEN 20 ELSE 21 END)
                        + time '10:00') AT TIME ZONE 'Europe/London',
            duration_minutes = s.max_minutes,
            staff_attendance = CASE WHEN s.participants ? 'pcn_supervisor'
              THEN '{"pcn_supervisor": "present", "alliance_supervisor": "present"}'::jsonb
              ELSE '{"alliance_supervisor": "present"}'::jsonb END
       FROM (SELECT m AS month, ($3::date + make_interval(months => m - 1))::date AS starts_on
               FROM generate_series(1, $4::int) AS m) b
      WHERE s.cohort_id = $1 AND b.month = s.month AND (s.enrolment_id IS DISTINCT FROM $5 OR s.month <= 3)`,
    [cohort.id, supervisor.id, startDate, definition.durationMonths, withdrawn],
  );
  await manager.query(
    `UPDATE session_attendance a
        SET attendance = CASE WHEN a.enrolment_id = $2 AND s.kind = 'group' AND s.month IN (2, 4) THEN 'absent'
                              WHEN a.enrolment_id = $3 AND s.month > 3 THEN 'expected' ELSE 'present' END
       FROM session s WHERE s.id = a.session_id AND s.cohort_id = $1 AND s.status = 'completed'`,
    [cohort.id, ids[4], withdrawn],
  );
  // The wider support workforce at the pilot's conference (no programme accounts), four of five came.
  await manager.query(
    `INSERT INTO workforce_attendee (session_id, full_name, role, organisation, email, attendance)
     SELECT s.id, w.full_name, w.role, w.organisation, w.email, w.attendance
       FROM session s,
            (VALUES ('Dana Price', 'care_navigator', 'Test Valley Surgery', 'dana.price@example.org', 'present'),
                    ('Omar Reid', 'social_prescriber', 'Test Valley PCN', 'omar.reid@example.org', 'present'),
                    ('Elle Shaw', 'cancer_support_worker', 'Wessex Hospice', 'elle.shaw@example.org', 'present'),
                    ('Finn Cole', 'health_care_assistant', 'Andover Road Practice', 'finn.cole@example.org', 'present'),
                    ('Gita Rao', 'therapy_assistant', 'Test Valley Community Therapy', 'gita.rao@example.org', 'apologies'))
              AS w (full_name, role, organisation, email, attendance)
      WHERE s.cohort_id = $1 AND s.kind = 'conference' AND s.enrolment_id IS NULL`,
    [cohort.id],
  );
  // Release for each held session, confirmed by the PCN supervisor.
  await manager.query(
    `INSERT INTO release_request (enrolment_id, kind, session_id, date, minutes, description, status, decided_by_id, decided_at)
     SELECT a.enrolment_id, CASE WHEN s.kind IN ('teaching', 'conference') THEN 'training' ELSE 'session' END, s.id,
            (s.starts_at AT TIME ZONE 'Europe/London')::date, s.duration_minutes, s.title, 'confirmed', $2, s.starts_at
       FROM session_attendance a JOIN session s ON s.id = a.session_id
      WHERE s.cohort_id = $1 AND s.status = 'completed' AND a.attendance = 'present'`,
    [cohort.id, grace.id],
  );

  const end = monthBounds(startDate, definition.durationMonths).endsBefore;
  for (const [i, id] of completed.entries()) {
    const signedAt = at(monthBounds(startDate, definition.durationMonths).startsOn, 21);
    await manager.insert(HandoverInterview, {
      enrolmentId: id,
      pcnPriorities: 'Cancer Care Reviews within 12 months of diagnosis; bowel screening uptake; safety netting',
      roleDevelopment: [
        'Runs the Cancer Care Review recall and prepares patients for their review',
        'Leads the bowel screening non-responder calls across the practices',
        'Audits the safety-netting process and follows up FIT results',
        'Coordinates the palliative care register and the GSF meetings',
        'Signposts patients to the social prescriber and local support',
      ][i]!,
      trainingAgreed: [
        {
          kind: 'course',
          title: 'e-LfH ACCEND Programme',
          courseKey: 'elfh-accend',
          targetMonth: 3,
          competencyCodes: [],
        },
        { kind: 'free', title: 'Psychological support level 2', courseKey: null, targetMonth: 6, competencyCodes: [] },
      ],
      followOnSupervisorName: 'Grace Okafor, PCN operations manager',
      appraisalDate: addCalendarMonths(startDate, 11),
      roleEvaluation: 'The role has become the practices\u2019 single point of contact for people affected by cancer',
      cccSignedAt: signedAt,
      pcnSignedAt: signedAt,
      allianceSignedAt: signedAt,
    });
    await manager.query(
      `UPDATE handover_interview h SET ccc_signed_by_id = e.ccc_id, pcn_signed_by_id = e.pcn_supervisor_id,
              alliance_signed_by_id = e.alliance_supervisor_id
         FROM enrolment e WHERE e.id = h.enrolment_id AND h.enrolment_id = $1`,
      [id],
    );
    await manager.update(Enrolment, { id }, { status: 'completed', statusChangedAt: at(end, -8) });
    const ccc = (await manager.findOneByOrFail(Enrolment, { id })).cccId;
    await manager.insert(EvaluationResponse, [
      {
        enrolmentId: id,
        personId: ccc,
        respondent: 'ccc',
        status: 'submitted',
        likert: CCC_ANSWERS[i]!,
        freeText: CCC_TEXT[i]!,
        submittedAt: at(end, -5),
      },
      {
        enrolmentId: id,
        personId: grace.id,
        respondent: 'pcn_supervisor',
        status: 'submitted',
        likert: PCN_ANSWERS[i]!,
        freeText:
          i === 0
            ? { 'most-valuable': { text: 'A single point of contact for our cancer patients', mayQuote: true } }
            : {},
        submittedAt: at(end, -4),
      },
    ]);
  }
  // One was signed off too early and reopened by the administrator before being signed again (#15 item 1): its
  // history shows completed, reopened with the reason, completed (stamped when the demo loads, like its enrolment).
  const [admin] = (await manager.query(`SELECT id FROM person WHERE email = 'admin@example.org'`)) as { id: string }[];
  const reopenedId = completed[0]!;
  await manager.insert(AuditEntry, [
    {
      actorId: supervisor.id,
      action: 'enrolment.completed',
      entityType: 'enrolment',
      entityId: reopenedId,
      detail: { from: 'active', to: 'completed' },
    },
    {
      actorId: admin?.id ?? null,
      action: 'enrolment.reopened',
      entityType: 'enrolment',
      entityId: reopenedId,
      detail: {
        reason: 'Signed before the final interview was held; reopened for the three parties to sign again',
        before: { status: 'completed', statusReason: null },
        after: { status: 'active', statusReason: null },
      },
    },
    {
      actorId: supervisor.id,
      action: 'enrolment.completed',
      entityType: 'enrolment',
      entityId: reopenedId,
      detail: { from: 'active', to: 'completed' },
    },
  ]);
  await manager.update(
    Enrolment,
    { id: withdrawn },
    {
      status: 'withdrawn',
      statusReason: 'Moved to a hospital post',
      statusChangedAt: at(monthBounds(startDate, 4).startsOn, 3),
    },
  );

  // Six months of counts for those who completed, three for the one who left.
  const counts: Partial<OutcomeCount>[] = [];
  for (const [i, id] of ids.entries()) {
    const months = id === withdrawn ? 3 : definition.durationMonths;
    for (let month = 1; month <= months; month++) {
      const reviews = 4 + ((i * 3 + month * 2) % 7);
      counts.push(
        { enrolmentId: id, month, measureId: 'cancer-care-reviews', count: reviews },
        { enrolmentId: id, month, measureId: 'reviews-audited', count: Math.floor(reviews / 4) },
        { enrolmentId: id, month, measureId: 'social-prescriber-referrals', count: (i + month) % 4 },
      );
    }
  }
  const cccOf = new Map(
    (await manager.findBy(Enrolment, { cohortId: cohort.id })).map((e) => [e.id, e.cccId] as const),
  );
  await manager.insert(
    OutcomeCount,
    counts.map((c) => ({ ...c, recordedById: cccOf.get(c.enrolmentId!)! })),
  );
}

/** The current cohort's supervision-track CCCs have logged the counts of the months that have ended. */
export async function recordDemoOutcomes(manager: EntityManager, cohort: Cohort, today: string): Promise<void> {
  const rows = await manager.findBy(Enrolment, { cohortId: cohort.id, track: 'supervision' });
  const counts: Partial<OutcomeCount>[] = [];
  for (const [i, { id: enrolmentId, cccId: recordedById }] of rows.entries()) {
    for (let month = 1; monthBounds(cohort.startDate, month).endsBefore <= today; month++) {
      const entry = { enrolmentId, recordedById, month };
      counts.push(
        { ...entry, measureId: 'cancer-care-reviews', count: 3 + i + month },
        { ...entry, measureId: 'reviews-audited', count: month % 2 },
        { ...entry, measureId: 'social-prescriber-referrals', count: (i + month) % 3 },
      );
    }
  }
  if (counts.length > 0) await manager.insert(OutcomeCount, counts);
}
