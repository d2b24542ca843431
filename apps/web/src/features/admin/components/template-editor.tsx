import type { TemplateResponse, TemplateValidationResponse } from '@ccc/contracts';
import {
  type Expectation,
  type ExpectationMeasure,
  PARTICIPANT_ROLES,
  PARTIES,
  type ProgrammeTemplate,
  SESSION_KINDS,
  SESSION_MODES,
  type TemplateError,
  TRACKS,
  validateTemplate,
} from '@ccc/programme';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { Button, ButtonGroup } from '../../../components/button';
import { describeError } from '../../../components/error-message';
import { ErrorSummary, type SummaryError } from '../../../components/error-summary';
import { FormField, InlineError, fieldClass } from '../../../components/form-field';
import { TextInput } from '../../../components/inputs';
import { WarningCallout } from '../../../components/warning-callout';
import { isApiClientError } from '../../../lib/api-client';
import { PARTICIPANT_ROLE_LABELS, SESSION_KIND_LABELS, SESSION_MODE_LABELS, TRACK_LABELS } from '../../enrolments';
import { useCreateTemplateVersion } from '../api/create-template-version';
import { useValidateTemplateVersion } from '../api/validate-template-version';
import {
  fieldIdOf,
  measureOfType,
  numberFrom,
  numberText,
  placeErrors,
  templateFieldPaths,
} from '../utils/template-form';
import { TemplatePlanPreview } from './template-plan-preview';

const PARTY_LABELS: Record<(typeof PARTIES)[number], string> = { ccc: 'CCC', pcn: 'PCN', alliance: 'Alliance' };
const MEASURE_LABELS: Record<ExpectationMeasure['type'], string> = {
  session_count: 'A count of sessions',
  attendance: 'Attendance at sessions',
  weekly_release: 'Study time each week',
  total_release: 'Release over the programme',
  competencies: 'Competencies',
  training: 'Training',
  survey: 'Evaluation survey',
  attestation: 'Attested by the party',
  duties: 'The duties it agreed to in the role offer, each confirmed by it',
};

interface TemplateEditorProps {
  template: TemplateResponse;
  /** The version number the next one will have (the newest of this key + 1). */
  nextVersion: number;
  onSaved: (saved: TemplateResponse) => void;
}

/**
 * The next version of a template, edited in forms: months and eligibility, the plan's sessions, teaching topics,
 * courses, and expectations with their targets. Each field's problem shows beside it: the template's own rules run
 * as you type (once checked), and the API's check and save report theirs by path. The evaluation survey and outcome
 * measures are kept as they are in this version. A preview shows the plan as a CCC would see it.
 */
