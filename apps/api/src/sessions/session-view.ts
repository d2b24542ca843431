import type { Attendance, PersonRef, SessionHistoryEntry, SessionView } from '@ccc/contracts';
import { availableActions, displayStatus, monthBounds, type SessionActor, type SessionStatus } from '@ccc/programme';
import type { AuditEntry } from '../audit/audit-entry.entity';
import type { Person } from '../people/person.entity';
import type { AgreedActionEntity } from './agreed-action.entity';
import type { FullSession, RegisterRow } from './session-loader';

export const personRef = (p: { id: string; fullName: string } | null | undefined): PersonRef | null =>
  p ? { id: p.id, fullName: p.fullName } : null;

/** The audit entries of a session, read as its history. */
export function historyOf(entries: AuditEntry[], people: Map<string, Person>): SessionHistoryEntry[] {
  return entries.map((entry) => {
    const detail = entry.detail as {
      from?: SessionStatus;
      to?: SessionStatus;
      reason?: string;
      before?: { startsAt?: string | null };
      after?: { startsAt?: string | null };
    };
    const previous = detail.before?.startsAt ?? null;
    const now = detail.after?.startsAt ?? null;
    return {
      at: entry.at.toISOString(),
      actor: entry.actorId ? personRef(people.get(entry.actorId)) : null,
      action: entry.action.replace(/^session\./, ''),
      from: detail.from ?? null,
      to: detail.to ?? null,
      reason: detail.reason ?? null,
      startsAt: now,
      previousStartsAt: previous && previous !== now ? previous : null,
    };
  });
}

/** A loaded session (with cohort, lead, attendances and their enrolments) as the API answers it. */
export function toSessionView(
  session: FullSession,
  parts: {
    actor: SessionActor;
    visible: (attendance: RegisterRow) => boolean;
    actions: AgreedActionEntity[];
    carriedActions: SessionView['carriedActions'];
    history: SessionHistoryEntry[];
    now: Date;
  },
): SessionView {
  const bounds = monthBounds(session.cohort.startDate, session.month);
  // A CCC's action names its CCC to those who may see that CCC on the register (a PCN supervisor sees their own);
  // the enrolment id alone names nobody, and tells the other CCCs of a group the action is not theirs.
  const ownerOf = (enrolmentId: string | null) => {
    const attendance = session.attendances.find((a) => a.enrolmentId === enrolmentId);
    return {
      ownerEnrolmentId: enrolmentId,
      ownerCcc: attendance && parts.visible(attendance) ? personRef(attendance.enrolment.ccc) : null,
    };
  };
  const state = {
    status: session.status,
    participants: session.participants,
    startsAt: session.startsAt,
    durationMinutes: session.durationMinutes,
  };
  return {
    id: session.id,
    cohortId: session.cohortId,
    enrolmentId: session.enrolmentId,
    planItemKey: session.planItemKey,
    month: session.month,
    monthStartsOn: bounds.startsOn,
    monthEndsBefore: bounds.endsBefore,
    kind: session.kind,
    title: session.title,
    purpose: session.purpose,
    status: displayStatus({ ...state, monthEndsBefore: bounds.endsBefore }, parts.now),
    startsAt: session.startsAt?.toISOString() ?? null,
    durationMinutes: session.durationMinutes,
    durationRange: { min: session.minMinutes, max: session.maxMinutes },
    mode: session.mode,
    meetingLink: session.meetingLink,
    place: session.place,
    outOfMonthReason: session.outOfMonthReason,
    proposedStartsAt: session.proposedStartsAt?.toISOString() ?? null,
    cancellationReason: session.cancellationReason,
    sharedByCohort: session.sharedByCohort,
    participants: session.participants,
    lead: personRef(session.lead),
    attendees: session.attendances.filter(parts.visible).map((a) => ({
      enrolmentId: a.enrolmentId,
      ccc: { id: a.enrolment.ccc.id, fullName: a.enrolment.ccc.fullName },
      pcnSupervisor: personRef(a.enrolment.pcnSupervisor),
      allianceSupervisor: personRef(a.enrolment.allianceSupervisor),
      attendance: a.attendance as Attendance,
    })),
    staffAttendance: (session.staffAttendance ?? {}) as SessionView['staffAttendance'],
    // Notes of a group meeting are about many CCCs: only the Alliance reads them.
    notes: parts.actor === 'alliance' || !session.sharedByCohort ? session.notes : null,
    recordedAt: session.recordedAt?.toISOString() ?? null,
    actions: parts.actions.map((a) => ({
      id: a.id,
      description: a.description,
      owner: a.owner,
      ...ownerOf(a.ownerEnrolmentId),
      dueDate: a.dueDate,
      done: a.done,
      version: a.version,
    })),
    carriedActions: parts.carriedActions,
    history: parts.history,
    availableActions: availableActions(state, parts.actor, parts.now),
    version: session.version,
  };
}
