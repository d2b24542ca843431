import type { SessionHistoryEntry } from '@ccc/contracts';
import { sessionStatusLabel } from '../../enrolments';

const HISTORY_WORDS: Record<string, string> = {
  created: 'Added to the plan',
  planned: 'Added to the plan',
  book: 'Booked',
  booked: 'Booked',
  'session.booked': 'Booked',
  offer: 'Offered a time to the PCN supervisor',
  accept_slot: 'Accepted the time',
  slot_accepted: 'Accepted the time',
  propose_slot: 'Proposed another time',
  slot_proposed: 'Proposed another time',
  accept_proposal: 'Accepted the proposed time',
  proposal_accepted: 'Accepted the proposed time',
  counter_proposal: 'Offered another time',
  countered: 'Offered another time',
  reschedule: 'Rescheduled',
  rescheduled: 'Rescheduled',
  cancel: 'Cancelled',
  cancelled: 'Cancelled',
  record: 'Recorded',
  recorded: 'Recorded',
  replanned: 'Added again after a cancellation',
  conflict_override: 'Booked over a clash',
};

/** What happened, in words: the API's action code when known, else the code made readable. */
export function historyActionLabel(entry: Pick<SessionHistoryEntry, 'action' | 'from' | 'to'>): string {
  const code = entry.action.replace(/^session[.:]/, '');
  const known = HISTORY_WORDS[entry.action] ?? HISTORY_WORDS[code];
  if (known) return known;
  const words = code.replace(/[._-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Changed';
}

/** "Not booked yet → Booked", or null when the status did not change. */
export function historyStatusChange(entry: Pick<SessionHistoryEntry, 'from' | 'to'>): string | null {
  if (!entry.to || entry.from === entry.to) return null;
  return entry.from
    ? `${sessionStatusLabel(entry.from)} to ${sessionStatusLabel(entry.to)}`
    : sessionStatusLabel(entry.to);
}
