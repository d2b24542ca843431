import { type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { groupBy } from '../common/group-by';
import { CompetencyEvidence } from '../competencies/competency-evidence.entity';
import { CompetencyProgress } from '../competencies/competency-progress.entity';
import { CompetencyReview } from '../competencies/competency-review.entity';
import { Tna, TnaRating } from '../competencies/tna.entity';
import { TrainingPlanItem } from '../competencies/training-plan-item.entity';
import { Draft } from '../drafts/draft.entity';
import { Attestation } from '../expectations/attestation.entity';
import { EnrolmentAmendment } from '../month-six/enrolment-amendment.entity';
import { EvaluationResponse } from '../month-six/evaluation-response.entity';
import { HandoverInterview } from '../month-six/handover-interview.entity';
import { OutcomeCount } from '../month-six/outcome-count.entity';
import { NotificationPreference } from '../notifications/notification-preference.entity';
import { Notification } from '../notifications/notification.entity';
import { ReleaseRequest } from '../release-time/release-request.entity';
import { AgreedActionEntity } from '../sessions/agreed-action.entity';
import { SessionAttendance } from '../sessions/session-attendance.entity';
import { Session } from '../sessions/session.entity';
import { readAuditTrail, readAuthored, readSingleSignOn } from './subject-access-authored';

export type Row = Record<string, unknown>;

export const SUBJECT_ACCESS_FORMAT = 'ccc-subject-access/1';

/**
 * `evidence/<id>-<name>`: the person's own name for the file, letters of any script and spaces included (the ZIP
 * marks names as UTF-8), but never a path, a hidden file or a control or punctuation character.
 */
export function archivePathOf(file: { id: string; fileName: string }): string {
  const name =
    [...file.fileName.replace(/[^\p{L}\p{M}\p{N} ._()-]+/gu, '_').replace(/^[ ._]+/, '')].slice(-100).join('').trim() ||
    'file';
  return `evidence/${file.id}-${name}`;
}

export type SubjectAccessQuery = <T = Row>(sql: string, params?: unknown[]) => Promise<T[]>;

/** The nil UUID: no person has it, so a query for it finds nothing (and still runs: a fixed count). */
const NO_PERSON = '00000000-0000-0000-0000-000000000000';

/** Unbooked sessions after the booked ones of their month. */
const bookedAt = (s: Session) => s.startsAt?.getTime() ?? Number.MAX_SAFE_INTEGER;

/** E-mails may hold a one-time link (to set a password, to answer a request): a credential, so never exported. */
const withoutLinks = (text: string) => text.replace(/https?:\/\/\S+/g, '[link removed]');

/** Rows of an entity whose `column` is one of `ids`; a query even for none, so the count stays fixed. */
function rowsWhereIn<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  column: string,
  ids: string[],
  order: string,
): Promise<T[]> {
  return m
    .getRepository(entity)
    .createQueryBuilder('r')
    .where(`r.${column} = ANY(CAST(:ids AS uuid[]))`, { ids })
    .orderBy(`r.${order}`, 'ASC')
    .addOrderBy('r.id', 'ASC')
    .getMany();
}

/**
 * The read model of the export: everything the service holds about a person (bounded to the requester's
 * Alliance unless it is their own), read in the caller's snapshot with a fixed number of queries.
 */
