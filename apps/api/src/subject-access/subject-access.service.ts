import { createHash } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { londonDate } from '@ccc/programme';
import JSZip from 'jszip';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
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
import { Person } from '../people/person.entity';
import { ReleaseRequest } from '../release-time/release-request.entity';
import { AgreedActionEntity } from '../sessions/agreed-action.entity';
import { SessionAttendance } from '../sessions/session-attendance.entity';
import { Session } from '../sessions/session.entity';
import { Clock } from '../common/clock';

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

/** E-mails may hold a one-time link (to set a password, to answer a request): a credential, so never exported. */
const withoutLinks = (text: string) => text.replace(/https?:\/\/\S+/g, '[link removed]');

const README = `Subject-access export
=====================

This archive holds everything the Cancer Care Coordinator programme service keeps about one person, produced on
request under the UK GDPR right of access (Article 15).

subject-access.json
  person                  name, e-mail address, when the account was created and last changed; whether a
                          password is set (the password itself is never stored, only a one-way hash, not included)
  roleAssignments         each role held, in which organisation
  roleOffers              roles offered to the person by e-mail, and whether they were accepted or declined
  enrolments              each programme enrolment as a Cancer Care Coordinator: cohort, PCN, supervisors, status
                          and dates, with its sessions and attendance, release time, expectation attestations,
                          competencies with evidence and reviews, evidence file details, training needs analysis,
                          training plan, handover interview, outcome counts and amendments
  evaluationResponses     the person's own evaluation survey answers, free text included
  drafts                  text being typed that was saved to continue later
  notifications           in-app reminders, and notificationPreferences (the kinds turned off)
  emails                  e-mails sent or queued to the person (web links removed: they are one-time credentials),
                          with any calendar invitation they carried
  calendarFeeds           private calendar addresses made (when made and revoked; the secret address is not kept)
  signInSessions          each signed-in session: when it started, how often it was renewed, when it ended
  singleSignOn            NHS accounts (OpenID Connect) linked to the person, and where single sign-on is required
  actionLinks             single-purpose links issued to the person (purpose and dates only)
  authored                records the person wrote or acts on for others (a supervisor's reviews, sessions led,
                          decisions, signatures), listed by id and time
  auditEntries            every entry of the audit trail where the person acted ("actor") or that is about the
                          person or one of their records ("subject")
  dataNotIncluded         what is held but left out, and why

evidence/
  the content of every file given as competency evidence or as a training certificate, named
  <file id>-<original file name>; subject-access.json lists each with its size and SHA-256.

All times are UTC (ISO 8601); dates (YYYY-MM-DD) are UK dates.
`;

type Row = Record<string, unknown>;

/** The nil UUID: no person has it, so a query for it finds nothing (and still runs: a fixed count). */
const NO_PERSON = '00000000-0000-0000-0000-000000000000';

/** Unbooked sessions after the booked ones of their month. */
const bookedAt = (s: Session) => s.startsAt?.getTime() ?? Number.MAX_SAFE_INTEGER;

/**
 * The subject-access export (GDPR right of access): one ZIP with everything the service holds about a person.
 * Read in one snapshot, with a fixed number of queries whatever the size of the record (lists by ANY($ids), never
 * a query per enrolment or per file).
 */
@Injectable()
export class SubjectAccessService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async export(user: AuthUser, personId: string): Promise<{ content: Buffer; fileName: string }> {
    await this.access.requireSubjectAccess(user, personId);
    const person = await this.db.getRepository(Person).findOneBy({ id: personId });
    if (!person) throw new NotFoundException('There is no such person');

