import Handlebars from 'handlebars';
import {
  ERASED_TEXT,
  erasureRefusal,
  londonDate,
  RETENTION_ENDED_REASON,
  type RetentionFacts,
  retentionState,
} from '@ccc/programme';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { retentionCandidates } from './retention-candidates';
import { Conflict, NotFound } from '../common/domain-errors';
import { oneRow } from '../common/one-row';

export { type CandidateRow, type RetentionCandidate, retentionCandidates } from './retention-candidates';

/*
 * Erasure of one enrolment's personal data, free of Nest so that the retention job (notifications/jobs.ts) runs the
 * same code as the endpoint. What the cohort report counts is kept (the enrolment with its status and track,
 * attendance, release minutes, attestations, Likert answers, outcome counts, competency states, training items
 * done); free text, files and the person's identity go. Nothing is deleted silently: the audit entry lists, per
 * table, how many rows were blanked or removed, and why.
 */

export const ERASED_NAME = 'Erased person';
/** Unique and undeliverable (.invalid is reserved), so the e-mail column stays unique and nothing can be sent. */
export const erasedEmail = (personId: string) => `erased-${personId}@erased.invalid`;

export interface ErasureOutcome {
  enrolmentId: string;
  personId: string;
  erasedAt: Date;
  reason: string;
  personAnonymised: boolean;
  erased: Record<string, number>;
}

export { ERASURE_COVERAGE } from './erasure-coverage';

interface Step {
  table: string;
  sql: string;
  params: unknown[];
}

/** Counts the rows a data-modifying statement touched, as one SELECT (the count is what the audit records). */
const counted = (statement: string) =>
  `WITH touched AS (${statement} RETURNING 1) SELECT count(*)::int AS n FROM touched`;

