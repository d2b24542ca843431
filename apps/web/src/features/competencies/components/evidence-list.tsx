import type { EvidenceView } from '@ccc/contracts';
import { formatDateTime } from '../../../utils/format';
import { EVIDENCE_KIND_LABELS } from '../utils/labels';
import { EvidenceFileDownload } from './evidence-file-download';

/** The evidence given for a competency, oldest first: reflections in full, links, and files to download. */
export function EvidenceList({ evidence }: { evidence: EvidenceView[] }) {
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
        </li>
      ))}
    </ol>
  );
}
