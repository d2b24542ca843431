import type { HandoverView } from '@ccc/contracts';
import { HANDOVER_PARTY_LABELS } from '@ccc/programme';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { BackLink } from '../../../components/back-link';
import { Button } from '../../../components/button';
import { Confirmation } from '../../../components/confirmation';
import { Details } from '../../../components/details';
import { ErrorSummary } from '../../../components/error-summary';
import { FormField, fieldClass } from '../../../components/form-field';
import { Textarea } from '../../../components/inputs';
import { InsetText } from '../../../components/inset-text';
import { PageHeading } from '../../../components/page-heading';
import { StaleVersionNotice } from '../../../components/stale-version-notice';
import { SummaryList, SummaryRow } from '../../../components/summary-list';
import { Tag } from '../../../components/tag';
import { formatDate, formatDateTime } from '../../../utils/format';
import { can } from '@ccc/contracts';
import { useMe } from '../../auth';
import { QueryPage } from '../../admin';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../../utils/action-error';
import { useAmendments } from '../api/get-amendments';
import { useCreateAmendment } from '../api/create-amendment';
import { useHandover } from '../api/get-handover';
import { useSignHandover } from '../api/sign-handover';
import { useUpdateHandover } from '../api/update-handover';
import {
  HANDOVER_TEXT_FIELDS,
  handoverValuesFrom,
  toUpdateHandoverRequest,
  validateHandover,
  type HandoverTextField,
  type HandoverValues,
} from '../utils/month-six';

const LABELS: Record<HandoverTextField, { label: string; hint?: string }> = {
  pcnPriorities: { label: 'The PCN’s priorities for the role' },
  roleDevelopment: { label: 'How the role developed against them' },
  followOnSupervisorName: {
    label: 'Who takes over clinical supervision',
    hint: 'The person in the PCN who supervises the CCC from now on',
  },
  appraisalDate: { label: 'Date of the 1-year appraisal' },
  roleEvaluation: { label: 'Evaluation of the role' },
};

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The month-six handover and evaluation interview of the three parties: written together, signed by each. */
export function HandoverPage() {
  const { enrolmentId = '' } = useParams();
  const handover = useHandover(enrolmentId);
  const [generation, setGeneration] = useState(0);
  const backLink = <BackLink to={`/enrolments/${enrolmentId}`}>Back to the timeline</BackLink>;
  return (
    <QueryPage title="Handover and evaluation interview" what="the handover" query={handover} before={backLink}>
      {() => (
        <>
          {backLink}
          <PageHeading caption="Month 6">Handover and evaluation interview</PageHeading>
          <HandoverRecord
            key={generation}
            view={handover.data!}
            onReload={() => void handover.refetch().then(() => setGeneration((g) => g + 1))}
          />
        </>
      )}
    </QueryPage>
  );
}

function HandoverRecord({ view, onReload }: { view: HandoverView; onReload: () => void }) {
  const me = useMe();
  const mayAmend = can(me.data?.roles.map(({ role }) => role) ?? [], 'amendment:create');
  const completed = view.enrolmentStatus === 'completed';
  const [done, setDone] = useState<{ title: string; key: number } | null>(null);
  const sign = useSignHandover(view.enrolmentId);
  const [signError, setSignError] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const finish = (title: string) => setDone({ title, key: Date.now() });

  return (
    <>
      {done && <Confirmation key={done.key} title={done.title} />}
      {completed && (
        <InsetText>
          <p>
            All three parties have signed: the enrolment is completed and this record is read-only. A correction is
            recorded as an amendment, with its reason.
          </p>
        </InsetText>
      )}
      <section aria-labelledby="signatures-heading" className="app-section">
        <h2 id="signatures-heading">Signatures</h2>
        <SummaryList>
          {view.signatures.map((signature) => (
            <SummaryRow key={signature.party} label={capitalise(HANDOVER_PARTY_LABELS[signature.party])}>
              {signature.signedAt ? (
                <>
                  <Tag tone="success" hiddenPrefix="Signature: ">
                    Signed
                  </Tag>{' '}
                  by {signature.signedBy?.fullName ?? 'someone no longer in the service'} on{' '}
                  {formatDateTime(signature.signedAt)}
                </>
              ) : (
                <Tag tone="neutral" hiddenPrefix="Signature: ">
                  Not signed yet
                </Tag>
              )}
            </SummaryRow>
          ))}
        </SummaryList>
        {signError.stale !== null && (
          <StaleVersionNotice what="handover record" message={signError.stale} onReload={onReload} />
        )}
        {signError.general.length > 0 && (
          <div className="nhsuk-error-summary" role="alert">
            <h3 className="nhsuk-error-summary__title">The record could not be signed</h3>
            <div className="nhsuk-error-summary__body">
              <p>{signError.general.join(' ')}</p>
            </div>
          </div>
        )}
        {view.canSignAs && !completed && (
          <>
            {view.signBlocker && <p>{view.signBlocker}</p>}
            <Button
              pending={sign.isPending}
              aria-disabled={view.signBlocker ? true : undefined}
              onClick={() => {
                if (view.signBlocker) return;
                sign.mutate(
                  { version: view.version },
                  {
                    onSuccess: (next) => {
                      setSignError(NO_ACTION_ERROR);
                      finish(next.enrolmentStatus === 'completed' ? 'Signed: the enrolment is completed' : 'Signed');
                    },
                    onError: (error) => setSignError(readActionError(error, () => null)),
                  },
                );
              }}
            >
              {sign.isPending ? 'Signing…' : `Sign as ${HANDOVER_PARTY_LABELS[view.canSignAs]}`}
            </Button>
          </>
        )}
      </section>

      {view.canEdit && !completed ? (
        <HandoverForm view={view} onReload={onReload} onSaved={() => finish('Handover record saved')} />
      ) : (
        <HandoverReadOnly view={view} />
      )}

      {completed && <Amendments view={view} mayAmend={mayAmend} onDone={finish} />}
    </>
  );
}

