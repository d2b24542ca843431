import { Link } from 'react-router';
import { useDocumentTitle } from '../../utils/use-document-title';

export function NotFoundRoute() {
  useDocumentTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </>
  );
}