function enrolmentSteps(enrolmentId: string): Step[] {
  const e = [enrolmentId];
  const ownSessions = `SELECT id FROM session WHERE enrolment_id = $1`;
  const progress = `SELECT id FROM competency_progress WHERE enrolment_id = $1`;
  return [
    {
      table: 'competency_evidence',
      sql: `UPDATE competency_evidence SET text = CASE WHEN text IS NULL THEN NULL ELSE '${ERASED_TEXT}' END,
              url = CASE WHEN url IS NULL THEN NULL ELSE '${ERASED_TEXT}' END
            WHERE progress_id IN (${progress}) AND (text IS NOT NULL OR url IS NOT NULL)`,
      params: e,
    },
    {
      table: 'competency_review',
      sql: `UPDATE competency_review SET comment = '${ERASED_TEXT}' WHERE progress_id IN (${progress}) AND comment <> '${ERASED_TEXT}'`,
      params: e,
    },
    {
      table: 'evidence_file',
      sql: `UPDATE evidence_file SET content = ''::bytea, file_name = '${ERASED_TEXT}', sha256 = '${ERASED_TEXT}'
            WHERE enrolment_id = $1 AND length(content) > 0`,
      params: e,
    },
    {
      table: 'tna_rating',
      sql: `UPDATE tna_rating SET self_note = NULL, needs = NULL
            WHERE tna_id IN (SELECT id FROM tna WHERE enrolment_id = $1) AND (self_note IS NOT NULL OR needs IS NOT NULL)`,
      params: e,
    },
    {
      // Course and group-teaching titles are the catalogue's words; a free item's title is the CCC's own.
      table: 'training_plan_item',
      sql: `UPDATE training_plan_item SET title = '${ERASED_TEXT}', version = version + 1, updated_at = now()
            WHERE enrolment_id = $1 AND kind = 'free' AND title <> '${ERASED_TEXT}'`,
      params: e,
    },
    {
      // The CCC's own sessions only: the notes of a group session are about the group, not one CCC.
      table: 'session',
      sql: `UPDATE session SET notes = NULL, meeting_link = NULL, place = NULL, out_of_month_reason = NULL,
              conflict_override_reason = NULL, cancellation_reason = NULL, version = version + 1, updated_at = now()
            WHERE enrolment_id = $1 AND num_nonnulls(notes, meeting_link, place, out_of_month_reason,
              conflict_override_reason, cancellation_reason) > 0`,
      params: e,
    },
    {
      table: 'agreed_action',
      sql: `UPDATE agreed_action SET description = '${ERASED_TEXT}', version = version + 1, updated_at = now()
            WHERE (session_id IN (${ownSessions}) OR owner_enrolment_id = $1) AND description <> '${ERASED_TEXT}'`,
      params: e,
    },
    {
      table: 'release_request',
      sql: `UPDATE release_request SET description = '${ERASED_TEXT}', decision_reason = NULL, override_reason = NULL,
              version = version + 1, updated_at = now()
            WHERE enrolment_id = $1 AND description <> '${ERASED_TEXT}'`,
      params: e,
    },
    {
      table: 'attestation',
      sql: `UPDATE attestation SET note = NULL WHERE enrolment_id = $1 AND note IS NOT NULL`,
      params: e,
    },
    {
      table: 'handover_interview',
      sql: `UPDATE handover_interview SET pcn_priorities = NULL, role_development = NULL, training_agreed = '[]',
              follow_on_supervisor_name = NULL, appraisal_date = NULL, role_evaluation = NULL, version = version + 1, updated_at = now()
            WHERE enrolment_id = $1`,
      params: e,
    },
    {
      table: 'evaluation_response',
      sql: `UPDATE evaluation_response SET free_text = '{}', version = version + 1, updated_at = now()
            WHERE enrolment_id = $1 AND free_text <> '{}'`,
      params: e,
    },
    {
      // Which fields an amendment corrected stays; what they said does not. Outcome counts are numbers, kept.
      table: 'enrolment_amendment',
      sql: `UPDATE enrolment_amendment SET reason = '${ERASED_TEXT}',
              before = CASE WHEN record = 'outcome' THEN before ELSE
                (SELECT coalesce(jsonb_object_agg(key, CASE WHEN jsonb_typeof(value) IN ('string', 'array', 'object')
                  THEN to_jsonb('${ERASED_TEXT}'::text) ELSE value END), '{}') FROM jsonb_each(before)) END,
              after = CASE WHEN record = 'outcome' THEN after ELSE
                (SELECT coalesce(jsonb_object_agg(key, CASE WHEN jsonb_typeof(value) IN ('string', 'array', 'object')
                  THEN to_jsonb('${ERASED_TEXT}'::text) ELSE value END), '{}') FROM jsonb_each(after)) END
            WHERE enrolment_id = $1 AND reason <> '${ERASED_TEXT}'`,
      params: e,
    },
    {
      // Drafts name the enrolment in their key (evidence:<enrolment>:<code>, tna-self:<enrolment>:<round>, …).
      table: 'draft',
      sql: `DELETE FROM draft WHERE strpos(key, $1::text) > 0`,
      params: e,
    },
    {
      // Reminders about the enrolment, its own sessions and its evidence: their words name the CCC.
      table: 'notification',
      sql: `DELETE FROM notification WHERE subject_id = $1 OR subject_id IN (${ownSessions})
              OR subject_id IN (SELECT id FROM competency_evidence WHERE progress_id IN (${progress}))`,
      params: e,
    },
    {
      table: 'action_link',
      sql: `DELETE FROM action_link WHERE (purpose = 'session_slot' AND target_id IN (${ownSessions}))
              OR (purpose = 'release_request' AND target_id IN (SELECT id FROM release_request WHERE enrolment_id = $1))`,
      params: e,
    },
  ];
}

