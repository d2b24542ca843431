import type { SessionView } from '@ccc/contracts';
import type { SessionAction } from '@ccc/programme';
import { formatDateTime } from '../../../utils/format';

/** The message after an action succeeds, from the session as the API now has it. */
export function confirmationFor(
  action: SessionAction,
  view: Pick<SessionView, 'status' | 'startsAt'>,
): {
  title: string;
  detail: string | null;
} {
  const when = view.startsAt ? formatDateTime(view.startsAt) : null;
  const waitingForPcn = view.status === 'awaiting_pcn';
  switch (action) {
    case 'book':
    case 'reschedule':
      if (waitingForPcn) {
        return {
          title: action === 'book' ? 'Time offered to the PCN supervisor' : 'New time offered to the PCN supervisor',
          detail: `${when ?? 'The time'} is waiting for the PCN supervisor. The session is booked once they accept it.`,
        };
      }
      return {
        title: action === 'book' ? 'Session booked' : 'Session rescheduled',
        detail: when ? `It is booked for ${when} (UK time).` : null,
      };
    case 'accept_slot':
    case 'accept_proposal':
      return { title: 'Session booked', detail: when ? `You accepted ${when} (UK time).` : null };
    case 'propose_slot':
      return {
        title: 'Time proposed',
        detail: 'The Alliance supervisor will accept your time or offer another one.',
      };
    case 'counter_proposal':
      return {
        title: 'Another time offered',
        detail: `${when ?? 'Your time'} is waiting for the PCN supervisor to accept it or propose another.`,
      };
    case 'cancel':
      return {
        title: 'Session cancelled',
        detail: 'A new session for the same part of the plan is on the timeline, ready to book.',
      };
    case 'record':
      return { title: 'Session recorded', detail: 'The register, notes and agreed actions are saved.' };
  }
}
