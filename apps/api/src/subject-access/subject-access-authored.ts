import type { Row, SubjectAccessQuery } from './subject-access-read';

/**
 * What the person wrote or acts on for others (a supervisor's work), by id and time: one query per kind of record,
 * `$2` the Alliance bound (null: none), `inScope` the clause for records of enrolments within it.
 */
export async function readAuthored(q: SubjectAccessQuery, scoped: unknown[], inScope: (column: string) => string) {
  return {
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
}

/** Single sign-on: the NHS accounts linked to the person, and whether an Alliance requires them to use one. */
export async function readSingleSignOn(q: SubjectAccessQuery, scoped: unknown[]) {
  return {
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
}

/** Lists of ids of the rows (for the audit trail's "acted on" pairs). */
const idsOf = (rows: Row[]) => rows.map((r) => r['id'] as string);

/**
 * The audit trail: entries the person made (bounded to an Alliance, only those about its records: `subjects` and
 * what they `authored`) and entries about them or one of their `subjects`, each marked with how the person is in it.
 */
export async function readAuditTrail(
  q: SubjectAccessQuery,
  scoped: unknown[],
  subjects: [string, string[]][],
  authored: Awaited<ReturnType<typeof readAuthored>>,
) {
  const auditColumns = `id, at, actor_id AS "actorId", action, entity_type AS "entityType",
                        entity_id AS "entityId", detail`;
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
  return [...new Map([...asActor, ...asSubject].map((e) => [e.id, e])).values()]
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((e) => ({
      ...e,
      personIs: [...(actorIds.has(e.id) ? ['actor'] : []), ...(subjectIds.has(e.id) ? ['subject'] : [])],
    }));
}