function personSteps(personId: string, fullName: string): Step[] {
  const p = [personId];
  // The name is scrubbed from messages to other people (a supervisor's reminder "Evidence from …"); a name too
  // short to be told apart from ordinary words is left, since replacing it would garble other text.
  const scrub = fullName.trim().length >= 3;
  return [
    ...(scrub
      ? [
          {
            table: 'notification',
            sql: `UPDATE notification SET title = replace(title, $2, '${ERASED_NAME}'), body = replace(body, $2, '${ERASED_NAME}')
                  WHERE person_id <> $1 AND (strpos(title, $2) > 0 OR strpos(body, $2) > 0)`,
            params: [personId, fullName],
          },
          {
            table: 'outbox_message',
            // A calendar invitation names the person (CN) beside their address: dropped whole, searched unfolded
            // (RFC 5545 folds long lines, perhaps inside the name).
            sql: `UPDATE outbox_message SET subject = replace(subject, $2, '${ERASED_NAME}'), body = replace(body, $2, '${ERASED_NAME}'),
                         calendar = CASE WHEN strpos(replace(calendar, E'\\r\\n ', ''), $2) > 0 THEN NULL ELSE calendar END,
                         html = CASE WHEN strpos(html, $2) > 0 OR strpos(html, $3) > 0 THEN NULL ELSE html END
                  WHERE to_person_id <> $1
                    AND (strpos(subject, $2) > 0 OR strpos(body, $2) > 0 OR strpos(replace(calendar, E'\\r\\n ', ''), $2) > 0
                         OR strpos(html, $3) > 0)`,
            // The HTML part names them escaped (O&#x27;Brien): it is dropped whole, the text part goes alone.
            params: [personId, fullName, Handlebars.Utils.escapeExpression(fullName)],
          },
        ]
      : []),
    { table: 'outbox_message', sql: `DELETE FROM outbox_message WHERE to_person_id = $1`, params: p },
    { table: 'notification', sql: `DELETE FROM notification WHERE person_id = $1`, params: p },
    { table: 'notification_preference', sql: `DELETE FROM notification_preference WHERE person_id = $1`, params: p },
    { table: 'draft', sql: `DELETE FROM draft WHERE person_id = $1`, params: p },
    { table: 'action_link', sql: `DELETE FROM action_link WHERE person_id = $1`, params: p },
    {
      table: 'calendar_feed',
      sql: `UPDATE calendar_feed SET revoked_at = now() WHERE person_id = $1 AND revoked_at IS NULL`,
      params: p,
    },
    {
      table: 'auth_session',
      sql: `UPDATE auth_session SET revoked_at = now(), revoked_reason = 'erased' WHERE person_id = $1 AND revoked_at IS NULL`,
      params: p,
    },
    // A single sign-on's ID token names the person (kept only to sign them out of the provider).
    {
      table: 'auth_session',
      sql: `UPDATE auth_session SET sso_id_token = NULL WHERE person_id = $1 AND sso_id_token IS NOT NULL`,
      params: p,
    },
    { table: 'sso_identity', sql: `DELETE FROM sso_identity WHERE person_id = $1`, params: p },
    { table: 'sso_required_person', sql: `DELETE FROM sso_required_person WHERE person_id = $1`, params: p },
    { table: 'cohort_supervisor', sql: `DELETE FROM cohort_supervisor WHERE person_id = $1`, params: p },
    { table: 'role_assignment', sql: `DELETE FROM role_assignment WHERE person_id = $1`, params: p },
    { table: 'role_offer', sql: `DELETE FROM role_offer WHERE person_id = $1`, params: p },
    {
      table: 'person',
      sql: `UPDATE person SET full_name = '${ERASED_NAME}', email = 'erased-' || id || '@erased.invalid',
              password_hash = NULL, version = version + 1, updated_at = now()
            WHERE id = $1`,
      params: p,
    },
  ];
}

/**
 * Erases one ended enrolment's personal data, inside the caller's transaction: 404 unknown, 409 active or already
 * erased. The CCC is anonymised too when nothing else needs them: no other enrolment not yet erased (as CCC or
 * supervisor) and no role but a CCC's.
 */
