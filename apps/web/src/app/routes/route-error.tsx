import { isRouteErrorResponse, useRouteError } from 'react-router';
import { SERVICE_NAME, useDocumentTitle } from '../../utils/use-document-title';
import { NhsLogo } from '../layout/nhs-logo';

/** Shown when rendering a route throws: a plain NHS page rather than React Router's developer screen. */
export function RouteError() {
  const error = useRouteError();
  useDocumentTitle('Sorry, there is a problem with the service');
  const detail = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : null;
  return (
    <>
      <header className="nhsuk-header">
        <div className="nhsuk-header__container nhsuk-width-container app-width-container">
          <div className="nhsuk-header__service">
            {/* A full page load: whatever broke is not carried over. */}
            <a className="nhsuk-header__service-logo" href="/">
              <NhsLogo />
              <span className="nhsuk-header__service-name">{SERVICE_NAME}</span>
            </a>
          </div>
        </div>
      </header>
      <div className="nhsuk-width-container app-width-container">
        <main className="nhsuk-main-wrapper" id="main-content">
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-two-thirds">
              <h1>Sorry, there is a problem with the service</h1>
              <p>Try again later, or reload the page.</p>
              {detail && <p>{detail}</p>}
              <p>
                <a href="/">Go to the start page</a>
              </p>
            </div>
          </div>
        </main>
      </div>
    </>
  );
}
