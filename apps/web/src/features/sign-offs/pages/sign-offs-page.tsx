import type { MySignOffsQuery } from '@ccc/contracts';
import { SIGN_OFF_KIND_LABELS, SIGN_OFF_KINDS, type SignOffKind } from '@ccc/programme';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { ErrorSummary } from '../../../components/error-summary';
import { FormField, fieldClass } from '../../../components/form-field';
import { Loading } from '../../../components/loading';
import { Pagination } from '../../../components/pagination';
import { isApiClientError } from '../../../lib/api-client';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { useMySignOffs } from '../api/get-my-sign-offs';
import { AwaitingTable } from '../components/awaiting-table';
import { SignedTable } from '../components/signed-table';

/** The position of the first sign-off of this page among all (1-based). */
const firstShown = (data: { signedPage: number; signedPageSize: number }) =>
  (data.signedPage - 1) * data.signedPageSize + 1;

const MONTHS = Array.from({ length: 6 }, (_, i) => i + 1);
const FIELD_IDS: Record<string, string> = { ccc: 'filter-ccc', kind: 'filter-kind', month: 'filter-month' };

/** The filters as the address holds them; passed to the API as they are, so a bad one is its 400 to show. */
function queryOf(params: URLSearchParams): MySignOffsQuery {
  const month = params.get('month');
  const signedPage = params.get('signedPage');
  // Longer pages on request (`?signedPageSize=200`); the API says 50 otherwise.
  const signedPageSize = params.get('signedPageSize');
  return {
    ccc: params.get('ccc') || undefined,
    kind: (params.get('kind') || undefined) as SignOffKind | undefined,
    month: month ? (Number(month) as number) : undefined,
    signedPage: signedPage ? Number(signedPage) : undefined,
    signedPageSize: signedPageSize ? Number(signedPageSize) : undefined,
  };
}

/** The address of another page of what was signed, the filters kept. */
function signedPageHref(params: URLSearchParams, page: number): string {
  const next = new URLSearchParams(params);
  if (page === 1) next.delete('signedPage');
  else next.set('signedPage', String(page));
  const search = next.toString();
  return `/sign-offs${search ? `?${search}` : ''}#signed-heading`;
}

/**
 * Each party's own sign-offs across their CCCs (#24): what awaits them, oldest first with how long it has waited;
 * what they signed, filterable by CCC, kind and month; and for a CCC, what they are waiting on from whom.
 */
