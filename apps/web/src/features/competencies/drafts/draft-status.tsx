import { formatDateTime } from '../../../utils/format';
import { InsetText } from '../../../components/inset-text';
import type { AutosaveStatus } from './autosaver';
import type { StartingDraft } from './draft-store';

/** "Draft saved: Tuesday 3 March 2026, 10:32"; nothing while there is nothing to say. */
export function autosaveStatusText(status: AutosaveStatus): string {
  switch (status.state) {
    case 'idle':
      return '';
    case 'saving':
      return 'Saving your draft…';
    case 'saved':
      return `Draft saved: ${formatDateTime(status.at)}`;
    case 'failed':
      return status.retrying
        ? 'Your draft could not be saved just now. It is kept in this browser tab and will be saved when the service answers.'
        : 'Your draft could not be saved. It is kept in this browser tab until you send it.';
  }
}

/** A polite live region, always on the page so that screen readers hear each change. */
export function DraftStatus({ id, status }: { id: string; status: AutosaveStatus }) {
  return (
    <p
      className="nhsuk-body-s app-secondary-text"
      id={id}
      role="status"
      aria-live="polite"
      data-draft-state={status.state}
    >
      {autosaveStatusText(status)}
    </p>
  );
}

/** Says that the form holds a restored draft, so the person is not surprised by text they typed before. */
export function RestoredDraftNotice({ starting }: { starting: StartingDraft }) {
  if (starting.content === null) return null;
  return (
    <InsetText>
      <p>
        {starting.fromThisTab
          ? 'We have put back what you were typing in this browser tab. It had not been saved yet, so it is being saved now.'
          : `We have put back the draft you were writing${starting.savedAt ? `, last saved ${formatDateTime(starting.savedAt)}` : ''}.`}
      </p>
    </InsetText>
  );
}
