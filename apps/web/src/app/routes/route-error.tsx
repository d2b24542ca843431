import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Shown when rendering a route throws: a plain page rather than React Router's developer screen. */
export function RouteError() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : null;
  return (
    <main className="main container" id="main-content">
      <h1>Sorry, there is a problem with the service</h1>
      <p>Try again later, or reload the page.</p>
      {detail && <p>{detail}</p>}
      <p>
        <a href="/">Go to the start page</a>
      </p>
    </main>
  );
}
