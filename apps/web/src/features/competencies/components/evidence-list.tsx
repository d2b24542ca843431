import type { EvidenceView } from '@ccc/contracts';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { describeError } from '../../../components/error-message';
import { formatDateTime } from '../../../utils/format';
import { useRemoveEvidence } from '../api/remove-evidence';
import { EVIDENCE_KIND_LABELS } from '../utils/labels';
import { EvidenceFileDownload } from './evidence-file-download';

/** Removes one piece of evidence, after the CCC confirms: a file is erased, not hidden. */
function RemoveEvidence({ item, enrolmentId, code }: { item: EvidenceView; enrolmentId: string; code: string }) {
  const remove = useRemoveEvidence(enrolmentId, code);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const what = item.file ? item.file.fileName : EVIDENCE_KIND_LABELS[item.kind].toLowerCase();
  if (!confirming)
    return (
      <Button variant="secondary" small onClick={() => setConfirming(true)}>
        Remove<span className="nhsuk-u-visually-hidden">: {what}</span>
      </Button>
    );
  return (
    <div role="group" aria-label="Remove this evidence">
      <p>
        Remove this {item.file ? 'file' : 'evidence'}? Your supervisor has not reviewed it yet.
        {item.file && ' The file is erased, not kept.'}
      </p>
      <div className="nhsuk-button-group">
        <Button
          variant="warning"
          small
          pending={remove.isPending}
          onClick={() => {
            if (remove.isPending) return;
            setError(null);
            remove.mutate(item.id, { onError: (cause) => setError(describeError(cause)) });
          }}
        >
          Yes, remove it
        </Button>
        <Button variant="secondary" small onClick={() => setConfirming(false)}>
          Keep it
        </Button>
      </div>
      {error && (
        <p className="nhsuk-error-message" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The evidence given for a competency, oldest first: reflections in full, links, and files to download. */
export function EvidenceList({
  evidence,
  enrolmentId,
  code,
}: {
  evidence: EvidenceView[];
  enrolmentId: string;
  code: string;
}) {
  if (evidence.length === 0) return <p>No evidence has been given for this competency yet.</p>;
  return (
    <ol className="nhsuk-list app-history" aria-label="Evidence, oldest first">
      {evidence.map((item) => (
        <li className="app-history__item" key={item.id} data-evidence-kind={item.kind}>
          <p className="nhsuk-u-margin-bottom-1">
            <strong>{EVIDENCE_KIND_LABELS[item.kind]}</strong>
            {item.submittedBy && ` from ${item.submittedBy.fullName}`}
          </p>
          <p className="app-secondary-text nhsuk-u-margin-bottom-2">
            <time dateTime={item.submittedAt}>{formatDateTime(item.submittedAt)}</time>
          </p>
          {item.url && (
            <p className="app-break-anywhere">
              <a href={item.url} target="_blank" rel="noopener noreferrer">
                {item.url} (opens in a new tab)
              </a>
            </p>
          )}
          {item.text && <p className="app-preserve-lines">{item.text}</p>}
          {item.file && <EvidenceFileDownload file={item.file} />}
          {item.removable && <RemoveEvidence item={item} enrolmentId={enrolmentId} code={code} />}
        </li>
      ))}
    </ol>
  );
}
