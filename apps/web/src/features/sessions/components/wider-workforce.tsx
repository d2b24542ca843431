import { can, type AddWorkforceAttendeeRequest, type SessionView, type WorkforceAttendance } from '@ccc/contracts';
import { WIDER_WORKFORCE_LABELS, type WiderWorkforceRole } from '@ccc/programme';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { Details } from '../../../components/details';
import { ErrorMessage } from '../../../components/error-message';
import { FormField, fieldClass } from '../../../components/form-field';
import { TextInput } from '../../../components/inputs';
import { TableContainer } from '../../../components/table-container';
import { isApiClientError } from '../../../lib/api-client';
import { useMe } from '../../auth';
import { useAddWorkforceAttendee, useRegisterWorkforceAttendance, useSessionWorkforce } from '../api/session-workforce';

const ATTENDANCE_LABELS: Record<WorkforceAttendance, string> = {
  expected: 'Expected',
  present: 'Attended',
  apologies: 'Apologies',
  absent: 'Did not attend',
};

const EMPTY = { fullName: '', role: '', organisation: '', email: '' };

/**
 * The wider support workforce at a session open to them (the month-6 conference): the Alliance adds care
 * navigators, social prescribers and the like, who have no programme accounts, and registers who came.
 */
export function WiderWorkforce({ session }: { session: SessionView }) {
  const me = useMe();
  const roles = me.data?.roles.map(({ role }) => role) ?? [];
  const mayRecord = session.kind === 'conference' && can(roles, 'session:record');
  const workforce = useSessionWorkforce(session.id, mayRecord);
  const add = useAddWorkforceAttendee(session.id);
  const register = useRegisterWorkforceAttendance(session.id);
  const [values, setValues] = useState(EMPTY);

  // Not the Alliance's side of this session, or a session open to no one else: nothing to show.
  if (!mayRecord || !workforce.data || workforce.data.openTo.length === 0) return null;
  const { openTo, attendees } = workforce.data;
  const fieldErrors = isApiClientError(add.error) ? add.error.fieldErrors : [];
  const errorOf = (field: string) => fieldErrors.find((e) => e.field === field)?.reason;
  const set = (field: keyof typeof EMPTY) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const begun = session.startsAt !== null && new Date(session.startsAt) <= new Date();

  return (
    <section aria-labelledby="workforce-heading" className="app-section" data-testid="wider-workforce">
      <h2 id="workforce-heading">Wider workforce</h2>
      <p>
        Open to {openTo.map((role) => WIDER_WORKFORCE_LABELS[role].toLowerCase()).join(', ')}. They come without a
        programme account; the cohort report counts them.
      </p>
      {register.isError && <ErrorMessage title="The attendance was not saved" error={register.error} />}
      {attendees.length > 0 ? (
        <TableContainer captionId="workforce-caption">
          <table className="nhsuk-table">
            <caption className="nhsuk-u-visually-hidden" id="workforce-caption">
              Wider workforce attendees
            </caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role and organisation</th>
                <th scope="col">Attendance</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {attendees.map((a) => (
                <tr key={a.id} className="nhsuk-table__row" data-attendee={a.email}>
                  <th scope="row" className="nhsuk-table__cell">
                    {a.fullName}
                    <span className="app-secondary-text">{a.email}</span>
                  </th>
                  <td className="nhsuk-table__cell">
                    {WIDER_WORKFORCE_LABELS[a.role]}, {a.organisation}
                  </td>
                  <td className="nhsuk-table__cell">
                    {begun ? (
                      <select
                        className="nhsuk-select"
                        aria-label={`Attendance of ${a.fullName}`}
                        value={a.attendance}
                        disabled={register.isPending}
                        onChange={(event) =>
                          register.mutate({
                            attendeeId: a.id,
                            attendance: event.target.value as WorkforceAttendance,
                            version: a.version,
                          })
                        }
                      >
                        {Object.entries(ATTENDANCE_LABELS).map(([value, label]) => (
                          <option key={value} value={value}>
                            {label}
                          </option>
                        ))}
                      </select>
                    ) : (
                      ATTENDANCE_LABELS[a.attendance]
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      ) : (
        <p>No one of the wider workforce is on this session yet.</p>
      )}
      <Details summary="Add someone of the wider workforce">
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate(values as AddWorkforceAttendeeRequest, { onSuccess: () => setValues(EMPTY) });
          }}
        >
          {add.isError && fieldErrors.length === 0 && <ErrorMessage title="They were not added" error={add.error} />}
          <TextInput
            id="workforce-name"
            label="Full name"
            error={errorOf('fullName')}
            value={values.fullName}
            onChange={(value) => set('fullName')(value)}
          />
          <FormField id="workforce-role" label="Role" error={errorOf('role')}>
            {(control) => (
              <select
                {...control}
                className={fieldClass('nhsuk-select', control)}
                value={values.role}
                onChange={(e) => set('role')(e.target.value)}
              >
                <option value="">Choose a role</option>
                {openTo.map((role: WiderWorkforceRole) => (
                  <option key={role} value={role}>
                    {WIDER_WORKFORCE_LABELS[role]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <TextInput
            id="workforce-organisation"
            label="Organisation"
            error={errorOf('organisation')}
            value={values.organisation}
            onChange={(value) => set('organisation')(value)}
          />
          <TextInput
            id="workforce-email"
            label="E-mail address"
            error={errorOf('email')}
            type="email"
            autoComplete="off"
            value={values.email}
            onChange={(value) => set('email')(value)}
          />
          <Button type="submit" pending={add.isPending}>
            Add to the session
          </Button>
        </form>
      </Details>
    </section>
  );
}
