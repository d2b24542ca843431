import type { EvidenceFileView } from '@ccc/contracts';
import { Button } from '../../../components/button';
import { describeError } from '../../../components/error-message';
import { useDownloadEvidenceFile } from '../api/download-evidence-file';
import { formatFileSize } from '../utils/labels';

/** A file kept as evidence (or a certificate): its name, size and a download fetched with the bearer token. */
export function EvidenceFileDownload({ file }: { file: EvidenceFileView }) {
  const download = useDownloadEvidenceFile(file);
  return (
    <div>
      <Button variant="secondary" small pending={download.isPending} onClick={() => download.mutate()}>
        {download.isPending ? 'Downloading…' : `Download ${file.fileName} (${formatFileSize(file.sizeBytes)})`}
      </Button>
      {download.isError && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> The file could not be downloaded:{' '}
          {describeError(download.error)}
        </p>
      )}
    </div>
  );
}