export function TemplateEditor({ template, nextVersion, onSaved }: TemplateEditorProps) {
  const [draft, setDraft] = useState<ProgrammeTemplate>(() => structuredClone(template.definition));
  const [showErrors, setShowErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<TemplateError[]>([]);
  const [general, setGeneral] = useState<string[]>([]);
  const [checked, setChecked] = useState<{ draft: ProgrammeTemplate; result: TemplateValidationResponse } | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const validate = useValidateTemplateVersion(template.id);
  const create = useCreateTemplateVersion(template.id);

  const local = useMemo(() => validateTemplate(draft), [draft]);
  const errors = showErrors ? [...local.errors, ...serverErrors] : [];
  const fields = useMemo(() => templateFieldPaths(draft), [draft]);
  const placed = placeErrors(errors, fields);
  const current = checked && checked.draft === draft ? checked.result : null;

  /** Every change starts from a copy; the API's answers were for the draft before it. */
  function change(edit: (d: ProgrammeTemplate) => void) {
    const next = structuredClone(draft);
    edit(next);
    setDraft(next);
    setServerErrors([]);
    setGeneral([]);
  }

  const summary: SummaryError[] = [
    ...general.map((message) => ({ message })),
    ...[...placed.entries()].flatMap(([path, messages]) =>
      messages.map((message) => ({
        message: fields.includes(path) ? message : `${path || 'The template'}: ${message}`,
        fieldId: fields.includes(path) ? fieldIdOf(path) : undefined,
      })),
    ),
  ];
  const errorAt = (path: string) => placed.get(path)?.join('. ');
  const focusSummary = () => setAttempt((n) => n + 1);

  function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (validate.isPending) return;
    setShowErrors(true);
    if (!local.valid) return focusSummary();
    const sent = draft;
    validate.mutate(
      { definition: sent },
      {
        onSuccess: (result) => {
          setChecked({ draft: sent, result });
          setAcknowledged(false);
          setServerErrors(result.errors);
          if (!result.valid) focusSummary();
        },
        onError: (error) => {
          setGeneral([describeError(error)]);
          focusSummary();
        },
      },
    );
  }

  function save() {
    if (!current?.valid || create.isPending) return;
    if (current.warnings.length > 0 && !acknowledged) {
      setGeneral(['Confirm you have read the warnings before saving']);
      return focusSummary();
    }
    create.mutate(
      { definition: draft, acknowledgedWarnings: current.warnings.length > 0 ? true : undefined },
      {
        onSuccess: onSaved,
        onError: (error) => {
          // A 400 names the definition's fields by path: shown beside them like the check's.
          const byPath = isApiClientError(error)
            ? error.fieldErrors.map((e) => ({ path: e.field.replace(/^definition\.?/, ''), message: e.reason }))
            : [];
          if (byPath.length) setServerErrors(byPath);
          else setGeneral([describeError(error)]);
          focusSummary();
        },
      },
    );
  }

  const num = (path: string, label: string, value: unknown, set: (v: number) => void, hint?: string) => (
    <TextInput
      id={fieldIdOf(path)}
      label={label}
      hint={hint}
      error={errorAt(path)}
      width={4}
      inputMode="decimal"
      value={numberText(value)}
      onChange={(value) => set(numberFrom(value))}
    />
  );
  const text = (path: string, label: string, value: string, set: (v: string) => void, wide = true) => (
    <FormField id={fieldIdOf(path)} label={label} error={errorAt(path)}>
      {(control) => (
        <input
          {...control}
          className={fieldClass(wide ? 'nhsuk-input' : 'nhsuk-input nhsuk-input--width-20', control)}
          value={value}
          onChange={(event) => set(event.target.value)}
        />
      )}
    </FormField>
  );
  function select<T extends string>(
    path: string,
    label: string,
    value: T,
    options: readonly T[],
    labels: Record<T, string>,
    set: (v: T) => void,
  ) {
    return (
      <FormField id={fieldIdOf(path)} label={label} error={errorAt(path)}>
        {(control) => (
          <select
            {...control}
            className={fieldClass('nhsuk-select', control)}
            value={value}
            onChange={(event) => set(event.target.value as T)}
          >
            {options.map((o) => (
              <option key={o} value={o}>
                {labels[o]}
              </option>
            ))}
          </select>
        )}
      </FormField>
    );
  }
  function checkboxes<T extends string>(
    path: string,
    legend: string,
    value: readonly T[] | undefined,
    options: readonly T[],
    labels: Record<T, string>,
    set: (v: T[]) => void,
  ) {
    const id = fieldIdOf(path);
    const error = errorAt(path);
    return (
      <div className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
        <fieldset className="nhsuk-fieldset" id={id} aria-describedby={error ? `${id}-error` : undefined}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
          {error && <InlineError id={`${id}-error`}>{error}</InlineError>}
          <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
            {options.map((o) => (
              <div className="nhsuk-checkboxes__item" key={o}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={`${id}-${o}`}
                  type="checkbox"
                  checked={(value ?? []).includes(o)}
                  onChange={(event) =>
                    set(
                      event.target.checked
                        ? options.filter((x) => x === o || (value ?? []).includes(x))
                        : (value ?? []).filter((x) => x !== o),
                    )
                  }
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-${o}`}>
                  {labels[o]}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
    );
  }
  const item = (path: string, legend: ReactNode, children: ReactNode, remove: () => void, removeLabel: string) => (
    <fieldset className="nhsuk-fieldset app-template-item" id={fieldIdOf(path)}>
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
      {placed.get(path) && <InlineError>{placed.get(path)!.join('. ')}</InlineError>}
      {children}
      <Button variant="secondary" small onClick={remove}>
        {removeLabel}
      </Button>
    </fieldset>
  );

  const version = current?.wouldBe?.version ?? nextVersion;
  const kindLabels = SESSION_KIND_LABELS as Record<(typeof SESSION_KINDS)[number], string>;
  return (
    <>
      <form onSubmit={check} noValidate aria-label="The next version of the template">
        <ErrorSummary id="template-errors" errors={summary} focusKey={attempt} />

        <h3>Programme</h3>
        {text('name', 'Name', draft.name, (v) => change((d) => void (d.name = v)))}
        {num('durationMonths', 'Months', draft.durationMonths, (v) => change((d) => void (d.durationMonths = v)))}
        <h3>Eligibility for the supervision track</h3>
        {num(
          'supervisionEligibilityMonths',
          'Employed up to this many months before the cohort starts',
          draft.supervisionEligibilityMonths,
          (v) => change((d) => void (d.supervisionEligibilityMonths = v)),
        )}
        {num(
          'supervisionEligibilityMonthsAfter',
          'Or starting within this many months after it starts',
          draft.supervisionEligibilityMonthsAfter ?? 1,
          (v) => change((d) => void (d.supervisionEligibilityMonthsAfter = v)),
          '1: by the end of the cohort’s first month',
        )}

        <h3>Sessions of the plan</h3>
        {draft.plan.map((p, i) =>
          item(
            `plan[${i}]`,
            `Month ${numberText(p.month)}: ${p.title || 'new session'}`,
            <>
              {num(`plan[${i}].month`, 'Month', p.month, (v) => change((d) => void (d.plan[i]!.month = v)))}
              {select(`plan[${i}].kind`, 'Kind', p.kind, SESSION_KINDS, kindLabels, (v) =>
                change((d) => void (d.plan[i]!.kind = v)),
              )}
              {text(
                `plan[${i}].key`,
                'Key (kept by its sessions)',
                p.key,
                (v) => change((d) => void (d.plan[i]!.key = v)),
                false,
              )}
              {text(`plan[${i}].title`, 'Title', p.title, (v) => change((d) => void (d.plan[i]!.title = v)))}
              {text(`plan[${i}].purpose`, 'Purpose', p.purpose, (v) => change((d) => void (d.plan[i]!.purpose = v)))}
              {checkboxes(
                `plan[${i}].participants`,
                'Who takes part',
                p.participants,
                PARTICIPANT_ROLES,
                PARTICIPANT_ROLE_LABELS,
                (v) => change((d) => void (d.plan[i]!.participants = v)),
              )}
              {num(`plan[${i}].durationMinutes.min`, 'Shortest (minutes)', p.durationMinutes?.min, (v) =>
                change((d) => void (d.plan[i]!.durationMinutes.min = v)),
              )}
              {num(`plan[${i}].durationMinutes.max`, 'Longest (minutes)', p.durationMinutes?.max, (v) =>
                change((d) => void (d.plan[i]!.durationMinutes.max = v)),
              )}
              {select(`plan[${i}].mode`, 'How it is held', p.mode, SESSION_MODES, SESSION_MODE_LABELS, (v) =>
                change((d) => void (d.plan[i]!.mode = v)),
              )}
              {checkboxes(`plan[${i}].tracks`, 'For the tracks', p.tracks, TRACKS, TRACK_LABELS, (v) =>
                change((d) => void (d.plan[i]!.tracks = v)),
              )}
              <div className="nhsuk-form-group">
                <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                  <div className="nhsuk-checkboxes__item">
                    <input
                      className="nhsuk-checkboxes__input"
                      id={fieldIdOf(`plan[${i}].sharedByCohort`)}
                      type="checkbox"
                      checked={p.sharedByCohort}
                      onChange={(event) => change((d) => void (d.plan[i]!.sharedByCohort = event.target.checked))}
                    />
                    <label
                      className="nhsuk-label nhsuk-checkboxes__label"
                      htmlFor={fieldIdOf(`plan[${i}].sharedByCohort`)}
                    >
                      One meeting for the whole cohort
                    </label>
                  </div>
                </div>
              </div>
            </>,
            () => change((d) => void d.plan.splice(i, 1)),
            `Remove ${p.title || 'this session'}`,
          ),
        )}
        <Button
          variant="secondary"
          onClick={() =>
            change((d) =>
              d.plan.push({
                key: '',
                month: 1,
                kind: 'individual',
                title: '',
                purpose: '',
                participants: ['ccc', 'alliance_supervisor'],
                durationMinutes: { min: 30, max: 60 },
                mode: 'virtual',
                tracks: ['supervision'],
                sharedByCohort: false,
              }),
            )
          }
        >
          Add a session
        </Button>

        <h3>Group teaching topics</h3>
        {draft.teaching.map((t, i) =>
          item(
            `teaching[${i}]`,
            `Month ${numberText(t.month)}: ${t.topic || 'new topic'}`,
            <>
              {num(`teaching[${i}].month`, 'Month', t.month, (v) => change((d) => void (d.teaching[i]!.month = v)))}
              {text(`teaching[${i}].topic`, 'Topic', t.topic, (v) => change((d) => void (d.teaching[i]!.topic = v)))}
              {num(`teaching[${i}].durationMinutes.min`, 'Shortest (minutes)', t.durationMinutes?.min, (v) =>
                change((d) => void (d.teaching[i]!.durationMinutes.min = v)),
              )}
              {num(`teaching[${i}].durationMinutes.max`, 'Longest (minutes)', t.durationMinutes?.max, (v) =>
                change((d) => void (d.teaching[i]!.durationMinutes.max = v)),
              )}
              {select(`teaching[${i}].mode`, 'How it is held', t.mode, SESSION_MODES, SESSION_MODE_LABELS, (v) =>
                change((d) => void (d.teaching[i]!.mode = v)),
              )}
            </>,
            () => change((d) => void d.teaching.splice(i, 1)),
            `Remove ${t.topic || 'this topic'}`,
          ),
        )}
        <Button
          variant="secondary"
          onClick={() =>
            change((d) =>
              d.teaching.push({ month: 1, topic: '', durationMinutes: { min: 60, max: 90 }, mode: 'virtual' }),
            )
          }
        >
          Add a teaching topic
        </Button>

        <h3>Self-directed courses</h3>
        {draft.selfDirectedCourses.map((c, i) =>
          item(
            `selfDirectedCourses[${i}]`,
            c.title || 'New course',
            <>
              {text(`selfDirectedCourses[${i}].title`, 'Title', c.title, (v) =>
                change((d) => void (d.selfDirectedCourses[i]!.title = v)),
              )}
              {text(
                `selfDirectedCourses[${i}].key`,
                'Key',
                c.key,
                (v) => change((d) => void (d.selfDirectedCourses[i]!.key = v)),
                false,
              )}
            </>,
            () => change((d) => void d.selfDirectedCourses.splice(i, 1)),
            `Remove ${c.title || 'this course'}`,
          ),
        )}
        <Button
          variant="secondary"
          onClick={() => change((d) => void d.selfDirectedCourses.push({ key: '', title: '' }))}
        >
          Add a course
        </Button>

        <h3>Expectations and their targets</h3>
        {draft.expectations.map((e, i) =>
          item(
            `expectations[${i}]`,
            `${PARTY_LABELS[e.party] ?? e.party}: ${e.title || 'new expectation'}`,
            <ExpectationFields
              expectation={e}
              at={`expectations[${i}]`}
              num={num}
              text={text}
              select={select}
              checkboxes={checkboxes}
              set={(edit) => change((d) => edit(d.expectations[i]!))}
            />,
            () => change((d) => void d.expectations.splice(i, 1)),
            `Remove ${e.title || 'this expectation'}`,
          ),
        )}
        <Button
          variant="secondary"
          onClick={() =>
            change(
              (d) => void d.expectations.push({ key: '', party: 'ccc', title: '', measure: { type: 'attestation' } }),
            )
          }
        >
          Add an expectation
        </Button>

        {current?.valid && (
          <div role="status">
            {current.warnings.length === 0 ? (
              <p className="nhsuk-body">
                <strong>The template is valid</strong> and has no warnings. It will be saved as version {version}.
              </p>
            ) : (
              <WarningCallout heading={`The template is valid, with ${current.warnings.length} warnings`}>
                <ul>
                  {current.warnings.map((warning) => (
                    <li key={warning}>{warning}</li>
                  ))}
                </ul>
              </WarningCallout>
            )}
          </div>
        )}
        {current?.valid && current.warnings.length > 0 && (
          <div className="nhsuk-form-group">
            <div className="nhsuk-checkboxes">
              <div className="nhsuk-checkboxes__item">
                <input
                  className="nhsuk-checkboxes__input"
                  id="template-acknowledge"
                  type="checkbox"
                  checked={acknowledged}
                  onChange={(event) => setAcknowledged(event.target.checked)}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="template-acknowledge">
                  I have read the warnings and want to save this version
                </label>
              </div>
            </div>
          </div>
        )}
        <ButtonGroup>
          <Button type="submit" variant="secondary" pending={validate.isPending}>
            {validate.isPending ? 'Checking…' : 'Check'}
          </Button>
          {current?.valid && (
            <Button onClick={save} pending={create.isPending}>
              {create.isPending ? 'Saving…' : `Save as version ${version}`}
            </Button>
          )}
        </ButtonGroup>
      </form>
      <TemplatePlanPreview template={draft} valid={local.valid} />
    </>
  );
}

type Num = (path: string, label: string, value: unknown, set: (v: number) => void, hint?: string) => ReactNode;
type Text = (path: string, label: string, value: string, set: (v: string) => void, wide?: boolean) => ReactNode;
type Select = <T extends string>(
  path: string,
  label: string,
  value: T,
  options: readonly T[],
  labels: Record<T, string>,
  set: (v: T) => void,
) => ReactNode;
type Checkboxes = <T extends string>(
  path: string,
  legend: string,
  value: readonly T[] | undefined,
  options: readonly T[],
  labels: Record<T, string>,
  set: (v: T[]) => void,
) => ReactNode;

/** One expectation: who, what, for which tracks, and the fields of its kind of measure (its targets). */
function ExpectationFields({
  expectation: e,
  at,
  num,
  text,
  select,
  checkboxes,
  set,
}: {
  expectation: Expectation;
  at: string;
  num: Num;
  text: Text;
  select: Select;
  checkboxes: Checkboxes;
  set: (edit: (e: Expectation) => void) => void;
}) {
  const m = e.measure;
  const types = Object.keys(MEASURE_LABELS) as ExpectationMeasure['type'][];
  const kinds = SESSION_KIND_LABELS as Record<(typeof SESSION_KINDS)[number], string>;
  return (
    <>
      {text(`${at}.title`, 'What is expected', e.title, (v) => set((x) => void (x.title = v)))}
      {select(`${at}.party`, 'Of whom', e.party, PARTIES, PARTY_LABELS, (v) => set((x) => void (x.party = v)))}
      {text(`${at}.key`, 'Key', e.key, (v) => set((x) => void (x.key = v)), false)}
      {checkboxes(`${at}.tracks`, 'For the tracks', e.tracks ?? [...TRACKS], TRACKS, TRACK_LABELS, (v) =>
        set((x) => void (x.tracks = v)),
      )}
      {select(`${at}.measure.type`, 'How it is measured', m.type, types, MEASURE_LABELS, (v) =>
        set((x) => void (x.measure = measureOfType(v))),
      )}
      {(m.type === 'session_count' || m.type === 'attendance') &&
        checkboxes(`${at}.measure.kinds`, 'Sessions counted', m.kinds, SESSION_KINDS, kinds, (v) =>
          set((x) => void ((x.measure as { kinds: typeof v }).kinds = v)),
        )}
      {m.type === 'session_count' &&
        num(`${at}.measure.target`, 'Target (sessions)', m.target, (v) =>
          set((x) => void ((x.measure as { target: number }).target = v)),
        )}
      {m.type === 'weekly_release' && (
        <>
          {num(`${at}.measure.minHours`, 'At least (hours a week)', m.minHours, (v) =>
            set((x) => void ((x.measure as { minHours: number }).minHours = v)),
          )}
          {num(`${at}.measure.maxHours`, 'At most (hours a week)', m.maxHours, (v) =>
            set((x) => void ((x.measure as { maxHours: number }).maxHours = v)),
          )}
        </>
      )}
      {m.type === 'total_release' && (
        <>
          {num(`${at}.measure.maxDays`, 'Up to (days)', m.maxDays, (v) =>
            set((x) => void ((x.measure as { maxDays: number }).maxDays = v)),
          )}
          {num(`${at}.measure.hoursPerDay`, 'Hours in a day', m.hoursPerDay, (v) =>
            set((x) => void ((x.measure as { hoursPerDay: number }).hoursPerDay = v)),
          )}
        </>
      )}
    </>
  );
}
