import type { ReactNode } from 'react';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { isApiClientError } from '../../../lib/api-client';
import { useDocumentTitle } from '../../../utils/use-document-title';

interface QueryLike {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

interface QueryPageProps {
  title: string;
  /** What is loading, e.g. "the cohorts". */
  what: string;
  query: QueryLike;
  before?: ReactNode;
  children: () => ReactNode;
}

/** A page that shows one query: its title, then "Loading …", the error with a retry, or the content. */
export function QueryPage({ title, what, query, before, children }: QueryPageProps) {
  const status = query.isError && isApiClientError(query.error) ? query.error.status : 0;
  const errorTitle =
    status === 404 ? `${title}: not found` : status === 403 ? `You cannot see ${what}` : `${title} could not be loaded`;
  useDocumentTitle(query.isError ? errorTitle : title);
  if (query.isPending) {
    return (
      <>
        {before}
        <h1>{title}</h1>
        <Loading label={`Loading ${what}`} />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        {before}
        <h1>{errorTitle}</h1>
        <ErrorMessage title="There is a problem" error={query.error}>
          {status !== 403 && status !== 404 && (
            <Button variant="secondary" onClick={() => void query.refetch()}>
              Try again
            </Button>
          )}
        </ErrorMessage>
      </>
    );
  }
  return <>{children()}</>;
}
