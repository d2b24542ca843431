import type { CompetencyGridResponse } from '@ccc/contracts';
import { Link } from 'react-router';
import { TableContainer } from '../../../components/table-container';
import { competencyPath } from '../api/get-competency';
import { formatDay } from '../utils/dates';
import { CompetencyStateTag } from './competency-state-tag';

function evidenceText(count: number): string {
  if (count === 0) return 'None yet';
  return count === 1 ? '1 piece' : `${count} pieces`;
}

/**
 * The grid: one table per domain (its caption the domain), a row per competency with its state, the evidence
 * given and when the state last changed. The competency's name, the row's header, links to its page.
 */
export function CompetencyGrid({ grid }: { grid: CompetencyGridResponse }) {
  return (
    <>
      {grid.domains.map((domain) => {
        const captionId = `domain-${domain.key}`;
        return (
          <section key={domain.key} className="app-section" data-domain={domain.key}>
            <TableContainer captionId={captionId}>
              <table className="nhsuk-table">
                <caption className="nhsuk-table__caption nhsuk-table__caption--m" id={captionId}>
                  {domain.title}
                </caption>
                <thead className="nhsuk-table__head">
                  <tr className="nhsuk-table__row">
                    <th className="nhsuk-table__header nhsuk-u-width-one-half" scope="col">
                      Competency
                    </th>
                    <th className="nhsuk-table__header" scope="col">
                      State
                    </th>
                    <th className="nhsuk-table__header" scope="col">
                      Evidence
                    </th>
                    <th className="nhsuk-table__header" scope="col">
                      Since
                    </th>
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {domain.competencies.map((competency) => {
                    const { progress } = competency;
                    const returned =
                      progress.state === 'working_towards' &&
                      (progress.latestReview?.outcome === 'returned' || progress.latestReview?.outcome === 'withdrawn');
                    return (
                      <tr className="nhsuk-table__row" key={competency.code} data-competency={competency.code}>
                        <th className="nhsuk-table__header" scope="row">
                          <Link to={competencyPath(grid.enrolmentId, competency.code)}>{competency.title}</Link>
                          <span className="app-secondary-text">{competency.code}</span>
                        </th>
                        <td className="nhsuk-table__cell">
                          <CompetencyStateTag state={progress.state} />
                          {returned && (
                            <span className="app-secondary-text">
                              {progress.latestReview?.outcome === 'returned'
                                ? 'Returned for more evidence'
                                : 'Sign-off withdrawn'}
                            </span>
                          )}
                        </td>
                        <td className="nhsuk-table__cell">{evidenceText(progress.evidenceCount)}</td>
                        <td className="nhsuk-table__cell">{progress.since ? formatDay(progress.since) : 'Not yet'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableContainer>
          </section>
        );
      })}
    </>
  );
}
