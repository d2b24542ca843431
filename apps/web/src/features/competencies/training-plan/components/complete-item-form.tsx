import type { TrainingPlanItemView } from '@ccc/contracts';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../../components/button';
import { ErrorSummary } from '../../../../components/error-summary';
import { FormField, fieldClass } from '../../../../components/form-field';
import { StaleVersionNotice } from '../../../../components/stale-version-notice';
import { isApiClientError, type UploadProgress } from '../../../../lib/api-client';
import { todayInLondon } from '../../../../utils/format';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../../../utils/action-error';
import { UploadProgressBar } from '../../components/upload-progress-bar';
import { checkEvidenceFile, uploadErrorMessage } from '../../utils/evidence-file-check';
import { useCompleteTrainingItem } from '../api/complete-training-item';
import { validateCompletedOn } from '../utils/plan';

interface CompleteItemFormProps {
  enrolmentId: string;
  item: TrainingPlanItemView;
  onDone: (title: string, detail: string | null) => void;
  onReload: () => void;
}

/** The CCC marks a plan item done: the date, and a certificate if they have one (kept as evidence). */
export function CompleteItemForm({ enrolmentId, item, onDone, onReload }: CompleteItemFormProps) {
  const today = todayInLondon();
  const dateId = `done-on-${item.id}`;
  const fileId = `certificate-${item.id}`;
  const [completedOn, setCompletedOn] = useState(today);
  const [certificate, setCertificate] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const complete = useCompleteTrainingItem(enrolmentId);
  const dateError = server.fields[dateId] ?? (showErrors ? validateCompletedOn(completedOn, today) : null) ?? undefined;
  const fileError = server.fields[fileId] ?? (showErrors ? fileProblem : null) ?? undefined;

  async function send(): Promise<void> {
    const problem = certificate ? await checkEvidenceFile(certificate) : null;
    setFileProblem(problem);
    if (validateCompletedOn(completedOn, today) || problem) {
      setShowErrors(true);
      setAttempt((n) => n + 1);
      return;
    }
    if (certificate) setProgress({ loaded: 0, total: certificate.size });
    // mutateAsync: once done, the item's form leaves the page before mutate's callbacks would run.
    await complete
      .mutateAsync({ itemId: item.id, completedOn, version: item.version, certificate, onProgress: setProgress })
      .then(
        () => onDone(`${item.title}: done`, certificate ? 'Your certificate is kept with it.' : null),
        (error: unknown) => {
          setProgress(null);
          if (isApiClientError(error) && (error.status === 413 || error.status === 415)) {
            setServer({ ...NO_ACTION_ERROR, fields: { [fileId]: uploadErrorMessage(error) } });
          } else {
            setServer(
              readActionError(error, (field) =>
                field === 'completedOn' ? dateId : field === 'certificate' ? fileId : null,
              ),
            );
          }
          setAttempt((n) => n + 1);
        },
      );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    void send().finally(() => setBusy(false));
  }

  const summary = [
    ...server.general.map((message) => ({ message })),
    ...(dateError ? [{ message: dateError, fieldId: dateId }] : []),
    ...(fileError ? [{ message: fileError, fieldId: fileId }] : []),
  ];

  return (
    <form onSubmit={handleSubmit} noValidate>
      {server.stale !== null && (
        <StaleVersionNotice
          what="training plan item"
          message={server.stale}
          onReload={() => {
            setServer(NO_ACTION_ERROR);
            onReload();
          }}
        />
      )}
      <ErrorSummary id={`done-errors-${item.id}`} errors={summary} focusKey={attempt} />
      <FormField id={dateId} label="Date you did it" hint="Today or earlier" error={dateError}>
        {(control) => (
          <input
            {...control}
            className={fieldClass('nhsuk-input nhsuk-input--width-10', control)}
            type="date"
            max={today}
            value={completedOn}
            onChange={(event) => {
              setCompletedOn(event.target.value);
              setServer(NO_ACTION_ERROR);
            }}
          />
        )}
      </FormField>
      <FormField
        id={fileId}
        label="Certificate (optional)"
        hint="A PDF, an image or an office document, 10 MB or smaller"
        error={fileError}
      >
        {(control) => (
          <input
            {...control}
            className="nhsuk-file-upload__input"
            type="file"
            accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx"
            onChange={(event) => {
              setCertificate(event.target.files?.[0] ?? null);
              setFileProblem(null);
              setServer(NO_ACTION_ERROR);
            }}
          />
        )}
      </FormField>
      {progress && certificate && (
        <UploadProgressBar id={`upload-${item.id}`} fileName={certificate.name} progress={progress} />
      )}
      <Button type="submit" pending={busy}>
        {busy ? 'Saving…' : 'Mark as done'}
      </Button>
    </form>
  );
}