function HandoverReadOnly({ view }: { view: HandoverView }) {
  const values = handoverValuesFrom(view);
  return (
    <section aria-labelledby="record-heading" className="app-section">
      <h2 id="record-heading">The record</h2>
      <SummaryList>
        {HANDOVER_TEXT_FIELDS.map((field) => (
          <SummaryRow key={field} label={LABELS[field].label}>
            {values[field]
              ? field === 'appraisalDate'
                ? formatDate(values[field])
                : values[field]
              : 'Not written yet'}
          </SummaryRow>
        ))}
        <SummaryRow label="Training agreed for after the programme">
          {view.trainingAgreed.length === 0 ? (
            'None yet'
          ) : (
            <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
              {view.trainingAgreed.map((item, index) => (
                <li key={index}>
                  {item.title} (by month {item.targetMonth} after the programme)
                </li>
              ))}
            </ul>
          )}
        </SummaryRow>
      </SummaryList>
    </section>
  );
}

function TextFields({
  prefix,
  values,
  errors,
  onChange,
}: {
  prefix: string;
  values: HandoverValues;
  errors: Partial<Record<string, string>>;
  onChange: (field: HandoverTextField, value: string) => void;
}) {
  return (
    <>
      {HANDOVER_TEXT_FIELDS.map((field) => (
        <FormField
          key={field}
          id={`${prefix}-${field}`}
          label={LABELS[field].label}
          hint={LABELS[field].hint}
          error={errors[field]}
        >
          {(control) =>
            field === 'appraisalDate' ? (
              <input
                {...control}
                className={fieldClass('nhsuk-input nhsuk-input--width-10', control)}
                type="date"
                value={values[field]}
                onChange={(event) => onChange(field, event.target.value)}
              />
            ) : field === 'followOnSupervisorName' ? (
              <input
                {...control}
                className={fieldClass('nhsuk-input', control)}
                type="text"
                value={values[field]}
                onChange={(event) => onChange(field, event.target.value)}
              />
            ) : (
              <textarea
                {...control}
                className={fieldClass('nhsuk-textarea', control)}
                rows={4}
                value={values[field]}
                onChange={(event) => onChange(field, event.target.value)}
              />
            )
          }
        </FormField>
      ))}
    </>
  );
}

