import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { useMe } from '../../auth';
import { SubjectAccessDownload } from '../components/subject-access-download';

/** The signed-in person's own data: what the export holds, and the button to download it (right of access). */
export function YourDataPage() {
  useDocumentTitle('Your data');
  const me = useMe();
  return (
    <>
      <PageHeading caption="Your account">Your data</PageHeading>
      <p>
        You can download a copy of everything this service holds about you. This is your right of access under data
        protection law (UK GDPR).
      </p>
      <p>The download is a ZIP file. It holds:</p>
      <ul>
        <li>your name, e-mail address and roles</li>
        <li>
          your programme record: sessions and attendance, release time, competencies with your evidence and its files,
          your training needs analysis and plan, the handover interview and outcome counts
        </li>
        <li>your evaluation survey answers, saved drafts, reminders and e-mails sent to you</li>
        <li>when you signed in, and the audit trail of what you did and what was done to your records</li>
      </ul>
      <p>
        Your password and other secrets are not in it: the service keeps only a one-way code of each. Each download is
        recorded in the audit trail.
      </p>
      {me.isPending ? (
        <Loading label="Loading your account" />
      ) : me.isError ? (
        <ErrorMessage title="Your account could not be loaded" error={me.error} />
      ) : (
        <SubjectAccessDownload person={{ id: me.data.id, fullName: me.data.fullName }} self />
      )}
    </>
  );
}
