import { useEffect, useState } from 'react';
import { Autosaver, type AutosaveStatus } from './autosaver';
import { deleteDraft } from './api/delete-draft';
import { saveDraft } from './api/save-draft';
import { sessionDraftStorage, type StartingDraft } from './draft-store';

/**
 * Autosaves a form as the person's draft under `key`. Call `change` from the form's change handlers; before
 * submitting `await pause()`, then `discard()` on success or `resume()` on failure. A copy typed in this tab but
 * never saved (the session ended first) is sent as soon as the form opens again. Key the form by the draft key:
 * one Autosaver per draft.
 */
export function useAutosave(key: string, personId: string, startingDraft: StartingDraft) {
  // What the form started from, once: a later render of the gate must not send it again.
  const [starting] = useState(startingDraft);
  const [status, setStatus] = useState<AutosaveStatus>(() =>
    starting.savedAt ? { state: 'saved', at: starting.savedAt } : { state: 'idle' },
  );
  const [saver] = useState(
    () =>
      new Autosaver({
        key,
        personId,
        save: (content) => saveDraft(key, content),
        remove: () => deleteDraft(key),
        storage: sessionDraftStorage(),
        onStatus: setStatus,
      }),
  );

  useEffect(() => {
    // Restored from this tab: it never reached the server, so send it now.
    if (starting.fromThisTab && starting.content !== null) {
      saver.change(starting.content);
      void saver.flush();
    }
    const leave = () => void saver.flush();
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      // Leaving the form (another page, closing the panel): what is waiting goes now rather than never.
      void saver.flush();
    };
  }, [saver, starting]);

  return {
    status,
    change: (content: unknown) => saver.change(content),
    pause: () => saver.pause(),
    resume: () => saver.resume(),
    discard: () => saver.discard(),
  };
}

export type Autosave = ReturnType<typeof useAutosave>;