export function SignOffsPage() {
  useDocumentTitle('Your sign-offs');
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const signOffs = useMySignOffs(query);
  const [focusKey, setFocusKey] = useState(0);

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of ['ccc', 'kind', 'month']) {
      const value = form.get(name);
      if (typeof value === 'string' && value) next.set(name, value);
    }
    setParams(next);
    setFocusKey((k) => k + 1);
  };

  const fieldErrors =
    signOffs.isError && isApiClientError(signOffs.error) && signOffs.error.status === 400
      ? signOffs.error.fieldErrors
      : [];
  const errorOf = (field: string) => fieldErrors.find((e) => e.field === field)?.reason;
  const data = signOffs.data;
  const refused = signOffs.isError && isApiClientError(signOffs.error) && signOffs.error.status === 403;
  const filtered = Boolean(query.ccc || query.kind || query.month);
  const isCcc = data?.parties.includes('ccc') ?? false;
  const signs = data ? data.parties.some((p) => p !== 'ccc') : false;

  return (
    <>
      <h1>Your sign-offs</h1>
      <ErrorSummary
        id="sign-offs-errors"
        focusKey={focusKey}
        errors={fieldErrors.map((e) => ({ message: e.reason, fieldId: FIELD_IDS[e.field] }))}
      />
      {!refused && (
        <form className="app-filters" onSubmit={apply} aria-labelledby="filters-heading" noValidate>
          <h2 className="nhsuk-heading-s" id="filters-heading">
            Filter
          </h2>
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-one-third">
              <FormField id="filter-ccc" label="CCC" error={errorOf('ccc')}>
                {(control) => (
                  <select
                    {...control}
                    name="ccc"
                    className={fieldClass('nhsuk-select', control)}
                    defaultValue={query.ccc ?? ''}
                  >
                    <option value="">All CCCs</option>
                    {(data?.cccs ?? []).map((ccc) => (
                      <option key={ccc.id} value={ccc.id}>
                        {ccc.fullName}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
            </div>
            <div className="nhsuk-grid-column-one-third">
              <FormField id="filter-kind" label="Kind" error={errorOf('kind')}>
                {(control) => (
                  <select
                    {...control}
                    name="kind"
                    className={fieldClass('nhsuk-select', control)}
                    defaultValue={query.kind ?? ''}
                  >
                    <option value="">All kinds</option>
                    {SIGN_OFF_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {SIGN_OFF_KIND_LABELS[kind]}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
            </div>
            <div className="nhsuk-grid-column-one-third">
              <FormField id="filter-month" label="Month of the programme" error={errorOf('month')}>
                {(control) => (
                  <select
                    {...control}
                    name="month"
                    className={fieldClass('nhsuk-select', control)}
                    defaultValue={query.month !== undefined ? String(query.month) : ''}
                  >
                    <option value="">All months</option>
                    {MONTHS.map((m) => (
                      <option key={m} value={m}>
                        Month {m}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
            </div>
          </div>
          <Button type="submit" variant="secondary">
            Apply filters
          </Button>
        </form>
      )}

      {signOffs.isPending ? (
        <Loading label="Loading your sign-offs" />
      ) : fieldErrors.length > 0 ? null : refused ? (
        <EmptyState title="You sign for no one here">
          <p>
            Sign-offs are given by a CCC, their PCN supervisor and their Alliance supervisor. Read a CCC&rsquo;s
            sign-offs on their timeline.
          </p>
        </EmptyState>
      ) : signOffs.isError ? (
        <ErrorMessage title="Your sign-offs could not be loaded" error={signOffs.error}>
          <Button variant="secondary" onClick={() => void signOffs.refetch()}>
            Try again
          </Button>
        </ErrorMessage>
      ) : (
        data && (
          <>
            {signs && (
              <section aria-labelledby="awaiting-heading" className="app-section">
                <h2 id="awaiting-heading">Awaiting your sign-off</h2>
                {data.awaitingMe.length === 0 ? (
                  <EmptyState
                    title={filtered ? 'Nothing awaits you that matches' : 'Nothing awaits your sign-off'}
                    headingLevel={3}
                  >
                    <p>
                      When a CCC you sign for sends evidence, signs a TNA or the handover, or a slot needs your answer,
                      it is listed here, oldest first.
                    </p>
                  </EmptyState>
                ) : (
                  <>
                    <p>
                      {data.awaitingMe.length === 1
                        ? '1 sign-off awaits you.'
                        : `${data.awaitingMe.length} sign-offs await you.`}{' '}
                      The one waiting longest is first.
                    </p>
                    <AwaitingTable
                      id="awaiting-me"
                      rows={data.awaitingMe}
                      caption="Awaiting your sign-off, oldest first"
                    />
                  </>
                )}
              </section>
            )}
            {isCcc && (
              <section aria-labelledby="waiting-on-heading" className="app-section">
                <h2 id="waiting-on-heading">What you are waiting on</h2>
                {data.waitingOn.length === 0 ? (
                  <EmptyState title="You are not waiting on anyone" headingLevel={3}>
                    <p>
                      When you send evidence or sign a record that others must sign too, it is listed here until they
                      do.
                    </p>
                  </EmptyState>
                ) : (
                  <AwaitingTable
                    id="waiting-on"
                    rows={data.waitingOn}
                    caption="Sign-offs you are waiting on, oldest first"
                    showFrom
                  />
                )}
              </section>
            )}
            <section aria-labelledby="signed-heading" className="app-section">
              <h2 id="signed-heading">What you signed</h2>
              {data.signedByMe.length === 0 ? (
                <EmptyState
                  title={filtered ? 'Nothing you signed matches' : 'You have not signed anything yet'}
                  headingLevel={3}
                >
                  <p>
                    Every sign-off you give is kept here, newest first{filtered ? '. Clear a filter to see more.' : '.'}
                  </p>
                </EmptyState>
              ) : (
                <>
                  <p>
                    {data.signedTotal === 1 ? '1 sign-off' : `${data.signedTotal} sign-offs`}
                    {data.signedTotal > data.signedByMe.length &&
                      `, ${firstShown(data)} to ${firstShown(data) + data.signedByMe.length - 1} shown`}
                    .
                  </p>
                  <SignedTable id="signed-by-me" rows={data.signedByMe} caption="What you signed, newest first" />
                  <Pagination
                    what="what you signed"
                    page={data.signedPage}
                    pages={Math.ceil(data.signedTotal / data.signedPageSize)}
                    toPage={(page) => signedPageHref(params, page)}
                  />
                </>
              )}
            </section>
          </>
        )
      )}
    </>
  );
}
