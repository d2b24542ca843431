import type { SurveyResponseView } from '@ccc/contracts';
import { LIKERT_LABELS, LIKERT_LEVELS, type LikertLevel } from '@ccc/programme';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { BackLink } from '../../../components/back-link';
import { Button, ButtonGroup } from '../../../components/button';
import { Confirmation } from '../../../components/confirmation';
import { ErrorSummary } from '../../../components/error-summary';
import { ChoiceGroup } from '../../../components/form-field';
import { Textarea } from '../../../components/inputs';
import { InsetText } from '../../../components/inset-text';
import { PageHeading } from '../../../components/page-heading';
import { StaleVersionNotice } from '../../../components/stale-version-notice';
import { formatDate, formatDateTime, todayInLondon } from '../../../utils/format';
import { QueryPage } from '../../admin';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../../utils/action-error';
import { useSaveSurvey } from '../api/save-survey';
import { useSubmitSurvey } from '../api/submit-survey';
import { useSurvey } from '../api/get-survey';
import {
  surveyProgress,
  surveyValuesFrom,
  toSaveSurveyRequest,
  validateSurvey,
  type SurveyValues,
} from '../utils/month-six';

const LIKERT_OPTIONS = LIKERT_LEVELS.map((level) => ({ value: level, label: LIKERT_LABELS[level] }));

/** The evaluation survey at the end of the programme, for the CCC and the PCN supervisor: anonymous in every total. */
export function SurveyPage() {
  const { enrolmentId = '' } = useParams();
  const survey = useSurvey(enrolmentId);
  // Bumped on a reload after a stale save, so the form starts again from the answers as they now are.
  const [generation, setGeneration] = useState(0);
  const backLink = <BackLink to={`/enrolments/${enrolmentId}`}>Back to the timeline</BackLink>;
  return (
    <QueryPage title="Evaluation survey" what="the survey" query={survey} before={backLink}>
      {() => (
        <>
          {backLink}
          <SurveyForm
            key={generation}
            view={survey.data!}
            onReload={() => void survey.refetch().then(() => setGeneration((g) => g + 1))}
          />
        </>
      )}
    </QueryPage>
  );
}

