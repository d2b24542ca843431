import { Button } from '../../../components/button';
import { describeError } from '../../../components/error-message';
import { useDownloadSubjectAccess } from '../api/download-subject-access';

/**
 * The button that downloads a person's subject-access export, busy while the archive is made. `self`: the words
 * for the person themself; otherwise for an administrator, naming whose it is for a screen reader.
 */
export function SubjectAccessDownload({
  person,
  self,
  small,
}: {
  person: { id: string; fullName: string };
  self: boolean;
  small?: boolean;
}) {
  const download = useDownloadSubjectAccess();
  return (
    <div>
      <Button
        variant="secondary"
        small={small}
        className={small ? 'nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0' : undefined}
        pending={download.isPending}
        onClick={() => download.mutate(person)}
      >
        {download.isPending
          ? 'Preparing the download…'
          : self
            ? 'Download everything we hold about you'
            : 'Download subject-access export'}
        {!self && <span className="nhsuk-u-visually-hidden"> for {person.fullName}</span>}
      </Button>
      {download.isError && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> The download could not be made:{' '}
          {describeError(download.error)}
        </p>
      )}
    </div>
  );
}
