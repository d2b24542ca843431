import type { DisplayStatus } from '@ccc/programme';
import { SESSION_STATUS_TONES, sessionStatusLabel } from '../utils/labels';

/** The status in words; the colour only repeats what the text says. */
export function StatusBadge({ status }: { status: DisplayStatus }) {
  const tone = SESSION_STATUS_TONES[status] ?? 'neutral';
  return (
    <strong className={`badge badge--${tone}`}>
      <span className="visually-hidden">Status: </span>
      {sessionStatusLabel(status)}
    </strong>
  );
}