function SurveyForm({ view, onReload }: { view: SurveyResponseView; onReload: () => void }) {
  const [values, setValues] = useState<SurveyValues>(() => surveyValuesFrom(view));
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const [showErrors, setShowErrors] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useSaveSurvey(view.enrolmentId);
  const submit = useSubmitSurvey(view.enrolmentId);
  const statements = view.survey.statements.filter((s) => s.respondents.includes(view.respondent));
  const questions = view.survey.questions.filter((q) => q.respondents.includes(view.respondent));
  const errors = showErrors ? validateSurvey(values) : {};
  const notOpen = view.opensOn > todayInLondon();
  const busy = save.isPending || submit.isPending;

  if (view.status === 'submitted') {
    return (
      <>
        <Confirmation title="Survey submitted">
          <p>Thank you. Your answers are counted in the Alliance’s report without your name.</p>
        </Confirmation>
        <PageHeading caption="Evaluation survey">Your answers</PageHeading>
        <p>You submitted the survey{view.submittedAt ? ` on ${formatDateTime(view.submittedAt)}` : ''}.</p>
        <dl className="nhsuk-summary-list">
          {statements.map((s) => (
            <div className="nhsuk-summary-list__row" key={s.id}>
              <dt className="nhsuk-summary-list__key">{s.text}</dt>
              <dd className="nhsuk-summary-list__value">
                {view.likert[s.id] ? LIKERT_LABELS[view.likert[s.id]!] : 'Not answered'}
              </dd>
            </div>
          ))}
          {questions.map((q) => (
            <div className="nhsuk-summary-list__row" key={q.id}>
              <dt className="nhsuk-summary-list__key">{q.text}</dt>
              <dd className="nhsuk-summary-list__value">
                {view.freeText[q.id]?.text || 'Not answered'}
                {view.freeText[q.id]?.mayQuote && <span className="app-secondary-text">May be quoted</span>}
              </dd>
            </div>
          ))}
        </dl>
      </>
    );
  }

  function send(event: FormEvent<HTMLFormElement> | null, final: boolean) {
    event?.preventDefault();
    if (busy) return;
    if (Object.keys(validateSurvey(values)).length > 0) {
      setShowErrors(true);
      setAttempt((n) => n + 1);
      return;
    }
    setSaved(null);
    const request = toSaveSurveyRequest(view, values);
    const onError = (error: unknown) => {
      setServer(readActionError(error, (field) => field.replace(/^freeText\.?/, '') || null));
      setAttempt((n) => n + 1);
    };
    if (final) submit.mutate(request, { onError });
    else
      save.mutate(request, {
        onSuccess: () => setSaved(`Draft saved at ${formatDateTime(new Date().toISOString()).split(', ')[1]}`),
        onError,
      });
  }

  const summary = [
    ...server.general.map((message) => ({ message })),
    ...Object.entries({ ...server.fields, ...errors }).map(([id, message]) => ({ message, fieldId: `answer-${id}` })),
  ];
  const setLikert = (id: string, level: LikertLevel) =>
    setValues((v) => ({ ...v, likert: { ...v.likert, [id]: level } }));
  const setText = (id: string, patch: Partial<{ text: string; mayQuote: boolean }>) =>
    setValues((v) => {
      const current = v.freeText[id] ?? { text: '', mayQuote: false };
      return { ...v, freeText: { ...v.freeText, [id]: { ...current, ...patch } } };
    });

  return (
    <>
      {server.stale !== null && (
        <StaleVersionNotice what="survey response" message={server.stale} onReload={onReload} />
      )}
      <PageHeading caption="Evaluation survey">How was the programme for you?</PageHeading>
      <InsetText>
        <p>
          Your answers are anonymous in everything the Alliance reports: figures are shown only where 5 or more people
          answered, and your written answers are quoted only if you allow it, never with your name.
        </p>
      </InsetText>
      {notOpen && <p>The survey opens on {formatDate(view.opensOn)}. You can start a draft before then.</p>}
      <p role="status">{saved ?? surveyProgress(view, values)}</p>
      <form onSubmit={(event) => send(event, true)} noValidate>
        <ErrorSummary id="survey-errors" errors={summary} focusKey={attempt} />
        <div className="app-likert">
          {statements.map((statement) => (
            <ChoiceGroup
              key={statement.id}
              id={`answer-${statement.id}`}
              name={`likert-${statement.id}`}
              legend={statement.text}
              options={LIKERT_OPTIONS}
              value={values.likert[statement.id] ?? ''}
              onChange={(level) => setLikert(statement.id, level)}
              small
            />
          ))}
        </div>
        {questions.map((question) => (
          <div key={question.id}>
            <Textarea
              id={`answer-${question.id}`}
              label={question.text}
              labelSize="s"
              error={errors[question.id] ?? server.fields[question.id]}
              rows={4}
              value={values.freeText[question.id]?.text ?? ''}
              onChange={(value) => setText(question.id, { text: value })}
            />
            <div className="nhsuk-form-group">
              <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                <div className="nhsuk-checkboxes__item">
                  <input
                    className="nhsuk-checkboxes__input"
                    id={`quote-${question.id}`}
                    type="checkbox"
                    checked={values.freeText[question.id]?.mayQuote ?? false}
                    onChange={(event) => setText(question.id, { mayQuote: event.target.checked })}
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`quote-${question.id}`}>
                    The Alliance may quote this answer, without my name
                  </label>
                </div>
              </div>
            </div>
          </div>
        ))}
        <ButtonGroup>
          <Button type="submit" pending={busy} disabled={notOpen}>
            {submit.isPending ? 'Submitting…' : 'Submit survey'}
          </Button>
          <Button variant="secondary" pending={busy} onClick={() => send(null, false)}>
            {save.isPending ? 'Saving…' : 'Save as draft'}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
