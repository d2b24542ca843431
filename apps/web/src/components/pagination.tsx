import { Link } from 'react-router';

interface PaginationProps {
  /** 1-based. */
  page: number;
  pageCount: number;
  /** The address of another page (keeps the rest of the address, such as filters). */
  hrefOf: (page: number) => string;
  /** Names the list paged, for screen readers when a page has more than one pager. */
  label: string;
}

/**
 * The NHS.UK pagination (previous and next, each saying which page it leads to). Nothing when everything fits on
 * one page.
 */
export function Pagination({ page, pageCount, hrefOf, label }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav className="nhsuk-pagination" role="navigation" aria-label={label}>
      <ul className="nhsuk-list nhsuk-pagination__list">
        {page > 1 && (
          <li className="nhsuk-pagination-item--previous">
            <Link className="nhsuk-pagination__link nhsuk-pagination__link--prev" to={hrefOf(page - 1)} rel="prev">
              <span className="nhsuk-pagination__title">
                Previous<span className="nhsuk-u-visually-hidden"> page</span>
              </span>
              <span className="nhsuk-u-visually-hidden">: </span>
              <span className="nhsuk-pagination__page">
                Page {page - 1} of {pageCount}
              </span>
            </Link>
          </li>
        )}
        {page < pageCount && (
          <li className="nhsuk-pagination-item--next">
            <Link className="nhsuk-pagination__link nhsuk-pagination__link--next" to={hrefOf(page + 1)} rel="next">
              <span className="nhsuk-pagination__title">
                Next<span className="nhsuk-u-visually-hidden"> page</span>
              </span>
              <span className="nhsuk-u-visually-hidden">: </span>
              <span className="nhsuk-pagination__page">
                Page {page + 1} of {pageCount}
              </span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
