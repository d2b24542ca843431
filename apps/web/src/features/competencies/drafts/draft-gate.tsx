import { useState, type ReactNode } from 'react';
import { Button, ButtonGroup } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { useDraft } from './api/get-draft';
import { chooseStartingDraft, readPending, sessionDraftStorage, type StartingDraft } from './draft-store';

interface DraftGateProps {
  draftKey: string;
  personId: string;
  children: (starting: StartingDraft) => ReactNode;
}

const NO_DRAFT: StartingDraft = { content: null, savedAt: null, fromThisTab: false };

/**
 * Loads the person's draft before the form opens, so that the form starts from it (and an autosave never
 * overwrites a draft that had not been read yet).
 */
export function DraftGate({ draftKey, personId, children }: DraftGateProps) {
  const draft = useDraft(draftKey);
  const [withoutDraft, setWithoutDraft] = useState(false);
  if (withoutDraft) return <>{children(NO_DRAFT)}</>;
  if (draft.isPending) return <Loading label="Loading your draft" />;
  if (draft.isError) {
    return (
      <ErrorMessage title="Your saved draft could not be loaded" error={draft.error}>
        <ButtonGroup>
          <Button variant="secondary" onClick={() => void draft.refetch()}>
            Try again
          </Button>
          <Button variant="secondary" onClick={() => setWithoutDraft(true)}>
            Start without it
          </Button>
        </ButtonGroup>
      </ErrorMessage>
    );
  }
  return <>{children(chooseStartingDraft(draft.data, readPending(sessionDraftStorage(), personId, draftKey)))}</>;
}
