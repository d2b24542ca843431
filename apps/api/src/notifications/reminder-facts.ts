import {
  addCalendarDays,
  type Duty,
  type LaterDutyFact,
  type EvidenceAwaitingFact,
  londonDate,
  type ParticipantRole,
  REMINDER_WAITS,
  type ReminderFacts,
} from '@ccc/programme';
import type { EntityManager } from 'typeorm';

const DAY_MS = 24 * 60 * 60 * 1000;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/**
 * The facts the reminder rules (libs/programme reminders.ts) decide on, in one query per kind whatever the number
 * of people. Each query narrows to what could be due near `now`; the rules decide exactly. Only active enrolments
 * count: a withdrawn or finished CCC gets no reminders, and nobody is reminded about them.
 */
export async function loadReminderFacts(manager: EntityManager, now: Date): Promise<ReminderFacts> {
  const [upcomingSessions, awaitingSlots, evidenceAwaiting, unbookedSessions, pendingRelease, laterDuties] =
    await Promise.all([
      upcoming(manager, now),
      awaiting(manager, now),
      evidenceAwaitingReviewFacts(manager, now),
      unbooked(manager, now),
      pending(manager, now),
      laterDutiesFacts(manager),
    ]);
  return { upcomingSessions, awaitingSlots, evidenceAwaiting, unbookedSessions, pendingRelease, laterDuties };
}

/** Booked sessions in the next two days, with their CCCs and those CCCs' PCN supervisors. */
async function upcoming(manager: EntityManager, now: Date): Promise<ReminderFacts['upcomingSessions']> {
  const rows: {
    id: string;
    title: string;
    starts_at: Date;
    duration_minutes: number;
    participants: ParticipantRole[];
    lead_id: string | null;
    meeting_link: string | null;
    place: string | null;
    ccc_ids: string[];
    pcn_supervisor_ids: string[];
  }[] = await manager.query(
    `SELECT s.id, s.title, s.starts_at, s.duration_minutes, s.participants, s.lead_id, s.meeting_link, s.place,
            array_agg(DISTINCT e.ccc_id) AS ccc_ids,
            coalesce(array_agg(DISTINCT e.pcn_supervisor_id) FILTER (WHERE e.pcn_supervisor_id IS NOT NULL), '{}') AS pcn_supervisor_ids
       FROM session s
       JOIN session_attendance a ON a.session_id = s.id
       JOIN enrolment e ON e.id = a.enrolment_id AND e.status = 'active'
      WHERE s.status = 'scheduled' AND s.starts_at > $1 AND s.starts_at < $2
      GROUP BY s.id`,
    [now, new Date(now.getTime() + 2 * DAY_MS)],
  );
  return rows.map((r) => ({
    sessionId: r.id,
    title: r.title,
    startsAt: r.starts_at,
    durationMinutes: r.duration_minutes,
    participants: r.participants,
    leadId: r.lead_id,
    cccIds: r.ccc_ids,
    pcnSupervisorIds: r.pcn_supervisor_ids,
    meetingLink: r.meeting_link,
    place: r.place,
  }));
}

/**
 * Sessions whose offered time has waited for the PCN supervisor. Every change of the row (an offer, a new time, a
 * counter-proposal) stamps updated_at, so it is when the current offer was made.
 */
async function awaiting(manager: EntityManager, now: Date): Promise<ReminderFacts['awaitingSlots']> {
  const rows: {
    id: string;
    title: string;
    starts_at: Date;
    updated_at: Date;
    ccc_names: string[];
    pcn_supervisor_ids: string[];
  }[] = await manager.query(
    `SELECT s.id, s.title, s.starts_at, s.updated_at,
            array_agg(DISTINCT p.full_name) AS ccc_names,
            array_agg(DISTINCT e.pcn_supervisor_id) AS pcn_supervisor_ids
       FROM session s
       JOIN session_attendance a ON a.session_id = s.id
       JOIN enrolment e ON e.id = a.enrolment_id AND e.status = 'active' AND e.pcn_supervisor_id IS NOT NULL
       JOIN person p ON p.id = e.ccc_id
      WHERE s.status = 'awaiting_pcn' AND s.starts_at > $1 AND s.updated_at <= $2
      GROUP BY s.id`,
    [now, daysBefore(now, REMINDER_WAITS.slotAwaitingPcnDays)],
  );
  return rows.map((r) => ({
    sessionId: r.id,
    title: r.title,
    startsAt: r.starts_at,
    awaitingSince: r.updated_at,
    cccNames: r.ccc_names,
    pcnSupervisorIds: r.pcn_supervisor_ids,
  }));
}

