import type { UploadProgress } from '../../../lib/api-client';
import { uploadPercent } from '../utils/upload-progress';

/** How much of a file has gone, as a bar and in words (the words are what a screen reader reads). */
export function UploadProgressBar({
  id,
  fileName,
  progress,
}: {
  id: string;
  fileName: string;
  progress: UploadProgress;
}) {
  const percent = uploadPercent(progress);
  const labelId = `${id}-label`;
  return (
    <div className="nhsuk-form-group" data-upload-percent={percent}>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1" id={labelId}>
        {percent >= 100 ? `${fileName} sent, being checked…` : `Uploading ${fileName}: ${percent}%`}
      </p>
      <progress className="app-progress" id={id} max={100} value={percent} aria-labelledby={labelId}>
        {percent}%
      </progress>
    </div>
  );
}
