import type { SessionHistoryEntry } from '@ccc/contracts';
import { formatDateTime } from '../../../utils/format';
import { historyActionLabel, historyStatusChange } from '../utils/history';

/** Who did what, when, and why, oldest first. */
export function SessionHistory({ history }: { history: SessionHistoryEntry[] }) {
  const entries = [...history].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <section aria-labelledby="history-heading" className="section">
      <h2 id="history-heading">History</h2>
      {entries.length === 0 ? (
        <p>Nothing has happened to this session yet.</p>
      ) : (
        <ol className="history">
          {entries.map((entry, index) => {
            const change = historyStatusChange(entry);
            return (
              <li className="history__item" key={`${entry.at}-${index}`}>
                <p className="history__what">
                  <strong>{historyActionLabel(entry)}</strong> by {entry.actor?.fullName ?? 'the service'}
                </p>
                <p className="history__when">
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                </p>
                {(change || entry.startsAt || entry.reason) && (
                  <dl className="history__details">
                    {change && (
                      <div>
                        <dt>Status</dt>
                        <dd>{change}</dd>
                      </div>
                    )}
                    {entry.startsAt && (
                      <div>
                        <dt>Time</dt>
                        <dd>
                          <time dateTime={entry.startsAt}>{formatDateTime(entry.startsAt)}</time>
                        </dd>
                      </div>
                    )}
                    {entry.reason && (
                      <div>
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
