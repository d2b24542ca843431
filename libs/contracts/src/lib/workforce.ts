import type { WiderWorkforceRole } from '@ccc/programme';

/**
 * The wider support workforce at a session open to them (the month-6 conference, issue #16 item 6): people
 * without programme accounts whom the Alliance adds and registers. GET/POST /api/sessions/:id/workforce,
 * PATCH/DELETE /api/sessions/:id/workforce/:attendeeId (administrators and the session's Alliance supervisors).
 */
export type WorkforceAttendance = 'expected' | 'present' | 'apologies' | 'absent';

export interface WorkforceAttendeeView {
  id: string;
  fullName: string;
  role: WiderWorkforceRole;
  organisation: string;
  email: string;
  attendance: WorkforceAttendance;
  version: number;
}

export interface SessionWorkforce {
  sessionId: string;
  /** The roles the session is open to (from its template); empty when it is open to none. */
  openTo: WiderWorkforceRole[];
  attendees: WorkforceAttendeeView[];
}

export interface AddWorkforceAttendeeRequest {
  fullName: string;
  role: WiderWorkforceRole;
  organisation: string;
  email: string;
}

export interface RegisterWorkforceAttendanceRequest {
  attendance: WorkforceAttendance;
  /** The version read: a stale one is a 409. */
  version: number;
}

/** The cohort report's count of them: registered and present, by role, over the report's cohorts. */
export interface ReportWorkforceRow {
  role: WiderWorkforceRole;
  label: string;
  registered: number;
  present: number;
}