    const { json, files } = await this.db.transaction('REPEATABLE READ', (m) => this.collect(m, personId, user));
    const zip = new JSZip();
    zip.file('README.txt', README);
    zip.file('subject-access.json', JSON.stringify(json, null, 2));
    for (const file of files) zip.file(file.path, file.content, { binary: true });
    const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });

    await this.db.transaction((m) =>
      this.audit.record(m, {
        actorId: user.id,
        action: 'subject_access.exported',
        entityType: 'person',
        entityId: personId,
        detail: {
          requestedBy: user.id === personId ? 'self' : 'admin',
          allianceId: user.id === personId ? null : user.allianceId,
          files: files.length,
          bytes: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
        },
      }),
    );
    return { content, fileName: `subject-access-${londonDate(this.clock.now())}.zip` };
  }

  /** Rows of an entity whose `column` is one of `ids`; a query even for none, so the count stays fixed. */
  private rowsWhereIn<T extends ObjectLiteral>(
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

  private async collect(m: EntityManager, personId: string, requester: AuthUser) {
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

    const attendances = await this.rowsWhereIn(m, SessionAttendance, 'enrolment_id', enrolmentIds, 'createdAt');
    // In the programme's order: by month, then by when each is booked for.
    const sessions = (
      await this.rowsWhereIn(
        m,
        Session,
        'id',
        attendances.map((a) => a.sessionId),
        'month',
      )
    ).sort((a, b) => a.month - b.month || bookedAt(a) - bookedAt(b));
    const actions = await this.rowsWhereIn(
      m,
      AgreedActionEntity,
      'session_id',
      sessions.map((s) => s.id),
      'dueDate',
    );
    const releaseRequests = await this.rowsWhereIn(m, ReleaseRequest, 'enrolment_id', enrolmentIds, 'date');
    const attestations = await this.rowsWhereIn(m, Attestation, 'enrolment_id', enrolmentIds, 'createdAt');
    const progress = await this.rowsWhereIn(m, CompetencyProgress, 'enrolment_id', enrolmentIds, 'competencyCode');
    const progressIds = progress.map((p) => p.id);
    const evidence = await this.rowsWhereIn(m, CompetencyEvidence, 'progress_id', progressIds, 'createdAt');
    const reviews = await this.rowsWhereIn(m, CompetencyReview, 'progress_id', progressIds, 'createdAt');
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
    const tnas = await this.rowsWhereIn(m, Tna, 'enrolment_id', enrolmentIds, 'round');
    const tnaRatings = await this.rowsWhereIn(
      m,
      TnaRating,
      'tna_id',
      tnas.map((t) => t.id),
      'competencyCode',
    );
    const trainingPlan = await this.rowsWhereIn(m, TrainingPlanItem, 'enrolment_id', enrolmentIds, 'targetMonth');
    const handovers = await this.rowsWhereIn(m, HandoverInterview, 'enrolment_id', enrolmentIds, 'createdAt');
    const outcomes = await this.rowsWhereIn(m, OutcomeCount, 'enrolment_id', enrolmentIds, 'month');
    const amendments = await this.rowsWhereIn(m, EnrolmentAmendment, 'enrolment_id', enrolmentIds, 'createdAt');

    // The person's own things, whatever their role.
    const evaluationResponses = (await this.rowsWhereIn(m, EvaluationResponse, 'person_id', one, 'createdAt')).filter(
      (r) => scope === null || enrolmentIds.includes(r.enrolmentId),
    );
    // Account-wide records (not held for one Alliance) are in the person's own export only: the same for every
    // administrator's export, so it says nothing about whether the person is known elsewhere.
    const own = scope === null ? personId : null;
    const drafts = await m.getRepository(Draft).find({ where: { personId: own ?? NO_PERSON }, order: { key: 'ASC' } });
    const notifications = await this.rowsWhereIn(m, Notification, 'person_id', [own ?? NO_PERSON], 'createdAt');
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

    // What the person wrote or acts on for others (a supervisor's work), by id and time.
    const authored = {
      enrolmentsSupervised: await q(
        `SELECT id, CASE WHEN pcn_supervisor_id = $1 THEN 'pcn_supervisor' ELSE 'alliance_supervisor' END AS "as",
                created_at AS "createdAt"
           FROM enrolment WHERE (pcn_supervisor_id = $1 OR alliance_supervisor_id = $1) AND ${inScope('id')}
          ORDER BY created_at, id`,
        scoped,
      ),
      enrolmentStatusChanges: await q(
        `SELECT id, status, status_changed_at AS "at" FROM enrolment WHERE status_changed_by_id = $1 AND ${inScope('id')}
          ORDER BY status_changed_at, id`,
        scoped,
      ),
      cohortsRun: await q(
        `SELECT c.id, c.name, c.start_date::text AS "startDate" FROM cohort_supervisor cs
           JOIN cohort c ON c.id = cs.cohort_id WHERE cs.person_id = $1 AND ($2::uuid IS NULL OR c.alliance_id = $2)
          ORDER BY c.start_date, c.id`,
        scoped,
      ),
      sessionsLed: await q(
        `SELECT id, title, status, starts_at AS "startsAt" FROM session WHERE lead_id = $1
            AND cohort_id IN (SELECT id FROM cohort WHERE $2::uuid IS NULL OR alliance_id = $2) ORDER BY starts_at, id`,
        scoped,
      ),
      sessionsRecorded: await q(
        `SELECT id, title, recorded_at AS "at" FROM session WHERE recorded_by_id = $1
            AND cohort_id IN (SELECT id FROM cohort WHERE $2::uuid IS NULL OR alliance_id = $2) ORDER BY recorded_at, id`,
        scoped,
      ),
      releaseDecisions: await q(
        `SELECT id, enrolment_id AS "enrolmentId", status, decided_at AS "at" FROM release_request
          WHERE decided_by_id = $1 AND ${inScope('enrolment_id')} ORDER BY decided_at, id`,
        scoped,
      ),
      attestationsGiven: await q(
        `SELECT id, enrolment_id AS "enrolmentId", expectation_key AS "expectationKey", created_at AS "at"
           FROM attestation WHERE attested_by_id = $1 AND ${inScope('enrolment_id')} ORDER BY created_at, id`,
        scoped,
      ),
      evidenceSubmitted: await q(
        `SELECT id, progress_id AS "progressId", kind, created_at AS "at" FROM competency_evidence
          WHERE submitted_by_id = $1
            AND progress_id IN (SELECT id FROM competency_progress WHERE ${inScope('enrolment_id')})
          ORDER BY created_at, id`,
        scoped,
      ),
      filesUploaded: await q(
        `SELECT id, enrolment_id AS "enrolmentId", created_at AS "at" FROM evidence_file
          WHERE uploaded_by_id = $1 AND ${inScope('enrolment_id')} ORDER BY created_at, id`,
        scoped,
      ),
      competencyReviewsGiven: await q(
        `SELECT id, progress_id AS "progressId", outcome, created_at AS "at" FROM competency_review
          WHERE reviewer_id = $1
            AND progress_id IN (SELECT id FROM competency_progress WHERE ${inScope('enrolment_id')})
          ORDER BY created_at, id`,
        scoped,
      ),
      frameworksImported: await q(
        `SELECT id, key, version, created_at AS "at" FROM competency_framework WHERE imported_by_id = $1
            AND ($2::uuid IS NULL OR alliance_id = $2) ORDER BY created_at, id`,
        scoped,
      ),
      tnaSignatures: await q(
        `SELECT id, enrolment_id AS "enrolmentId", round,
                CASE WHEN ccc_signed_by_id = $1 THEN ccc_signed_at ELSE supervisor_signed_at END AS "at"
           FROM tna WHERE (ccc_signed_by_id = $1 OR supervisor_signed_by_id = $1) AND ${inScope('enrolment_id')}
          ORDER BY 4, id`,
        scoped,
      ),
      trainingPlanItemsCreated: await q(
        `SELECT id, enrolment_id AS "enrolmentId", title, created_at AS "at" FROM training_plan_item
          WHERE created_by_id = $1 AND ${inScope('enrolment_id')} ORDER BY created_at, id`,
        scoped,
      ),
      handoverSignatures: await q(
        `SELECT id, enrolment_id AS "enrolmentId",
                CASE WHEN ccc_signed_by_id = $1 THEN ccc_signed_at
                     WHEN pcn_signed_by_id = $1 THEN pcn_signed_at ELSE alliance_signed_at END AS "at"
           FROM handover_interview
          WHERE (ccc_signed_by_id = $1 OR pcn_signed_by_id = $1 OR alliance_signed_by_id = $1)
            AND ${inScope('enrolment_id')} ORDER BY 3, id`,
        scoped,
      ),
      outcomeCountsRecorded: await q(
        `SELECT id, enrolment_id AS "enrolmentId", month, measure_id AS "measureId", updated_at AS "at"
           FROM outcome_count WHERE recorded_by_id = $1 AND ${inScope('enrolment_id')} ORDER BY updated_at, id`,
        scoped,
      ),
      invitationsSent: await q(
        `SELECT id, role, organisation_id AS "organisationId", created_at AS "at" FROM role_offer
          WHERE invited_by_id = $1 AND ($2::uuid IS NULL OR alliance_id = $2) ORDER BY created_at, id`,
        scoped,
      ),
      amendmentsMade: await q(
        `SELECT id, enrolment_id AS "enrolmentId", record, created_at AS "at" FROM enrolment_amendment
          WHERE amended_by_id = $1 AND ${inScope('enrolment_id')} ORDER BY created_at, id`,
        scoped,
      ),
      singleSignOnRequired: await q(
        `SELECT person_id AS "personId", alliance_id AS "allianceId", created_at AS "at" FROM sso_required_person
          WHERE required_by_id = $1 AND ($2::uuid IS NULL OR alliance_id = $2) ORDER BY created_at, person_id`,
        scoped,
      ),
    };

    // Single sign-on: the NHS accounts linked to the person, and whether an Alliance requires them to use one.
    const singleSignOn = {
      linkedAccounts: await q(
        `SELECT id, alliance_id AS "allianceId", subject, created_at AS "linkedAt" FROM sso_identity
          WHERE person_id = $1 AND ($2::uuid IS NULL OR alliance_id = $2) ORDER BY created_at, id`,
        scoped,
      ),
      required: await q(
        `SELECT alliance_id AS "allianceId", created_at AS "since" FROM sso_required_person
          WHERE person_id = $1 AND ($2::uuid IS NULL OR alliance_id = $2) ORDER BY created_at, alliance_id`,
        scoped,
      ),
    };

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
    const auditColumns = `id, at, actor_id AS "actorId", action, entity_type AS "entityType",
                          entity_id AS "entityId", detail`;
    const idsOf = (rows: Row[]) => rows.map((r) => r['id'] as string);
    // Bounded to an Alliance, what the person did counts only where it concerns that Alliance's records.
    const actedOn: [string, string[]][] = [
      ...subjects,
      ['enrolment', [...idsOf(authored.enrolmentsSupervised), ...idsOf(authored.enrolmentStatusChanges)]],
      ['cohort', idsOf(authored.cohortsRun)],
      ['session', [...idsOf(authored.sessionsLed), ...idsOf(authored.sessionsRecorded)]],
      ['release_request', idsOf(authored.releaseDecisions)],
      [
        'competency_progress',
        [...authored.evidenceSubmitted, ...authored.competencyReviewsGiven].map((r) => String(r['progressId'])),
      ],
      ['competency_framework', idsOf(authored.frameworksImported)],
      ['tna', idsOf(authored.tnaSignatures)],
      ['training_plan_item', idsOf(authored.trainingPlanItemsCreated)],
      ['handover_interview', idsOf(authored.handoverSignatures)],
    ];
    const pairs = (list: [string, string[]][]) => [
      list.flatMap(([type, ids]) => ids.map(() => type)),
      list.flatMap(([, ids]) => ids),
    ];
    const asActor = await q<Row & { id: string }>(
      `SELECT ${auditColumns} FROM audit_entry
        WHERE actor_id = $1
          AND ($2::uuid IS NULL OR (entity_type, entity_id) IN (SELECT * FROM unnest($3::text[], $4::text[])))
        ORDER BY id`,
      [...scoped, ...pairs(actedOn)],
    );
    // Entries about the person themself; bounded to an Alliance, those written by its own people.
    const asSubject = await q<Row & { id: string }>(
      `SELECT ${auditColumns} FROM audit_entry
        WHERE (entity_type, entity_id) IN (SELECT * FROM unnest($3::text[], $4::text[]))
           OR (entity_type = 'person' AND entity_id = $1::text
               AND ($2::uuid IS NULL OR (actor_id IS DISTINCT FROM $1::uuid AND actor_id IN (
                     SELECT ra.person_id FROM role_assignment ra JOIN organisation o ON o.id = ra.organisation_id
                      WHERE o.alliance_id = $2))))
        ORDER BY id`,
      [...scoped, ...pairs(subjects)],
    );
    const actorIds = new Set(asActor.map((e) => e.id));
    const subjectIds = new Set(asSubject.map((e) => e.id));
    const auditEntries = [...new Map([...asActor, ...asSubject].map((e) => [e.id, e])).values()]
      .sort((a, b) => Number(a.id) - Number(b.id))
      .map((e) => ({
        ...e,
        personIs: [...(actorIds.has(e.id) ? ['actor'] : []), ...(subjectIds.has(e.id) ? ['subject'] : [])],
      }));

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
      generatedAt: this.clock.now(),
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
}