export async function eraseEnrolment(
  manager: EntityManager,
  audit: AuditService,
  input: { enrolmentId: string; reason: string; actorId: string | null; now: Date },
): Promise<ErasureOutcome> {
  const { enrolmentId, reason, actorId, now } = input;
  const [row] = (await manager.query(
    `SELECT e.status, e.erased_at, e.ccc_id, p.full_name FROM enrolment e JOIN person p ON p.id = e.ccc_id
      WHERE e.id = $1 FOR UPDATE OF e, p`,
    [enrolmentId],
  )) as { status: RetentionFacts['status']; erased_at: Date | null; ccc_id: string; full_name: string }[];
  if (!row) throw new NotFound('Enrolment not found');
  const refusal = erasureRefusal({ status: row.status, erasedAt: row.erased_at });
  if (refusal) throw new Conflict(refusal);

  const needed = oneRow(
    (await manager.query(
      `SELECT (SELECT count(*) FROM enrolment WHERE id <> $2 AND erased_at IS NULL
               AND (ccc_id = $1 OR pcn_supervisor_id = $1 OR alliance_supervisor_id = $1))::int AS enrolments,
            (SELECT count(*) FROM role_assignment WHERE person_id = $1 AND role <> 'ccc')::int AS roles`,
      [row.ccc_id, enrolmentId],
    )) as { enrolments: number; roles: number }[],
  );
  const anonymise = needed.enrolments === 0 && needed.roles === 0;

  // Lets this transaction, and only it, blank the free text of the insert-only tables (see the Erasure migration).
  await manager.query(`SELECT set_config('ccc.erasing', 'on', true)`);
  const steps = [...enrolmentSteps(enrolmentId), ...(anonymise ? personSteps(row.ccc_id, row.full_name) : [])];
  const erased: Record<string, number> = {};
  for (const step of steps) {
    const [{ n }] = (await manager.query(counted(step.sql), step.params)) as [{ n: number }];
    if (n > 0) erased[step.table] = (erased[step.table] ?? 0) + n;
  }
  await manager.query(`SELECT set_config('ccc.erasing', 'off', true)`);

  // A withdrawal's reason is the CCC's story; the status and its date stay, counted by the report.
  await manager.query(
    `UPDATE enrolment SET status_reason = NULL, erased_at = $2, erased_reason = $3, version = version + 1, updated_at = now() WHERE id = $1`,
    [enrolmentId, now, reason],
  );
  erased['enrolment'] = 1;

  await audit.record(manager, [
    {
      actorId,
      action: 'enrolment.personal-data-erased',
      entityType: 'enrolment',
      entityId: enrolmentId,
      detail: { reason, personId: row.ccc_id, personAnonymised: anonymise, erased },
    },
    ...(anonymise
      ? [
          {
            actorId,
            action: 'person.anonymised',
            entityType: 'person',
            entityId: row.ccc_id,
            detail: { reason, enrolmentId },
          },
        ]
      : []),
  ]);
  return { enrolmentId, personId: row.ccc_id, erasedAt: now, reason, personAnonymised: anonymise, erased };
}

export interface RetentionRunResult {
  due: number;
  erased: number;
  failed: number;
}

/**
 * The retention job: erases every enrolment past its Alliance's retention period, each in its own transaction
 * (one failure does not hold back the rest). Safe on several instances at once: the row lock and the erased_at
 * check let one of them erase an enrolment, and the other meets a 409 and moves on.
 */
export async function eraseDueEnrolments(
  db: DataSource,
  audit: AuditService,
  now: Date,
  onError: (enrolmentId: string, error: unknown) => void = () => undefined,
): Promise<RetentionRunResult> {
  const today = londonDate(now);
  const due = (await retentionCandidates(db, { allianceIds: null, endedOnly: true })).filter(
    (c) => retentionState(c.facts, c.retentionYears, today).due,
  );
  let erased = 0;
  let failed = 0;
  for (const candidate of due) {
    try {
      await db.transaction((manager) =>
        eraseEnrolment(manager, audit, {
          enrolmentId: candidate.id,
          reason: RETENTION_ENDED_REASON,
          actorId: null,
          now,
        }),
      );
      erased++;
    } catch (error) {
      if (error instanceof Conflict) continue;
      failed++;
      onError(candidate.id, error);
    }
  }
  return { due: due.length, erased, failed };
}
