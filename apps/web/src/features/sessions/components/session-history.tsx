import type { SessionHistoryEntry } from '@ccc/contracts';
import { formatDateTime } from '../../../utils/format';
import { historyActionLabel, historyStatusChange } from '../utils/history';

/** Who did what, when, and why, oldest first. */
export function SessionHistory({ history }: { history: SessionHistoryEntry[] }) {
  const entries = [...history].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <section aria-labelledby="history-heading" className="app-section">
      <h2 id="history-heading">History</h2>
      {entries.length === 0 ? (
        <p>Nothing has happened to this session yet.</p>
      ) : (
        <ol className="nhsuk-list app-history">
          {entries.map((entry, index) => {
            const change = historyStatusChange(entry);
            return (
              <li className="app-history__item" key={`${entry.at}-${index}`}>
                <p className="nhsuk-u-margin-bottom-1">
                  <strong>{historyActionLabel(entry)}</strong> by {entry.actor?.fullName ?? 'the service'}
                </p>
                <p className="app-secondary-text nhsuk-u-margin-bottom-2">
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                </p>
                {(change || entry.startsAt || entry.reason) && (
                  <dl className="app-details">
                    {change && (
                      <div className="app-details__row">
                        <dt>Status</dt>
                        <dd>{change}</dd>
                      </div>
                    )}
                    {entry.previousStartsAt && (
                      <div className="app-details__row">
                        <dt>Was</dt>
                        <dd>
                          <time dateTime={entry.previousStartsAt}>{formatDateTime(entry.previousStartsAt)}</time>
                        </dd>
                      </div>
                    )}
                    {entry.startsAt && (
                      <div className="app-details__row">
                        <dt>{entry.previousStartsAt ? 'Now' : 'Time'}</dt>
                        <dd>
                          <time dateTime={entry.startsAt}>{formatDateTime(entry.startsAt)}</time>
                        </dd>
                      </div>
                    )}
                    {entry.reason && (
                      <div className="app-details__row">
                        <dt>Reason</dt>
                        <dd>{entry.reason}</dd>
                      </div>
                    )}
                  </dl>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
