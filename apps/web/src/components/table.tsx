import type { ReactNode } from 'react';
import { TableContainer } from './table-container';

export interface TableColumn<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Right-aligned figures. */
  numeric?: boolean;
}

interface TableProps<Row> {
  id: string;
  caption: ReactNode;
  /** Hide the caption when a heading right above says the same (it still names the table for screen readers). */
  captionHidden?: boolean;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** The first column's cells as row headers (a name that the other cells are about). */
  rowHeaders?: boolean;
  /** The NHS responsive table: on a phone, each row becomes a card with its headers beside the values. */
  responsive?: boolean;
}

/** An NHS table in a container that scrolls sideways on a narrow screen rather than widening the page. */
export function Table<Row>({
  id,
  caption,
  captionHidden,
  columns,
  rows,
  rowKey,
  rowHeaders,
  responsive,
}: TableProps<Row>) {
  const captionId = `${id}-caption`;
  return (
    <TableContainer captionId={captionId}>
      <table className={responsive ? 'nhsuk-table-responsive' : 'nhsuk-table'} id={id}>
        <caption
          className={captionHidden ? 'nhsuk-u-visually-hidden' : 'nhsuk-table__caption nhsuk-table__caption--s'}
          id={captionId}
        >
          {caption}
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={column.numeric ? 'nhsuk-table__header nhsuk-table__header--numeric' : 'nhsuk-table__header'}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map((row) => (
            <tr className="nhsuk-table__row" key={rowKey(row)}>
              {columns.map((column, index) => {
                const className = column.numeric ? 'nhsuk-table__cell nhsuk-table__cell--numeric' : 'nhsuk-table__cell';
                const content = responsive ? (
                  <>
                    <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                      {column.header}{' '}
                    </span>
                    {column.cell(row)}
                  </>
                ) : (
                  column.cell(row)
                );
                return rowHeaders && index === 0 ? (
                  <th key={column.key} scope="row" className={className}>
                    {content}
                  </th>
                ) : (
                  <td key={column.key} className={className}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}