export async function collectSubjectAccess(m: EntityManager, personId: string, requester: AuthUser, now: Date) {
  const one = [personId];
  // The person's own export holds everything; an administrator's only what their Alliance holds (null: no bound).
  const scope = requester.id === personId ? null : requester.allianceId;
  const scoped = [personId, scope];
  const q = <T = Row>(sql: string, params: unknown[] = one) => m.query<T[]>(sql, params);
  /** `$2` is the Alliance bound: enrolments of it (or all, unbounded). */
  const enrolmentInScope = `(SELECT se.id FROM enrolment se JOIN cohort sc ON sc.id = se.cohort_id
                              WHERE $2::uuid IS NULL OR sc.alliance_id = $2)`;
  const inScope = (column: string) => `${column} IN ${enrolmentInScope}`;

  const [person] = await q(
    `SELECT id, full_name AS "fullName", email, password_hash IS NOT NULL AS "passwordSet",
            created_at AS "createdAt", updated_at AS "updatedAt", version
       FROM person WHERE id = $1`,
  );
  const roleAssignments = await q(
    `SELECT ra.id, ra.role, ra.organisation_id AS "organisationId", o.name AS "organisationName",
            o.kind AS "organisationKind", a.name AS "allianceName", ra.created_at AS "createdAt"
       FROM role_assignment ra JOIN organisation o ON o.id = ra.organisation_id
       LEFT JOIN organisation a ON a.id = o.alliance_id
      WHERE ra.person_id = $1 AND ($2::uuid IS NULL OR o.alliance_id = $2) ORDER BY ra.created_at, ra.id`,
    scoped,
  );

  // Roles offered to the person by e-mail, answered or not.
  const roleOffers = await q(
    `SELECT id, role, organisation_id AS "organisationId", full_name AS "fullNameAsInvited", email,
            employment_start::text AS "employmentStart", created_at AS "createdAt", accepted_at AS "acceptedAt", declined_at AS "declinedAt"
       FROM role_offer WHERE person_id = $1 AND ($2::uuid IS NULL OR alliance_id = $2) ORDER BY created_at, id`,
    scoped,
  );

  // The enrolments where the person is the CCC, and everything recorded under them.
  const enrolmentRows = await q<Row & { id: string }>(
    `SELECT e.id, e.cohort_id AS "cohortId", c.name AS "cohortName", c.start_date::text AS "cohortStartDate",
            a.name AS "allianceName", e.pcn_id AS "pcnId", pcn.name AS "pcnName", e.track,
            e.employment_start::text AS "employmentStart", e.status, e.status_reason AS "statusReason",
            e.status_changed_at AS "statusChangedAt", e.status_changed_by_id AS "statusChangedById",
            e.pcn_supervisor_id AS "pcnSupervisorId", ps.full_name AS "pcnSupervisorName",
            e.alliance_supervisor_id AS "allianceSupervisorId", s.full_name AS "allianceSupervisorName",
            e.created_at AS "createdAt", e.updated_at AS "updatedAt", e.version
       FROM enrolment e JOIN cohort c ON c.id = e.cohort_id JOIN organisation a ON a.id = c.alliance_id
       JOIN organisation pcn ON pcn.id = e.pcn_id
       LEFT JOIN person ps ON ps.id = e.pcn_supervisor_id LEFT JOIN person s ON s.id = e.alliance_supervisor_id
      WHERE e.ccc_id = $1 AND ($2::uuid IS NULL OR c.alliance_id = $2) ORDER BY c.start_date, e.id`,
    scoped,
  );
  const enrolmentIds = enrolmentRows.map((e) => e.id);
  const byEnrolment = <T extends { enrolmentId: string }>(rows: T[]) => groupBy(rows, (r) => r.enrolmentId);

  const attendances = await rowsWhereIn(m, SessionAttendance, 'enrolment_id', enrolmentIds, 'createdAt');
  // In the programme's order: by month, then by when each is booked for.
  const sessions = (
    await rowsWhereIn(
      m,
      Session,
      'id',
      attendances.map((a) => a.sessionId),
      'month',
    )
  ).sort((a, b) => a.month - b.month || bookedAt(a) - bookedAt(b));
  const actions = await rowsWhereIn(
    m,
    AgreedActionEntity,
    'session_id',
    sessions.map((s) => s.id),
    'dueDate',
  );
  const releaseRequests = await rowsWhereIn(m, ReleaseRequest, 'enrolment_id', enrolmentIds, 'date');
  const attestations = await rowsWhereIn(m, Attestation, 'enrolment_id', enrolmentIds, 'createdAt');
  const progress = await rowsWhereIn(m, CompetencyProgress, 'enrolment_id', enrolmentIds, 'competencyCode');
  const progressIds = progress.map((p) => p.id);
  const evidence = await rowsWhereIn(m, CompetencyEvidence, 'progress_id', progressIds, 'createdAt');
  const reviews = await rowsWhereIn(m, CompetencyReview, 'progress_id', progressIds, 'createdAt');
  // The files' content too: the archive holds every byte given as evidence or as a certificate.
  const fileRows = await q<{
    id: string;
    enrolmentId: string;
    fileName: string;
    contentType: string;
    sizeBytes: number;
    sha256: string;
    uploadedById: string;
    createdAt: Date;
    content: Buffer;
  }>(
    `SELECT id, enrolment_id AS "enrolmentId", file_name AS "fileName", content_type AS "contentType",
            size_bytes AS "sizeBytes", sha256, uploaded_by_id AS "uploadedById", created_at AS "createdAt", content
       FROM evidence_file WHERE enrolment_id = ANY($1::uuid[]) ORDER BY created_at, id`,
    [enrolmentIds],
  );
  const tnas = await rowsWhereIn(m, Tna, 'enrolment_id', enrolmentIds, 'round');
  const tnaRatings = await rowsWhereIn(
    m,
    TnaRating,
    'tna_id',
    tnas.map((t) => t.id),
    'competencyCode',
  );
  const trainingPlan = await rowsWhereIn(m, TrainingPlanItem, 'enrolment_id', enrolmentIds, 'targetMonth');
  const handovers = await rowsWhereIn(m, HandoverInterview, 'enrolment_id', enrolmentIds, 'createdAt');
  const outcomes = await rowsWhereIn(m, OutcomeCount, 'enrolment_id', enrolmentIds, 'month');
  const amendments = await rowsWhereIn(m, EnrolmentAmendment, 'enrolment_id', enrolmentIds, 'createdAt');

  // The person's own things, whatever their role.
  const evaluationResponses = (await rowsWhereIn(m, EvaluationResponse, 'person_id', one, 'createdAt')).filter(
    (r) => scope === null || enrolmentIds.includes(r.enrolmentId),
  );
  // Account-wide records (not held for one Alliance) are in the person's own export only: the same for every
  // administrator's export, so it says nothing about whether the person is known elsewhere.
  const own = scope === null ? personId : null;
  const drafts = await m.getRepository(Draft).find({ where: { personId: own ?? NO_PERSON }, order: { key: 'ASC' } });
  const notifications = await rowsWhereIn(m, Notification, 'person_id', [own ?? NO_PERSON], 'createdAt');
  const preference = own ? await m.getRepository(NotificationPreference).findOneBy({ personId: own }) : null;
  const calendarFeeds = await q(
    `SELECT id, created_at AS "createdAt", revoked_at AS "revokedAt"
       FROM calendar_feed WHERE person_id = $1 ORDER BY created_at, id`,
    [own ?? NO_PERSON],
  );
  const signInSessions = await q(
    `SELECT s.id, s.created_at AS "startedAt", s.revoked_at AS "endedAt", s.revoked_reason AS "endedBecause",
            count(t.id)::int AS "tokensIssued", max(t.created_at) AS "lastRenewedAt"
       FROM auth_session s LEFT JOIN refresh_token t ON t.session_id = s.id
      WHERE s.person_id = $1 AND ($2::uuid IS NULL OR s.alliance_id = $2)
      GROUP BY s.id ORDER BY s.created_at, s.id`,
    scoped,
  );
  const actionLinks = await q(
    `SELECT id, purpose, target_id AS "targetId", created_at AS "createdAt", expires_at AS "expiresAt",
            used_at AS "usedAt", revoked_at AS "revokedAt"
       FROM action_link WHERE person_id = $1 ORDER BY created_at, id`,
    [own ?? NO_PERSON],
  );
  const emails = (
    await q<Row & { body: string }>(
      `SELECT id, to_email AS "toEmail", subject, body, calendar, created_at AS "createdAt", sent_at AS "sentAt",
              attempts, last_attempt_at AS "lastAttemptAt", last_error AS "lastError"
         FROM outbox_message WHERE to_person_id = $1 ORDER BY created_at, id`,
      [own ?? NO_PERSON],
    )
  ).map((e) => ({ ...e, body: withoutLinks(e.body) }));

  // What the person wrote or acts on for others, and their single sign-on.
  const authored = await readAuthored(q, scoped, inScope);
  const singleSignOn = await readSingleSignOn(q, scoped);

  // The audit trail: entries the person made, and entries about them or one of their records. Shared sessions
  // are left out of the second: their entries are about every CCC of the group.
  const subjects: [string, string[]][] = [
    ['enrolment', enrolmentIds],
    ['session', sessions.filter((s) => !s.sharedByCohort).map((s) => s.id)],
    ['release_request', releaseRequests.map((r) => r.id)],
    ['competency_progress', progressIds],
    ['tna', tnas.map((t) => t.id)],
    ['training_plan_item', trainingPlan.map((i) => i.id)],
    ['handover_interview', handovers.map((h) => h.id)],
    ['evaluation_response', evaluationResponses.map((r) => r.id)],
    ['calendar_feed', calendarFeeds.map((f) => f['id'] as string)],
    ['auth_session', signInSessions.map((s) => s['id'] as string)],
  ];
  const auditEntries = await readAuditTrail(q, scoped, subjects, authored);

  // Names of the other people the record mentions (reviewers, session leads, who decided), in one query.
  const mentioned = new Set<string>();
  for (const id of [
    ...sessions.map((s) => s.leadId),
    ...releaseRequests.map((r) => r.decidedById),
    ...attestations.map((a) => a.attestedById),
    ...evidence.map((e) => e.submittedById),
    ...reviews.map((r) => r.reviewerId),
    ...amendments.map((a) => a.amendedById),
    ...enrolmentRows.map((e) => e['statusChangedById'] as string | null),
  ])
    if (id && id !== personId) mentioned.add(id);
  const names = new Map(
    (
      await q<{ id: string; fullName: string }>(
        `SELECT id, full_name AS "fullName" FROM person WHERE id = ANY($1::uuid[])`,
        [[...mentioned]],
      )
    ).map((p) => [p.id, p.fullName]),
  );
  const nameOf = (id: string | null) => (id === null ? null : id === personId ? person!['fullName'] : names.get(id));

  const files = fileRows.map(({ content, ...file }) => ({ ...file, archivePath: archivePathOf(file), content }));
  const fileMeta = new Map(files.map(({ content: _content, ...file }) => [file.id, file]));
  const attendanceOf = new Map(attendances.map((a) => [`${a.sessionId}:${a.enrolmentId}`, a]));
  const actionsBySession = groupBy(actions, (a) => a.sessionId);
  const evidenceByProgress = groupBy(evidence, (e) => e.progressId);
  const reviewsByProgress = groupBy(reviews, (r) => r.progressId);
  const ratingsByTna = groupBy(tnaRatings, (r) => r.tnaId);
  const releaseByEnrolment = byEnrolment(releaseRequests);
  const attestationsByEnrolment = byEnrolment(attestations);
  const progressByEnrolment = byEnrolment(progress);
  const filesByEnrolment = byEnrolment([...fileMeta.values()]);
  const tnasByEnrolment = byEnrolment(tnas);
  const planByEnrolment = byEnrolment(trainingPlan);
  const handoverByEnrolment = new Map(handovers.map((h) => [h.enrolmentId, h]));
  const outcomesByEnrolment = byEnrolment(outcomes);
  const amendmentsByEnrolment = byEnrolment(amendments);

  const enrolments = enrolmentRows.map((e) => ({
    ...e,
    sessions: sessions
      .filter((s) => attendanceOf.has(`${s.id}:${e.id}`))
      .map((s) => {
        const attendance = attendanceOf.get(`${s.id}:${e.id}`)!;
        return {
          id: s.id,
          cohortId: s.cohortId,
          enrolmentId: s.enrolmentId,
          planItemKey: s.planItemKey,
          month: s.month,
          kind: s.kind,
          title: s.title,
          purpose: s.purpose,
          participants: s.participants,
          sharedByCohort: s.sharedByCohort,
          mode: s.mode,
          status: s.status,
          startsAt: s.startsAt,
          durationMinutes: s.durationMinutes,
          meetingLink: s.meetingLink,
          place: s.place,
          outOfMonthReason: s.outOfMonthReason,
          proposedStartsAt: s.proposedStartsAt,
          cancellationReason: s.cancellationReason,
          leadId: s.leadId,
          leadName: nameOf(s.leadId) ?? null,
          staffAttendance: s.staffAttendance,
          recordedAt: s.recordedAt,
          // Notes of a group meeting are about many CCCs: as in the service itself, only a CCC's own session's.
          notes: s.sharedByCohort ? null : s.notes,
          conflictOverrideReason: s.sharedByCohort ? null : s.conflictOverrideReason,
          attendance: {
            id: attendance.id,
            state: attendance.attendance,
            updatedAt: attendance.updatedAt,
            version: attendance.version,
          },
          agreedActions: actionsBySession.get(s.id) ?? [],
          createdAt: s.createdAt,
          updatedAt: s.updatedAt,
        };
      }),
    releaseRequests: (releaseByEnrolment.get(e.id) ?? []).map((r) => ({
      ...r,
      decidedByName: nameOf(r.decidedById) ?? null,
    })),
    attestations: (attestationsByEnrolment.get(e.id) ?? []).map((a) => ({
      ...a,
      attestedByName: nameOf(a.attestedById) ?? null,
    })),
    competencies: (progressByEnrolment.get(e.id) ?? []).map((p) => ({
      ...p,
      evidence: (evidenceByProgress.get(p.id) ?? []).map((ev) => ({
        ...ev,
        submittedByName: nameOf(ev.submittedById) ?? null,
        file: ev.fileId ? (fileMeta.get(ev.fileId) ?? null) : null,
      })),
      reviews: (reviewsByProgress.get(p.id) ?? []).map((r) => ({ ...r, reviewerName: nameOf(r.reviewerId) ?? null })),
    })),
    evidenceFiles: filesByEnrolment.get(e.id) ?? [],
    trainingNeedsAnalysis: (tnasByEnrolment.get(e.id) ?? []).map((t) => ({
      ...t,
      ratings: ratingsByTna.get(t.id) ?? [],
    })),
    trainingPlan: planByEnrolment.get(e.id) ?? [],
    handoverInterview: handoverByEnrolment.get(e.id) ?? null,
    outcomeCounts: outcomesByEnrolment.get(e.id) ?? [],
    amendments: (amendmentsByEnrolment.get(e.id) ?? []).map((a) => ({
      ...a,
      amendedByName: nameOf(a.amendedById) ?? null,
    })),
  }));

  const json = {
    format: SUBJECT_ACCESS_FORMAT,
    generatedAt: now,
    requestedBy: { id: requester.id, fullName: requester.fullName, self: requester.id === personId },
    person,
    roleAssignments,
    roleOffers,
    enrolments,
    evaluationResponses,
    drafts,
    notifications,
    notificationPreferences: preference,
    emails,
    calendarFeeds,
    signInSessions,
    singleSignOn,
    actionLinks,
    authored,
    auditEntries,
    dataNotIncluded: [
      'The password: only a one-way hash of it is kept, and that is not included.',
      'Secret parts of sign-in sessions, calendar addresses and single-purpose links: only their hashes are kept.',
      'Web links in e-mails: each is a one-time credential.',
      'Other people’s evaluation survey answers, and the notes of group sessions (they are about the whole group).',
      ...(scope === null
        ? []
        : [
            'Only what this Alliance holds: records of other Alliances, and records kept for the account as a ' +
              'whole (drafts, reminders, e-mails, calendar addresses, single-purpose links), are in the ' +
              'person’s own export.',
          ]),
    ],
  };
  return { json, files: files.map((f) => ({ path: f.archivePath, content: f.content })) };
}
