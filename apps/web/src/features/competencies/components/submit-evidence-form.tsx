import type { CompetencyDetailResponse } from '@ccc/contracts';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { ChoiceGroup, FormField } from '../../../components/form-field';
import { TextInput, Textarea } from '../../../components/inputs';
import { isApiClientError, type UploadProgress } from '../../../lib/api-client';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../../utils/action-error';
import { useSubmitEvidence } from '../api/submit-evidence';
import { useUploadEvidenceFile } from '../api/upload-evidence-file';
import type { StartingDraft } from '../drafts/draft-store';
import { DraftStatus, RestoredDraftNotice } from '../drafts/draft-status';
import { useAutosave } from '../drafts/use-autosave';
import { checkEvidenceFile, uploadErrorMessage } from '../utils/evidence-file-check';
import {
  EMPTY_EVIDENCE,
  evidenceFieldFor,
  evidenceFieldIds,
  readEvidenceDraft,
  toEvidenceRequest,
  validateEvidence,
  type EvidenceErrors,
  type EvidenceField,
  type EvidenceValues,
} from '../utils/evidence-form';
import { UploadProgressBar } from './upload-progress-bar';

const KIND_OPTIONS = [
  { value: 'reflection', label: 'A reflection' },
  { value: 'link', label: 'A link to evidence online' },
  { value: 'file', label: 'A file: a PDF, an image or an office document' },
] as const;

const FIELDS: readonly EvidenceField[] = ['kind', 'text', 'url', 'file'];

interface SubmitEvidenceFormProps {
  detail: CompetencyDetailResponse;
  draftKey: string;
  personId: string;
  starting: StartingDraft;
  onDone: (title: string, detail: string | null) => void;
}

/**
 * The CCC adds evidence. What they type is saved as a draft on the server as they go, so it survives signing out
 * or the session ending; a file is sent with its progress shown.
 */
