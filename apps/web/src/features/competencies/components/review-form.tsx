import type { CompetencyDetailResponse } from '@ccc/contracts';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { ChoiceGroup } from '../../../components/form-field';
import { Textarea } from '../../../components/inputs';
import { StaleVersionNotice } from '../../../components/stale-version-notice';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../../utils/action-error';
import { useReturnEvidence } from '../api/return-evidence';
import { useSignOffCompetency } from '../api/sign-off-competency';
import type { StartingDraft } from '../drafts/draft-store';
import { DraftStatus, RestoredDraftNotice } from '../drafts/draft-status';
import { useAutosave } from '../drafts/use-autosave';
import {
  EMPTY_REVIEW,
  readReviewDraft,
  reviewFieldFor,
  reviewFieldIds,
  toReviewRequest,
  validateReview,
  type ReviewDecision,
  type ReviewErrors,
  type ReviewField,
  type ReviewValues,
} from '../utils/review-form';

const FIELDS: readonly ReviewField[] = ['decision', 'rating', 'comment'];

interface ReviewFormProps {
  detail: CompetencyDetailResponse;
  draftKey: string;
  personId: string;
  starting: StartingDraft;
  onDone: (title: string, detail: string | null) => void;
  onReload: () => void;
}

/**
 * The Alliance supervisor's review of the evidence: sign off with a rating on the framework's scale and a comment,
 * or return it to the CCC saying what more is needed. The comment is saved as a draft while it is typed.
 */
export function ReviewForm({ detail, draftKey, personId, starting, onDone, onReload }: ReviewFormProps) {
  const { enrolmentId, competency, progress, scale } = detail;
  const [values, setValues] = useState<ReviewValues>(() => readReviewDraft(starting.content) ?? EMPTY_REVIEW);
  const [showErrors, setShowErrors] = useState(false);
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const autosave = useAutosave(draftKey, personId, starting);
  // Once sent, the restored draft is no longer what the form holds.
  const [restored, setRestored] = useState(starting.content !== null);
  const signOff = useSignOffCompetency(enrolmentId, competency.code);
  const returnEvidence = useReturnEvidence(enrolmentId, competency.code);

  const decisions: { value: ReviewDecision; label: string }[] = [
    ...(progress.availableActions.includes('sign_off')
      ? [{ value: 'sign_off' as const, label: 'Sign off this competency' }]
      : []),
    ...(progress.availableActions.includes('return')
      ? [{ value: 'return' as const, label: 'Return it to the CCC for more evidence' }]
      : []),
  ];
  const client: ReviewErrors = showErrors ? validateReview(values, scale) : {};
  const errors: ReviewErrors = { ...server.fields, ...client };

  function update(field: ReviewField, value: string) {
    const next = { ...values, [field]: value } as ReviewValues;
    setValues(next);
    autosave.change(next);
    setServer((current) => {
      const fields = { ...current.fields };
      delete fields[field];
      return { ...current, fields };
    });
  }

  async function send(): Promise<void> {
    const found = validateReview(values, scale);
    const request = toReviewRequest(values, progress.version);
    if (Object.keys(found).length > 0 || !request) {
      setShowErrors(true);
      setAttempt((n) => n + 1);
      return;
    }
    await autosave.pause();
    try {
      // mutateAsync: a signed-off or returned competency leaves the review state, and this form with it.
      if (request.decision === 'sign_off') await signOff.mutateAsync(request.body);
      else await returnEvidence.mutateAsync(request.body);
    } catch (error) {
      autosave.resume();
      setServer(readActionError(error, reviewFieldFor));
      setAttempt((n) => n + 1);
      return;
    }
    void autosave.discard();
    setRestored(false);
    if (request.decision === 'sign_off') {
      const level = scale.find((l) => l.value === request.body.rating);
      onDone(
        'Competency signed off',
        `Rated ${request.body.rating}${level ? ` (${level.label})` : ''}. The CCC can see it.`,
      );
    } else {
      onDone('Evidence returned', 'The CCC can read your comment and add more evidence.');
    }
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
      fieldId: reviewFieldIds[field],
    })),
  ];

  return (
    <form onSubmit={handleSubmit} noValidate aria-labelledby="review-heading">
      {server.stale !== null && (
        <StaleVersionNotice
          what="competency"
          message={server.stale}
          onReload={() => {
            setServer(NO_ACTION_ERROR);
            onReload();
          }}
        />
      )}
      <ErrorSummary id="review-errors" errors={summary} focusKey={attempt} />
      {restored && <RestoredDraftNotice starting={starting} />}
      <ChoiceGroup
        id={reviewFieldIds.decision}
        name="review-decision"
        legend="Your decision"
        error={errors.decision}
        options={decisions}
        value={values.decision}
        onChange={(decision) => update('decision', decision)}
      />
      {values.decision === 'sign_off' && (
        <ChoiceGroup
          id={reviewFieldIds.rating}
          name="review-rating"
          legend="Rating"
          hint="On the framework's proficiency scale"
          error={errors.rating}
          options={scale.map((level) => ({ value: String(level.value), label: `${level.value}: ${level.label}` }))}
          value={values.rating}
          onChange={(rating) => update('rating', rating)}
        />
      )}
      <Textarea
        id={reviewFieldIds.comment}
        maxLength={5000}
        label={values.decision === 'return' ? 'What more evidence is needed?' : 'Your comment'}
        hint={
          values.decision === 'return'
            ? 'The CCC reads this. Your draft is saved as you type.'
            : 'What the sign-off rests on. The CCC reads this. Your draft is saved as you type.'
        }
        error={errors.comment}
        rows={5}
        value={values.comment}
        onChange={(value) => update('comment', value)}
      />
      <DraftStatus id="review-draft-status" status={autosave.status} />
      <Button type="submit" pending={busy}>
        {busy
          ? 'Sending…'
          : values.decision === 'return'
            ? 'Return to the CCC'
            : values.decision === 'sign_off'
              ? 'Sign off'
              : 'Send your review'}
      </Button>
    </form>
  );
}
