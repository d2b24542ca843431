import { Link, type To } from 'react-router';

interface PaginationProps {
  page: number;
  pages: number;
  /** Where each page is: the list's address with its page number. */
  toPage: (page: number) => To;
  /** What the pages are of, for the links' hidden text: "people". */
  what: string;
}

/** NHS pagination: "Previous" and "Next", each saying which page it goes to; nothing when there is one page. */
export function Pagination({ page, pages, toPage, what }: PaginationProps) {
  if (pages <= 1) return null;
  return (
    <nav className="nhsuk-pagination" role="navigation" aria-label={`Pages of ${what}`}>
      <ul className="nhsuk-list nhsuk-pagination__list">
        {page > 1 && (
          <li className="nhsuk-pagination-item--previous">
            <Link className="nhsuk-pagination__link nhsuk-pagination__link--prev" to={toPage(page - 1)} rel="prev">
              <span className="nhsuk-pagination__title">
                Previous<span className="nhsuk-u-visually-hidden"> page</span>
              </span>
              <span className="nhsuk-u-visually-hidden">: </span>
              <span className="nhsuk-pagination__page">
                Page {page - 1} of {pages}
              </span>
            </Link>
          </li>
        )}
        {page < pages && (
          <li className="nhsuk-pagination-item--next">
            <Link className="nhsuk-pagination__link nhsuk-pagination__link--next" to={toPage(page + 1)} rel="next">
              <span className="nhsuk-pagination__title">
                Next<span className="nhsuk-u-visually-hidden"> page</span>
              </span>
              <span className="nhsuk-u-visually-hidden">: </span>
              <span className="nhsuk-pagination__page">
                Page {page + 1} of {pages}
              </span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
