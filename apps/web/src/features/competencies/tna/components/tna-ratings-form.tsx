import type { TnaResponse, TnaRoundView } from '@ccc/contracts';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../../components/button';
import { ErrorSummary } from '../../../../components/error-summary';
import { ChoiceGroup } from '../../../../components/form-field';
import { Textarea } from '../../../../components/inputs';
import { StaleVersionNotice } from '../../../../components/stale-version-notice';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../../../utils/action-error';
import type { StartingDraft } from '../../drafts/draft-store';
import { DraftStatus, RestoredDraftNotice } from '../../drafts/draft-status';
import { useAutosave } from '../../drafts/use-autosave';
import { ratingText } from '../../utils/labels';
import { useAgreeRatings } from '../api/agree-ratings';
import { useRateSelf } from '../api/rate-self';
import {
  initialTnaValues,
  mergeTnaDraft,
  tnaFieldFor,
  tnaFieldId,
  toAgreedRatingsRequest,
  toSelfRatingsRequest,
  toTnaDraft,
  validateTna,
  type TnaErrors,
  type TnaFormSide,
  type TnaValues,
} from '../utils/tna-form';

interface TnaRatingsFormProps {
  tna: TnaResponse;
  round: TnaRoundView;
  side: TnaFormSide;
  draftKey: string;
  personId: string;
  starting: StartingDraft;
  onDone: (title: string, detail: string | null) => void;
  onReload: () => void;
}

/**
 * One side's ratings for a round: the CCC rates themself (with a note), the Alliance supervisor agrees a rating
 * and the training needs, seeing the CCC's own rating beside each. Saved as a draft while it is filled in.
 */
export function TnaRatingsForm({
  tna,
  round,
  side,
  draftKey,
  personId,
  starting,
  onDone,
  onReload,
}: TnaRatingsFormProps) {
  const [values, setValues] = useState<TnaValues>(() => mergeTnaDraft(initialTnaValues(round, side), starting.content));
  const [showErrors, setShowErrors] = useState(false);
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const autosave = useAutosave(draftKey, personId, starting);
  // Once sent, the restored draft is no longer what the form holds.
  const [restored, setRestored] = useState(starting.content !== null);
  const rateSelf = useRateSelf(tna.enrolmentId, round.round);
  const agree = useAgreeRatings(tna.enrolmentId, round.round);
  const codes = tna.domains.flatMap((d) => d.competencies);
  const byCode = new Map(round.ratings.map((r) => [r.code, r]));
  const client: TnaErrors = showErrors ? validateTna(values, codes, tna.scale, side) : {};
  const errors: TnaErrors = { ...server.fields, ...client };
  const scaleOptions = tna.scale.map((level) => ({
    value: String(level.value),
    label: `${level.value}: ${level.label}`,
  }));
  const signed = round.cccSignature !== null || round.supervisorSignature !== null;

  function update(code: string, part: 'rating' | 'text', value: string) {
    const next: TnaValues = { ...values, [code]: { ...(values[code] ?? { rating: '', text: '' }), [part]: value } };
    setValues(next);
    autosave.change(toTnaDraft(next));
    setServer((current) => {
      const fields = { ...current.fields };
      delete fields[tnaFieldId(code, part)];
      return { ...current, fields };
    });
  }

  async function send(): Promise<void> {
    if (Object.keys(validateTna(values, codes, tna.scale, side)).length > 0) {
      setShowErrors(true);
      setAttempt((n) => n + 1);
      return;
    }
    await autosave.pause();
    try {
      if (side === 'self') await rateSelf.mutateAsync(toSelfRatingsRequest(values, codes, round.version));
      else await agree.mutateAsync(toAgreedRatingsRequest(values, codes, round.version));
    } catch (error) {
      autosave.resume();
      setServer(readActionError(error, (field) => tnaFieldFor(field, values, codes)));
      setAttempt((n) => n + 1);
      return;
    }
    void autosave.discard();
    setRestored(false);
    setShowErrors(false);
    onDone(
      side === 'self' ? 'Your ratings are saved' : 'The agreed ratings are saved',
      signed ? 'The signatures given before were cleared: the TNA needs signing again.' : null,
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    void send().finally(() => setBusy(false));
  }

  const order = codes.flatMap((c) => [tnaFieldId(c.code, 'rating'), tnaFieldId(c.code, 'text')]);
  const summary = [
    ...server.general.map((message) => ({ message })),
    ...order.filter((id) => errors[id]).map((id) => ({ message: errors[id] as string, fieldId: id })),
  ];
  const textLabel = side === 'self' ? 'Your notes (optional)' : 'Training needs agreed (optional)';

  return (
    <form onSubmit={handleSubmit} noValidate>
      {server.stale !== null && (
        <StaleVersionNotice
          what="TNA"
          message={server.stale}
          onReload={() => {
            setServer(NO_ACTION_ERROR);
            onReload();
          }}
        />
      )}
      <ErrorSummary id={`tna-${round.round}-errors`} errors={summary} focusKey={attempt} />
      {restored && <RestoredDraftNotice starting={starting} />}
      {tna.domains.map((domain) => (
        <fieldset className="nhsuk-fieldset app-section" key={domain.key}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">{domain.title}</legend>
          {domain.competencies.map((competency) => {
            const saved = byCode.get(competency.code);
            const other =
              side === 'self'
                ? saved?.agreedRating != null
                  ? `Agreed rating: ${ratingText(saved.agreedRating, tna.scale)}${saved.needs ? `. Training needs: ${saved.needs}` : ''}`
                  : null
                : `The CCC's own rating: ${ratingText(saved?.selfRating ?? null, tna.scale)}${saved?.selfNote ? `. Their note: ${saved.selfNote}` : ''}`;
            const row = values[competency.code] ?? { rating: '', text: '' };
            return (
              <div className="app-action-row" key={competency.code} data-tna-competency={competency.code}>
                <ChoiceGroup
                  id={tnaFieldId(competency.code, 'rating')}
                  name={`tna-${round.round}-${competency.code}`}
                  legend={`${competency.code}: ${competency.title}`}
                  hint={other ?? undefined}
                  error={errors[tnaFieldId(competency.code, 'rating')]}
                  options={scaleOptions}
                  value={row.rating}
                  onChange={(rating) => update(competency.code, 'rating', rating)}
                  inline
                  small
                />
                <Textarea
                  id={tnaFieldId(competency.code, 'text')}
                  label={
                    <>
                      {textLabel}
                      <span className="nhsuk-u-visually-hidden"> for {competency.title}</span>
                    </>
                  }
                  error={errors[tnaFieldId(competency.code, 'text')]}
                  rows={2}
                  value={row.text}
                  onChange={(value) => update(competency.code, 'text', value)}
                />
              </div>
            );
          })}
        </fieldset>
      ))}
      <DraftStatus id={`tna-${round.round}-draft-status`} status={autosave.status} />
      <Button type="submit" pending={busy}>
        {busy ? 'Saving…' : side === 'self' ? 'Save my ratings' : 'Save the agreed ratings'}
      </Button>
    </form>
  );
}
