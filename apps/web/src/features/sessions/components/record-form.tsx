import type { SessionView } from '@ccc/contracts';
import type { ParticipantRole } from '@ccc/programme';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/error-summary';
import { ChoiceGroup, FormField, fieldClass } from '../../../components/form-field';
import { Select, TextInput, Textarea } from '../../../components/inputs';
import { StaleVersionNotice } from '../../../components/stale-version-notice';
import { ATTENDANCE_LABELS, PARTICIPANT_ROLE_LABELS } from '../../enrolments';
import { useRecordSession } from '../api/record-session';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../../utils/action-error';
import {
  MARKS,
  STAFF_ROLES,
  initialRecordValues,
  recordFieldFor,
  recordFieldIds,
  toRecordRequest,
  validateRecord,
  type ActionPart,
  type Mark,
  type RecordContext,
  type RecordValues,
  type StaffRole,
} from '../utils/record-form';

interface RecordFormProps {
  session: SessionView;
  onDone: (view: SessionView) => void;
  onReload: () => void;
  onClose: () => void;
}

const MARK_OPTIONS = MARKS.map((mark) => ({ value: mark, label: ATTENDANCE_LABELS[mark] }));
const OWNER_ROLES: ParticipantRole[] = ['ccc', 'pcn_supervisor', 'alliance_supervisor'];
const OWNER_OPTIONS = OWNER_ROLES.map((role) => ({ value: role, label: PARTICIPANT_ROLE_LABELS[role] }));

export function recordContextOf(session: SessionView): RecordContext {
  return {
    attendees: session.attendees,
    staffRoles: STAFF_ROLES.filter((role) => session.participants.includes(role)),
    ...(session.startsAt ? { startsAt: new Date(session.startsAt) } : {}),
  };
}

