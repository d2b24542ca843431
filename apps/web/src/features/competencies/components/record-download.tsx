import { Button } from '../../../components/button';
import { describeError } from '../../../components/error-message';
import { useDownloadRecord } from '../api/download-record';

/** The CCC's portable record as a PDF, for an appraisal or a new employer. */
export function RecordDownload({ enrolmentId, cccName }: { enrolmentId: string; cccName: string }) {
  const download = useDownloadRecord(enrolmentId, cccName);
  return (
    <div>
      <Button variant="secondary" pending={download.isPending} onClick={() => download.mutate()}>
        {download.isPending ? 'Preparing your record…' : 'Download my record (PDF)'}
      </Button>
      {download.isError && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> Your record could not be made:{' '}
          {describeError(download.error)}
        </p>
      )}
    </div>
  );
}
