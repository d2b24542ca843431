/** The record form's rules: every attendee on the register marked, each agreed action complete. */
import type { Attendance, RecordSessionRequest } from '@ccc/contracts';
import { checkAgreedActionDates, type ParticipantRole } from '@ccc/programme';
import { isCalendarDate } from '../../../utils/london-time';

export type Mark = Exclude<Attendance, 'expected'>;
export type StaffRole = 'pcn_supervisor' | 'alliance_supervisor';

export const MARKS: readonly Mark[] = ['present', 'apologies', 'absent'];
export const STAFF_ROLES: readonly StaffRole[] = ['alliance_supervisor', 'pcn_supervisor'];

export interface ActionRow {
  /** Stable within the form, for React keys and field ids. */
  key: number;
  description: string;
  owner: ParticipantRole | '';
  /** Which CCC of a group session owns a CCC's action ('' until chosen; unused with one CCC). */
  ownerEnrolmentId: string;
  dueDate: string;
}

export interface RecordValues {
  /** By enrolment id. */
  attendance: Record<string, Mark | ''>;
  staff: Partial<Record<StaffRole, Mark | ''>>;
  notes: string;
  actions: ActionRow[];
}

/** Field ids, which are also the keys of the error map, so the summary can link to each. */
export const recordFieldIds = {
  attendance: (enrolmentId: string) => `record-attendance-${enrolmentId}`,
  staff: (role: StaffRole) => `record-staff-${role}`,
  notes: 'record-notes',
  action: (key: number, part: ActionPart) => `record-action-${key}-${part}`,
};

export type ActionPart = 'description' | 'owner' | 'ownerEnrolmentId' | 'dueDate';

export type RecordErrors = Record<string, string>;

export interface RecordContext {
  attendees: { enrolmentId: string; ccc: { fullName: string }; attendance: Attendance }[];
  /** The supervisors who take part in the session. */
  staffRoles: readonly StaffRole[];
  /** When the session started: an action cannot be due before it. */
  startsAt?: Date;
}

function asMark(value: Attendance): Mark | '' {
  return value === 'expected' ? '' : value;
}

export function initialRecordValues(
  context: RecordContext,
  staff: Partial<Record<StaffRole, Attendance>>,
  notes: string | null,
): RecordValues {
  return {
    attendance: Object.fromEntries(context.attendees.map((a) => [a.enrolmentId, asMark(a.attendance)])),
    staff: Object.fromEntries(context.staffRoles.map((role) => [role, asMark(staff[role] ?? 'expected')])),
    notes: notes ?? '',
    actions: [],
  };
}

export function validateRecord(values: RecordValues, context: RecordContext): RecordErrors {
  const errors: RecordErrors = {};
  for (const attendee of context.attendees) {
    if (!values.attendance[attendee.enrolmentId]) {
      errors[recordFieldIds.attendance(attendee.enrolmentId)] =
        `Say whether ${attendee.ccc.fullName} was present, sent apologies or was absent`;
    }
  }
  // The supervisors' attendance is optional (the API's contract makes it so); a role left blank is not sent.
  values.actions.forEach((action, index) => {
    const n = index + 1;
    if (!action.description.trim()) errors[recordFieldIds.action(action.key, 'description')] = `Describe action ${n}`;
    if (!action.owner) errors[recordFieldIds.action(action.key, 'owner')] = `Choose who owns action ${n}`;
    else if (action.owner === 'ccc' && context.attendees.length > 1 && !action.ownerEnrolmentId) {
      errors[recordFieldIds.action(action.key, 'ownerEnrolmentId')] = `Choose which CCC owns action ${n}`;
    }
    if (!action.dueDate.trim()) errors[recordFieldIds.action(action.key, 'dueDate')] = `Enter when action ${n} is due`;
    else if (!isCalendarDate(action.dueDate.trim())) {
      errors[recordFieldIds.action(action.key, 'dueDate')] = `Enter a real due date for action ${n}`;
    } else if (
      context.startsAt &&
      checkAgreedActionDates([{ dueDate: action.dueDate.trim() }], context.startsAt).length
    ) {
      errors[recordFieldIds.action(action.key, 'dueDate')] = `Action ${n} cannot be due before the session was held`;
    }
  });
  return errors;
}

export function toRecordRequest(values: RecordValues, context: RecordContext, version: number): RecordSessionRequest {
  const request: RecordSessionRequest = {
    attendance: context.attendees.map(({ enrolmentId }) => ({
      enrolmentId,
      attendance: values.attendance[enrolmentId] as Mark,
    })),
    version,
  };
  const staff = context.staffRoles.filter((role) => values.staff[role]);
  if (staff.length > 0) {
    request.staffAttendance = Object.fromEntries(staff.map((role) => [role, values.staff[role] as Mark]));
  }
  if (values.notes.trim()) request.notes = values.notes.trim();
  if (values.actions.length > 0) {
    request.actions = values.actions.map(({ description, owner, ownerEnrolmentId, dueDate }) => ({
      description: description.trim(),
      owner: owner as ParticipantRole,
      // A group session's CCC action names its CCC; with one CCC the API fills it in.
      ...(owner === 'ccc' && context.attendees.length > 1 && ownerEnrolmentId ? { ownerEnrolmentId } : {}),
      dueDate: dueDate.trim(),
    }));
  }
  return request;
}

/**
 * Where an API field error belongs: "attendance[2].attendance" or "attendance.2" to that attendee's row,
 * "actions[0].dueDate" to that action's field, "staffAttendance.pcn_supervisor" to that supervisor, "notes".
 */
export function recordFieldFor(serverField: string, values: RecordValues, context: RecordContext): string | null {
  const path = serverField.replace(/\[(\d+)\]/g, '.$1').split('.');
  const [head, indexText, part] = path;
  const index = Number(indexText);
  if (head === 'notes') return recordFieldIds.notes;
  if (head === 'attendance' && Number.isInteger(index)) {
    const attendee = context.attendees[index];
    return attendee ? recordFieldIds.attendance(attendee.enrolmentId) : null;
  }
  if (head === 'staffAttendance' && context.staffRoles.includes(indexText as StaffRole)) {
    return recordFieldIds.staff(indexText as StaffRole);
  }
  if (head === 'actions' && Number.isInteger(index)) {
    const action = values.actions[index];
    if (!action) return null;
    if (part === 'description' || part === 'owner' || part === 'ownerEnrolmentId' || part === 'dueDate')
      return recordFieldIds.action(action.key, part);
    return recordFieldIds.action(action.key, 'description');
  }
  return null;
}