/**
 * Competencies whose evidence has waited a week for the CCC's Alliance supervisor (the competencies feature,
 * apps/api/src/competencies). The wait starts when the competency enters `evidence_submitted`; more evidence while
 * it waits does not restart it. The competency is named by its code and its title in the cohort's framework.
 */
async function evidenceAwaitingReviewFacts(manager: EntityManager, now: Date): Promise<EvidenceAwaitingFact[]> {
  const rows: {
    id: string;
    enrolment_id: string;
    competency_code: string;
    competency_title: string | null;
    state_changed_at: Date;
    ccc_name: string;
    alliance_supervisor_id: string;
  }[] = await manager.query(
    `SELECT p.id, p.enrolment_id, p.competency_code, p.state_changed_at, c.full_name AS ccc_name,
            e.alliance_supervisor_id,
            (SELECT item->>'title'
               FROM jsonb_array_elements(f.definition->'domains') AS domain,
                    jsonb_array_elements(domain->'competencies') AS item
              WHERE item->>'code' = p.competency_code
              LIMIT 1) AS competency_title
       FROM competency_progress p
       JOIN enrolment e ON e.id = p.enrolment_id AND e.status = 'active' AND e.alliance_supervisor_id IS NOT NULL
       JOIN person c ON c.id = e.ccc_id
       JOIN cohort co ON co.id = e.cohort_id
       LEFT JOIN competency_framework f ON f.id = co.competency_framework_id
      WHERE p.state = 'evidence_submitted' AND p.state_changed_at <= $1`,
    [daysBefore(now, REMINDER_WAITS.evidenceAwaitingReviewDays)],
  );
  return rows.map((r) => ({
    evidenceId: r.id,
    competency: r.competency_title ? `${r.competency_code} ${r.competency_title}` : r.competency_code,
    cccName: r.ccc_name,
    submittedAt: r.state_changed_at,
    reviewerIds: [r.alliance_supervisor_id],
    link: `/enrolments/${r.enrolment_id}/competencies/${encodeURIComponent(r.competency_code)}`,
  }));
}

/** Sessions not booked yet in months that end within the next week (and a day, for the London date). */
async function unbooked(manager: EntityManager, now: Date): Promise<ReminderFacts['unbookedSessions']> {
  const today = londonDate(now);
  const rows: {
    id: string;
    cohort_id: string;
    cohort_name: string;
    start_date: string;
    month: number;
    title: string;
    ccc_name: string | null;
    alliance_supervisor_id: string | null;
    lead_id: string | null;
    cohort_supervisor_ids: string[];
  }[] = await manager.query(
    `SELECT s.id, s.cohort_id, c.name AS cohort_name, c.start_date, s.month, s.title, p.full_name AS ccc_name,
            e.alliance_supervisor_id, s.lead_id,
            ARRAY(SELECT cs.person_id FROM cohort_supervisor cs WHERE cs.cohort_id = c.id) AS cohort_supervisor_ids
       FROM session s
       JOIN cohort c ON c.id = s.cohort_id
       LEFT JOIN enrolment e ON e.id = s.enrolment_id
       LEFT JOIN person p ON p.id = e.ccc_id
      WHERE s.status = 'planned'
        -- A paused CCC's own sessions wait for the resume: nobody is asked to book them (#16 item 4).
        AND (s.enrolment_id IS NULL OR (e.status = 'active' AND NOT e.pauses @> '[{"until": null}]'::jsonb))
        -- PostgreSQL, like the programme's month arithmetic, keeps 31 January + 1 month on the last day of February.
        AND (c.start_date + make_interval(months => s.month))::date BETWEEN $1::date AND $2::date`,
    [today, addCalendarDays(today, REMINDER_WAITS.monthEndingWithinDays + 1)],
  );
  return rows.map((r) => ({
    sessionId: r.id,
    cohortId: r.cohort_id,
    cohortName: r.cohort_name,
    cohortStart: r.start_date,
    month: r.month,
    title: r.title,
    cccName: r.ccc_name,
    allianceSupervisorId: r.alliance_supervisor_id,
    leadId: r.lead_id,
    cohortSupervisorIds: r.cohort_supervisor_ids,
  }));
}

