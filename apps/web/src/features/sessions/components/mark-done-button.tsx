import { useState } from 'react';
import { Button } from '../../../components/button';
import { describeError } from '../../../components/error-message';
import { useMarkActionDone } from '../api/my-actions';

/** The owner's "Mark done" for one agreed action. */
export function MarkDoneButton({ action }: { action: { id: string; version: number; description: string } }) {
  const mark = useMarkActionDone();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        variant="secondary"
        small
        pending={mark.isPending}
        onClick={() => {
          if (mark.isPending) return;
          setError(null);
          mark.mutate({ actionId: action.id, version: action.version }, { onError: (e) => setError(describeError(e)) });
        }}
      >
        Mark done<span className="nhsuk-u-visually-hidden">: {action.description}</span>
      </Button>
      {error && (
        <p className="nhsuk-error-message" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