export function SubmitEvidenceForm({ detail, draftKey, personId, starting, onDone }: SubmitEvidenceFormProps) {
  const { enrolmentId, competency } = detail;
  const [values, setValues] = useState<EvidenceValues>(() => readEvidenceDraft(starting.content) ?? EMPTY_EVIDENCE);
  const [file, setFile] = useState<File | null>(null);
  const [fileInputKey, setFileInputKey] = useState(0);
  const [showErrors, setShowErrors] = useState(false);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const autosave = useAutosave(draftKey, personId, starting);
  // Once sent, the restored draft is no longer what the form holds.
  const [restored, setRestored] = useState(starting.content !== null);
  const submit = useSubmitEvidence(enrolmentId, competency.code);
  const upload = useUploadEvidenceFile(enrolmentId, competency.code);

  const client: EvidenceErrors = showErrors ? validateEvidence(values, file !== null) : {};
  if (showErrors && values.kind === 'file' && fileProblem && !client.file) client.file = fileProblem;
  const errors: EvidenceErrors = { ...server.fields, ...client };

  function update(field: 'kind' | 'text' | 'url', value: string) {
    const next = { ...values, [field]: value } as EvidenceValues;
    setValues(next);
    autosave.change(next);
    setServer((current) => {
      const fields = { ...current.fields };
      delete fields[field];
      return { ...current, fields };
    });
  }

  function chooseFile(chosen: File | null) {
    setFile(chosen);
    setFileProblem(null);
    setServer((current) => {
      const fields = { ...current.fields };
      delete fields['file'];
      return { ...current, fields };
    });
  }

  async function send(): Promise<void> {
    const found = validateEvidence(values, file !== null);
    const problem = values.kind === 'file' && file ? await checkEvidenceFile(file) : null;
    setFileProblem(problem);
    if (Object.keys(found).length > 0 || problem) {
      setShowErrors(true);
      setAttempt((n) => n + 1);
      return;
    }
    await autosave.pause();
    const text = values.text.trim();
    const request = toEvidenceRequest(values);
    try {
      if (values.kind === 'file' && file) {
        setProgress({ loaded: 0, total: file.size });
        await upload.mutateAsync({ file, text: text || undefined, onProgress: setProgress });
      } else if (request) {
        await submit.mutateAsync(request);
      }
    } catch (error) {
      autosave.resume();
      setProgress(null);
      const state = readActionError(error, evidenceFieldFor);
      if (isApiClientError(error) && (error.status === 413 || error.status === 415)) {
        setServer({ ...NO_ACTION_ERROR, fields: { file: uploadErrorMessage(error) } });
      } else {
        setServer(state);
      }
      setAttempt((n) => n + 1);
      return;
    }
    void autosave.discard();
    setRestored(false);
    const kind = values.kind;
    setValues({ ...EMPTY_EVIDENCE, kind: kind || 'reflection' });
    setFile(null);
    setFileInputKey((n) => n + 1);
    setProgress(null);
    setShowErrors(false);
    setServer(NO_ACTION_ERROR);
    onDone(
      `${kind === 'file' ? 'File' : kind === 'link' ? 'Link' : 'Reflection'} added`,
      detail.progress.state === 'evidence_submitted'
        ? 'It joins the evidence waiting for review.'
        : 'Your Alliance supervisor has been told it is waiting for their review.',
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
    ...FIELDS.filter((field) => errors[field]).map((field) => ({
      message: errors[field] as string,
      fieldId: evidenceFieldIds[field],
    })),
  ];
  const noteLabel = 'A note about it (optional)';

  return (
    <form onSubmit={handleSubmit} noValidate aria-labelledby="add-evidence-heading">
      <ErrorSummary id="evidence-errors" errors={summary} focusKey={attempt} />
      {restored && <RestoredDraftNotice starting={starting} />}
      <ChoiceGroup
        id={evidenceFieldIds.kind}
        name="evidence-kind"
        legend="What are you adding?"
        error={errors.kind}
        options={KIND_OPTIONS}
        value={values.kind}
        onChange={(kind) => update('kind', kind)}
      />
      {values.kind === 'link' && (
        <TextInput
          id={evidenceFieldIds.url}
          label="Web address"
          hint="For example, https://example.org/my-audit. Check the people who review it can open it."
          error={errors.url}
          type="url"
          spellCheck={false}
          autoComplete="url"
          value={values.url}
          onChange={(value) => update('url', value)}
        />
      )}
      {values.kind === 'file' && (
        <FormField
          id={evidenceFieldIds.file}
          label="File"
          hint="A PDF, an image (PNG, JPEG, GIF or WebP) or an office document (Word, Excel or PowerPoint), 10 MB or smaller"
          error={errors.file}
        >
          {(control) => (
            <input
              {...control}
              key={fileInputKey}
              className="nhsuk-file-upload__input"
              type="file"
              accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx"
              onChange={(event) => chooseFile(event.target.files?.[0] ?? null)}
            />
          )}
        </FormField>
      )}
      <Textarea
        id={evidenceFieldIds.text}
        maxLength={20000}
        label={values.kind === 'reflection' || !values.kind ? 'Your reflection' : noteLabel}
        labelSize={values.kind === 'reflection' ? 's' : undefined}
        hint={
          values.kind === 'reflection'
            ? 'What you did, what you learnt, and how it shows this competency. Your draft is saved as you type.'
            : 'Your draft is saved as you type.'
        }
        error={errors.text}
        rows={values.kind === 'reflection' ? 8 : 3}
        value={values.text}
        onChange={(value) => update('text', value)}
      />
      <DraftStatus id="evidence-draft-status" status={autosave.status} />
      {progress && file && <UploadProgressBar id="evidence-upload" fileName={file.name} progress={progress} />}
      <Button type="submit" pending={busy}>
        {busy ? (values.kind === 'file' ? 'Uploading…' : 'Sending…') : 'Add this evidence'}
      </Button>
    </form>
  );
}