/** Release requests pending for a week or more; updated_at restarts the wait when a moved session moves its request. */
async function pending(manager: EntityManager, now: Date): Promise<ReminderFacts['pendingRelease']> {
  const rows: {
    id: string;
    enrolment_id: string;
    ccc_name: string;
    date: string;
    minutes: number;
    description: string;
    updated_at: Date;
    pcn_supervisor_id: string;
  }[] = await manager.query(
    `SELECT r.id, r.enrolment_id, p.full_name AS ccc_name, r.date, r.minutes, r.description, r.updated_at,
            e.pcn_supervisor_id
       FROM release_request r
       JOIN enrolment e ON e.id = r.enrolment_id AND e.status = 'active' AND e.pcn_supervisor_id IS NOT NULL
       JOIN person p ON p.id = e.ccc_id
      WHERE r.status = 'pending' AND r.updated_at <= $1`,
    [daysBefore(now, REMINDER_WAITS.releaseUnconfirmedDays)],
  );
  return rows.map((r) => ({
    requestId: r.id,
    enrolmentId: r.enrolment_id,
    cccName: r.ccc_name,
    date: r.date,
    minutes: r.minutes,
    description: r.description,
    pendingSince: r.updated_at,
    pcnSupervisorId: r.pcn_supervisor_id,
  }));
}

/**
 * The later Table 2 duties (those with an `attestableFrom`) of active and completed enrolments not yet attested:
 * they fall after the programme, when the enrolment may be completed. One query: the templates' later duties are
 * unnested in PostgreSQL, so no template is sent here per CCC; the rule decides which can be true today.
 */
async function laterDutiesFacts(manager: EntityManager): Promise<LaterDutyFact[]> {
  const rows: {
    enrolment_id: string;
    ccc_name: string;
    duty: Duty;
    cohort_start: string;
    employment_start: string;
    appraisal_date: string | null;
    recipient_id: string | null;
  }[] = await manager.query(
    `SELECT e.id AS enrolment_id, p.full_name AS ccc_name, d.duty,
            to_char(c.start_date, 'YYYY-MM-DD') AS cohort_start, to_char(e.employment_start, 'YYYY-MM-DD') AS employment_start,
            to_char(h.appraisal_date, 'YYYY-MM-DD') AS appraisal_date,
            CASE d.duty ->> 'party' WHEN 'pcn' THEN e.pcn_supervisor_id ELSE e.alliance_supervisor_id END AS recipient_id
       FROM enrolment e
       JOIN cohort c ON c.id = e.cohort_id
       JOIN programme_template t ON t.id = c.template_id
       JOIN person p ON p.id = e.ccc_id
       CROSS JOIN LATERAL jsonb_array_elements(coalesce(t.definition -> 'duties', '[]'::jsonb)) AS d(duty)
       LEFT JOIN handover_interview h ON h.enrolment_id = e.id
      WHERE e.status IN ('active', 'completed') AND e.erased_at IS NULL AND d.duty ? 'attestableFrom'
        AND NOT EXISTS (SELECT 1 FROM attestation a WHERE a.enrolment_id = e.id AND a.expectation_key = d.duty ->> 'key')`,
  );
  return rows
    .filter((r) => r.recipient_id)
    .map((r) => ({
      enrolmentId: r.enrolment_id,
      cccName: r.ccc_name,
      key: r.duty.key,
      title: r.duty.title,
      from: r.duty.attestableFrom!,
      dates: { cohortStart: r.cohort_start, employmentStart: r.employment_start, appraisalDate: r.appraisal_date },
      attested: false,
      recipientIds: [r.recipient_id!],
    }));
}
