import type { TnaResponse, TnaRoundView } from '@ccc/contracts';
import { TableContainer } from '../../../../components/table-container';
import { ratingText } from '../../utils/labels';

/** A round as it stands, read-only: per domain, each competency's own rating, the agreed one and the needs. */
export function TnaTable({ tna, round }: { tna: TnaResponse; round: TnaRoundView }) {
  const byCode = new Map(round.ratings.map((r) => [r.code, r]));
  return (
    <>
      {tna.domains.map((domain) => {
        const captionId = `tna-${round.round}-${domain.key}`;
        return (
          <TableContainer captionId={captionId} key={domain.key}>
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-table__caption--s" id={captionId}>
                {domain.title}
                {/* Each round has a table per domain: the round makes their names differ. */}
                <span className="nhsuk-u-visually-hidden">, TNA {round.round}</span>
              </caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th className="nhsuk-table__header" scope="col">
                    Competency
                  </th>
                  <th className="nhsuk-table__header" scope="col">
                    CCC&apos;s own rating
                  </th>
                  <th className="nhsuk-table__header" scope="col">
                    Agreed rating
                  </th>
                  <th className="nhsuk-table__header" scope="col">
                    Training needs
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {domain.competencies.map((competency) => {
                  const rating = byCode.get(competency.code);
                  return (
                    <tr className="nhsuk-table__row" key={competency.code}>
                      <th className="nhsuk-table__header" scope="row">
                        {competency.title}
                        <span className="app-secondary-text">{competency.code}</span>
                      </th>
                      <td className="nhsuk-table__cell">
                        {ratingText(rating?.selfRating ?? null, tna.scale)}
                        {rating?.selfNote && <span className="app-secondary-text">{rating.selfNote}</span>}
                      </td>
                      <td className="nhsuk-table__cell">{ratingText(rating?.agreedRating ?? null, tna.scale)}</td>
                      <td className="nhsuk-table__cell app-preserve-lines">{rating?.needs || 'None recorded'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableContainer>
        );
      })}
    </>
  );
}
