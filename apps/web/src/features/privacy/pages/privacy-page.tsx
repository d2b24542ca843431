import { can, type PrivacyNoticeRef } from '@ccc/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { FormField, fieldClass } from '../../../components/form-field';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { isApiClientError } from '../../../lib/api-client';
import { useAuthToken } from '../../../lib/auth-store';
import { formatDateTime } from '../../../utils/format';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { getMeQueryOptions } from '../../auth';
import { usePrivacyNotice } from '../api/get-privacy-notice';
import { usePrivacyNotices } from '../api/get-privacy-notices';
import { NoticeSections } from '../components/notice-sections';

/** Chooses whose notice to read: the page's address says it (?alliance=), so it can be linked to and bookmarked. */
function ChooseAlliance({ alliances, chosen }: { alliances: PrivacyNoticeRef[]; chosen: string | null }) {
  const [, setParams] = useSearchParams();
  const [value, setValue] = useState(chosen ?? '');
  const [error, setError] = useState<string | undefined>();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!value) {
      setError('Select the Cancer Alliance that runs your programme');
      return;
    }
    setError(undefined);
    setParams({ alliance: value });
  }

  return (
    <form onSubmit={handleSubmit} noValidate action="/privacy" method="get">
      <FormField
        id="privacy-alliance"
        label="Cancer Alliance"
        hint="Each Alliance runs its own programme and sets how long it keeps records"
        error={error}
      >
        {(control) => (
          <select
            {...control}
            name="alliance"
            className={fieldClass('nhsuk-select', control)}
            value={value}
            onChange={(event) => setValue(event.target.value)}
          >
            <option value="">Choose an Alliance</option>
            {alliances.map((a) => (
              <option key={a.allianceId} value={a.allianceId}>
                {a.allianceName}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <Button type="submit" variant="secondary">
        Show the notice
      </Button>
    </form>
  );
}

/**
 * The privacy notice, open to everyone: signed in, the notice of the Alliance the person acts in; signed out (or
 * when the address names one), the chosen Alliance's.
 */
export function PrivacyPage() {
  const token = useAuthToken();
  const me = useQuery({ ...getMeQueryOptions(), enabled: token !== null });
  const [params] = useSearchParams();
  const chosen = params.get('alliance');
  const alliances = usePrivacyNotices();
  const acting = token !== null ? (me.data?.allianceId ?? null) : null;
  const only = alliances.data?.length === 1 ? alliances.data[0]!.allianceId : null;
  const allianceId = chosen ?? acting ?? only;
  const notice = usePrivacyNotice(allianceId);
  const mayEdit = token !== null && can(me.data?.roles.map(({ role }) => role) ?? [], 'policy:edit');
  const notFound = notice.isError && isApiClientError(notice.error) && [400, 404].includes(notice.error.status);
  useDocumentTitle(notice.data ? `Privacy notice: ${notice.data.allianceName}` : 'Privacy notice');

  const waiting =
    (token !== null && me.isPending) ||
    (allianceId === null && alliances.isPending) ||
    (allianceId !== null && notice.isPending);
  const offerChoice = !acting && alliances.data && alliances.data.length > 1;

  return (
    <>
      <PageHeading caption={notice.data?.allianceName}>Privacy notice</PageHeading>
      <p className="nhsuk-lede-text">
        How the Cancer Care Coordinator supervision programme uses information about you, and your rights.
      </p>
      {waiting && <Loading label="Loading the privacy notice" />}
      {alliances.isError && allianceId === null && (
        <ErrorMessage title="The list of Alliances could not be loaded" error={alliances.error}>
          <Button variant="secondary" onClick={() => void alliances.refetch()}>
            Try again
          </Button>
        </ErrorMessage>
      )}
      {notFound && (
        <ErrorMessage title="This Alliance could not be found">
          <p>The link may be out of date. Choose the Alliance that runs your programme.</p>
        </ErrorMessage>
      )}
      {offerChoice && (!notice.data || chosen) && <ChooseAlliance alliances={alliances.data} chosen={chosen} />}
      {notice.isError && !notFound && (
        <ErrorMessage title="The privacy notice could not be loaded" error={notice.error}>
          <Button variant="secondary" onClick={() => void notice.refetch()}>
            Try again
          </Button>
        </ErrorMessage>
      )}
      {notice.data && (
        <>
          <NoticeSections sections={notice.data.sections} />
          {notice.data.updatedAt && (
            <p className="nhsuk-body-s">Last updated {formatDateTime(notice.data.updatedAt)}.</p>
          )}
          {mayEdit && notice.data.allianceId === acting && (
            <p>
              <Link to="/admin/privacy">Change the retention period, contact details or extra text</Link>
            </p>
          )}
        </>
      )}
    </>
  );
}