/** The register for every attendee, the supervisors' attendance, notes and agreed actions, in one form. */
export function RecordForm({ session, onDone, onReload, onClose }: RecordFormProps) {
  const context = recordContextOf(session);
  const [values, setValues] = useState<RecordValues>(() =>
    initialRecordValues(context, session.staffAttendance, session.notes),
  );
  const [nextKey, setNextKey] = useState(1);
  const [showErrors, setShowErrors] = useState(false);
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const record = useRecordSession(session.id);

  const errors: Record<string, string> = { ...server.fields, ...(showErrors ? validateRecord(values, context) : {}) };

  function change(next: (current: RecordValues) => RecordValues, fieldId?: string) {
    setValues(next);
    if (fieldId) {
      setServer((current) => {
        const fields = { ...current.fields };
        delete fields[fieldId];
        return { ...current, fields };
      });
    }
  }

  function setMark(enrolmentId: string, mark: Mark) {
    change(
      (current) => ({ ...current, attendance: { ...current.attendance, [enrolmentId]: mark } }),
      recordFieldIds.attendance(enrolmentId),
    );
  }

  function markEveryonePresent() {
    change((current) => ({
      ...current,
      attendance: Object.fromEntries(Object.keys(current.attendance).map((id) => [id, 'present' as const])),
    }));
  }

  function setStaff(role: StaffRole, mark: Mark) {
    change((current) => ({ ...current, staff: { ...current.staff, [role]: mark } }), recordFieldIds.staff(role));
  }

  function updateAction(key: number, part: ActionPart, value: string) {
    change(
      (current) => ({
        ...current,
        actions: current.actions.map((action) => (action.key === key ? { ...action, [part]: value } : action)),
      }),
      recordFieldIds.action(key, part),
    );
  }

  function addAction() {
    const key = nextKey;
    setNextKey(key + 1);
    change((current) => ({
      ...current,
      actions: [...current.actions, { key, description: '', owner: '', ownerEnrolmentId: '', dueDate: '' }],
    }));
  }

  function removeAction(key: number) {
    change((current) => ({ ...current, actions: current.actions.filter((action) => action.key !== key) }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (record.isPending) return;
    const found = validateRecord(values, context);
    if (Object.keys(found).length > 0) {
      setShowErrors(true);
      setAttempt((n) => n + 1);
      return;
    }
    record.mutate(toRecordRequest(values, context, session.version), {
      onSuccess: onDone,
      onError: (error) => {
        setServer(readActionError(error, (field) => recordFieldFor(field, values, context)));
        setAttempt((n) => n + 1);
      },
    });
  }

  const summary = [
    ...server.general.map((message) => ({ message })),
    ...Object.entries(errors).map(([fieldId, message]) => ({ message, fieldId })),
  ];
  const isGroup = context.attendees.length > 1;

  return (
    <form onSubmit={handleSubmit} noValidate>
      {server.stale !== null && (
        <StaleVersionNotice
          message={server.stale}
          onReload={() => {
            setServer(NO_ACTION_ERROR);
            onReload();
          }}
        />
      )}
      <ErrorSummary id="record-errors" errors={summary} focusKey={attempt} />

      <h3>{isGroup ? 'Register' : 'Attendance'}</h3>
      {isGroup && (
        <p>
          <button
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
            type="button"
            onClick={markEveryonePresent}
          >
            Mark everyone present
          </button>
        </p>
      )}
      {context.attendees.length === 0 ? (
        <p>No CCCs are on the register of this session.</p>
      ) : (
        context.attendees.map((attendee) => (
          <ChoiceGroup
            key={attendee.enrolmentId}
            id={recordFieldIds.attendance(attendee.enrolmentId)}
            name={`attendance-${attendee.enrolmentId}`}
            legend={attendee.ccc.fullName}
            options={MARK_OPTIONS}
            value={values.attendance[attendee.enrolmentId] ?? ''}
            error={errors[recordFieldIds.attendance(attendee.enrolmentId)]}
            onChange={(mark) => setMark(attendee.enrolmentId, mark)}
            inline
          />
        ))
      )}

      {context.staffRoles.length > 0 && (
        <>
          <h3>Supervisors’ attendance</h3>
          <p className="nhsuk-hint">Optional: leave blank if you do not want to record it.</p>
          {context.staffRoles.map((role) => (
            <ChoiceGroup
              key={role}
              id={recordFieldIds.staff(role)}
              name={`staff-${role}`}
              legend={PARTICIPANT_ROLE_LABELS[role]}
              options={MARK_OPTIONS}
              value={values.staff[role] ?? ''}
              error={errors[recordFieldIds.staff(role)]}
              onChange={(mark) => setStaff(role, mark)}
              inline
            />
          ))}
        </>
      )}

      <h3>Notes</h3>
      <Textarea
        id={recordFieldIds.notes}
        maxLength={20000}
        label="Notes from the session (optional)"
        hint="Everyone taking part can read these."
        error={errors[recordFieldIds.notes]}
        name="notes"
        rows={5}
        value={values.notes}
        onChange={(value) => change((current) => ({ ...current, notes: value }), recordFieldIds.notes)}
      />

      <h3>Agreed actions</h3>
      {values.actions.length === 0 && <p>No actions added.</p>}
      {values.actions.map((action, index) => (
        <fieldset className="nhsuk-fieldset app-action-row" key={action.key}>
          <legend className="nhsuk-label">Action {index + 1}</legend>
          <TextInput
            id={recordFieldIds.action(action.key, 'description')}
            label="What is to be done"
            error={errors[recordFieldIds.action(action.key, 'description')]}
            type="text"
            value={action.description}
            onChange={(value) => updateAction(action.key, 'description', value)}
          />
          <div className="app-form-row">
            <Select
              id={recordFieldIds.action(action.key, 'owner')}
              label="Who does it"
              error={errors[recordFieldIds.action(action.key, 'owner')]}
              value={action.owner}
              placeholder="Choose"
              options={OWNER_OPTIONS}
              onChange={(value) => updateAction(action.key, 'owner', value)}
            />
            {isGroup && action.owner === 'ccc' && (
              <Select
                id={recordFieldIds.action(action.key, 'ownerEnrolmentId')}
                label="Which CCC"
                error={errors[recordFieldIds.action(action.key, 'ownerEnrolmentId')]}
                value={action.ownerEnrolmentId}
                placeholder="Choose a CCC"
                options={context.attendees.map((a) => ({ value: a.enrolmentId, label: a.ccc.fullName }))}
                onChange={(value) => updateAction(action.key, 'ownerEnrolmentId', value)}
              />
            )}
            <FormField
              id={recordFieldIds.action(action.key, 'dueDate')}
              label="Due by"
              error={errors[recordFieldIds.action(action.key, 'dueDate')]}
            >
              {(control) => (
                <input
                  {...control}
                  className={fieldClass('nhsuk-input nhsuk-input--width-10', control)}
                  type="date"
                  value={action.dueDate}
                  onChange={(event) => updateAction(action.key, 'dueDate', event.target.value)}
                />
              )}
            </FormField>
          </div>
          <button
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
            type="button"
            onClick={() => removeAction(action.key)}
          >
            Remove action {index + 1}
          </button>
        </fieldset>
      ))}
      <p>
        <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button" onClick={addAction}>
          Add an action
        </button>
      </p>

      <div className="nhsuk-button-group">
        <button className="nhsuk-button" type="submit" aria-disabled={record.isPending || undefined}>
          {record.isPending ? 'Saving…' : 'Save the record'}
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
