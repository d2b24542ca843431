// The enrolments feature's public face: what other features may import from it (eslint: ccc/feature-boundaries).

export { useEnrolments } from './api/get-enrolments';
export { getTimelineQueryOptions, useTimeline } from './api/get-timeline';
export { StatusBadge } from './components/status-badge';
export {
  SESSION_STATUS_TONES,
  ATTENDANCE_LABELS,
  ENROLMENT_STATUS_LABELS,
  PARTICIPANT_ROLE_LABELS,
  SESSION_ACTION_LABELS,
  SESSION_KIND_LABELS,
  SESSION_MODE_LABELS,
  TRACK_LABELS,
  attendanceLabel,
  currentMonthLabel,
  participantRoleLabel,
  sessionKindLabel,
  sessionStatusLabel,
} from './utils/labels';
