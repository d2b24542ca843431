import type { DisplayStatus } from '@ccc/programme';
import { Tag } from '../../../components/tag';
import { SESSION_STATUS_TONES, sessionStatusLabel } from '../utils/labels';

/** A session's status as an NHS tag: in words, the colour only repeating what the text says. */
export function StatusBadge({ status }: { status: DisplayStatus }) {
  return (
    <Tag tone={SESSION_STATUS_TONES[status] ?? 'neutral'} hiddenPrefix="Status: ">
      {sessionStatusLabel(status)}
    </Tag>
  );
}
