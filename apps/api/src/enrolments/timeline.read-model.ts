import type { Attendance } from '@ccc/contracts';
import type { ParticipantRole, SessionKind, SessionMode, SessionStatus } from '@ccc/programme';
import type { DataSource } from 'typeorm';

/**
 * A CCC's sessions as the timeline answers them, read as a read model: the answered columns only (not the notes,
 * nor the other attendees' rows), mapped straight from the rows — no entity hydration (issue #17).
 */
export interface TimelineSessionRow {
  id: string;
  planItemKey: string;
  month: number;
  kind: SessionKind;
  title: string;
  purpose: string;
  participants: ParticipantRole[];
  minMinutes: number;
  maxMinutes: number;
  mode: SessionMode;
  sharedByCohort: boolean;
  status: SessionStatus;
  startsAt: Date | null;
  durationMinutes: number | null;
  meetingLink: string | null;
  place: string | null;
  outOfMonthReason: string | null;
  proposedStartsAt: Date | null;
  cancellationReason: string | null;
  leadId: string | null;
  version: number;
  /** This CCC's attendance at it. */
  attendance: Attendance;
}

/** Every session this enrolment attends (its own and its cohort's): one statement. */
export function timelineSessions(db: DataSource, enrolmentId: string): Promise<TimelineSessionRow[]> {
  return db.query(
    `SELECT s.id, s.plan_item_key AS "planItemKey", s.month, s.kind, s.title, s.purpose, s.participants,
            s.min_minutes AS "minMinutes", s.max_minutes AS "maxMinutes", s.mode, s.shared_by_cohort AS "sharedByCohort",
            s.status, s.starts_at AS "startsAt", s.duration_minutes AS "durationMinutes", s.meeting_link AS "meetingLink",
            s.place, s.out_of_month_reason AS "outOfMonthReason", s.proposed_starts_at AS "proposedStartsAt",
            s.cancellation_reason AS "cancellationReason", s.lead_id AS "leadId", s.version, a.attendance
       FROM session s JOIN session_attendance a ON a.session_id = s.id
      WHERE a.enrolment_id = $1`,
    [enrolmentId],
  );
}