function HandoverForm({ view, onReload, onSaved }: { view: HandoverView; onReload: () => void; onSaved: () => void }) {
  const [values, setValues] = useState(() => handoverValuesFrom(view));
  const [showErrors, setShowErrors] = useState(false);
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const update = useUpdateHandover(view.enrolmentId);
  const errors = { ...server.fields, ...(showErrors ? validateHandover(values) : {}) };
  const signed = view.signatures.some((s) => s.signedAt);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    if (Object.keys(validateHandover(values)).length > 0) {
      setShowErrors(true);
      setAttempt((n) => n + 1);
      return;
    }
    update.mutate(toUpdateHandoverRequest(view, values), {
      onSuccess: () => {
        setServer(NO_ACTION_ERROR);
        onSaved();
      },
      onError: (error) => {
        setServer(
          readActionError(error, (field) =>
            (HANDOVER_TEXT_FIELDS as readonly string[]).includes(field) ? field : null,
          ),
        );
        setAttempt((n) => n + 1);
      },
    });
  }

  const summary = [
    ...server.general.map((message) => ({ message })),
    ...HANDOVER_TEXT_FIELDS.filter((f) => errors[f]).map((f) => ({ message: errors[f]!, fieldId: `handover-${f}` })),
  ];
  return (
    <section aria-labelledby="record-heading" className="app-section">
      <h2 id="record-heading">The record</h2>
      {server.stale !== null && (
        <StaleVersionNotice what="handover record" message={server.stale} onReload={onReload} />
      )}
      {signed && <p>Saving a change clears the signatures given so far: each party signs the record as it is.</p>}
      <form onSubmit={handleSubmit} noValidate>
        <ErrorSummary id="handover-errors" errors={summary} focusKey={attempt} />
        <TextFields
          prefix="handover"
          values={values}
          errors={errors}
          onChange={(f, v) => setValues((c) => ({ ...c, [f]: v }))}
        />
        <Button type="submit" pending={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save the record'}
        </Button>
      </form>
    </section>
  );
}

function Amendments({
  view,
  mayAmend,
  onDone,
}: {
  view: HandoverView;
  mayAmend: boolean;
  onDone: (title: string) => void;
}) {
  const amendments = useAmendments(view.enrolmentId);
  const create = useCreateAmendment(view.enrolmentId);
  const [values, setValues] = useState(() => handoverValuesFrom(view));
  const [reason, setReason] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const errors = { ...server.fields, ...(showErrors ? validateHandover(values, reason) : {}) };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    if (Object.keys(validateHandover(values, reason)).length > 0) {
      setShowErrors(true);
      setAttempt((n) => n + 1);
      return;
    }
    const { version: _version, ...handover } = toUpdateHandoverRequest(view, values);
    create.mutate(
      { record: 'handover', reason: reason.trim(), handover },
      {
        onSuccess: () => {
          setReason('');
          setShowErrors(false);
          setServer(NO_ACTION_ERROR);
          onDone('Amendment recorded');
        },
        onError: (error) => {
          setServer(
            readActionError(error, (field) => (field === 'reason' ? 'reason' : field.replace(/^handover\./, ''))),
          );
          setAttempt((n) => n + 1);
        },
      },
    );
  }

  const fieldIds: Record<string, string> = { reason: 'amend-reason' };
  for (const f of HANDOVER_TEXT_FIELDS) fieldIds[f] = `amend-${f}`;
  const summary = [
    ...server.general.map((message) => ({ message })),
    ...Object.entries(errors)
      .filter(([, message]) => message)
      .map(([field, message]) => ({ message: message!, fieldId: fieldIds[field] })),
  ];

  return (
    <section aria-labelledby="amendments-heading" className="app-section">
      <h2 id="amendments-heading">Amendments</h2>
      {(amendments.data ?? []).length === 0 ? (
        <p>No corrections have been made.</p>
      ) : (
        <ul className="nhsuk-list app-rows">
          {amendments.data!.map((amendment) => (
            <li key={amendment.id} className="app-rows__item">
              <strong>{formatDateTime(amendment.at)}</strong>, {amendment.amendedBy?.fullName ?? 'someone'} corrected
              the {amendment.record}: {amendment.reason}
            </li>
          ))}
        </ul>
      )}
      {mayAmend && (
        <Details summary="Amend the record">
          <form onSubmit={handleSubmit} noValidate>
            <ErrorSummary id="amend-errors" errors={summary} focusKey={attempt} />
            <Textarea
              id="amend-reason"
              label="Why it is being corrected"
              error={errors['reason']}
              rows={3}
              value={reason}
              onChange={(value) => setReason(value)}
            />
            <TextFields
              prefix="amend"
              values={values}
              errors={errors}
              onChange={(f, v) => setValues((c) => ({ ...c, [f]: v }))}
            />
            <Button type="submit" pending={create.isPending}>
              {create.isPending ? 'Saving…' : 'Record the amendment'}
            </Button>
          </form>
        </Details>
      )}
    </section>
  );
}
