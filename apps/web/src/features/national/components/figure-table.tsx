import type { NationalCell, NationalFigures } from '@ccc/contracts';
import { TableContainer } from '../../../components/table-container';
import type { FigureRow } from '../utils/national';

export interface FigureColumn {
  heading: string;
  cell: (figures: NationalFigures) => NationalCell;
}

/** One figure as it reads: the number, or "fewer than 5" / "withheld" in words (never a blank or a 0). */
export function Figure({ cell }: { cell: NationalCell }) {
  return cell.suppressed ? <span className="app-secondary-text">{cell.display}</span> : <>{cell.display}</>;
}

/** A table of one figure: a row per Alliance (its name the row header) and the nation's total below them. */
export function FigureTable({
  id,
  caption,
  rows,
  columns,
}: {
  id: string;
  caption: string;
  rows: FigureRow[];
  columns: FigureColumn[];
}) {
  return (
    <TableContainer captionId={`${id}-caption`}>
      <table className="nhsuk-table app-report-table" id={id}>
        <caption className="nhsuk-table__caption nhsuk-table__caption--s" id={`${id}-caption`}>
          {caption}
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Alliance
            </th>
            {columns.map((column) => (
              <th scope="col" className="nhsuk-table__header" key={column.heading}>
                {column.heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map((row) => (
            <tr key={row.key} className={row.total ? 'nhsuk-table__row app-report-table__total' : 'nhsuk-table__row'}>
              <th scope="row" className="nhsuk-table__cell">
                {row.label}
              </th>
              {columns.map((column) => (
                <td className="nhsuk-table__cell" key={column.heading}>
                  <Figure cell={column.cell(row.figures)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}
