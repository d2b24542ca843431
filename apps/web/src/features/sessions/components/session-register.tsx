import type { SessionView } from '@ccc/contracts';
import { TableContainer } from '../../../components/table-container';
import { PARTICIPANT_ROLE_LABELS, attendanceLabel } from '../../enrolments';
import { STAFF_ROLES } from '../utils/record-form';

/** Every CCC on the register with their supervisors and attendance, then the supervisors' own attendance. */
export function SessionRegister({ session }: { session: SessionView }) {
  const staffRoles = STAFF_ROLES.filter((role) => session.participants.includes(role));
  return (
    <section aria-labelledby="register-heading" className="app-section">
      <h2 id="register-heading">Register</h2>
      {session.attendees.length === 0 ? (
        <p>No CCCs are on the register.</p>
      ) : (
        <TableContainer captionId="register-caption">
          <table className="nhsuk-table">
            <caption id="register-caption" className="nhsuk-table__caption nhsuk-u-visually-hidden">
              Who is on the register and whether they attended
            </caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th className="nhsuk-table__header" scope="col">
                  CCC
                </th>
                <th className="nhsuk-table__header" scope="col">
                  PCN supervisor
                </th>
                <th className="nhsuk-table__header" scope="col">
                  Alliance supervisor
                </th>
                <th className="nhsuk-table__header" scope="col">
                  Attendance
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {session.attendees.map((attendee) => (
                <tr className="nhsuk-table__row" key={attendee.enrolmentId}>
                  <th className="nhsuk-table__header" scope="row">
                    {attendee.ccc.fullName}
                  </th>
                  <td className="nhsuk-table__cell">{attendee.pcnSupervisor?.fullName ?? 'Not assigned'}</td>
                  <td className="nhsuk-table__cell">{attendee.allianceSupervisor?.fullName ?? 'Not assigned'}</td>
                  <td className="nhsuk-table__cell">{attendanceLabel(attendee.attendance)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      )}
      {staffRoles.length > 0 && (
        <>
          <h3 className="nhsuk-heading-s">Supervisors’ attendance</h3>
          <ul className="nhsuk-list">
            {staffRoles.map((role) => (
              <li key={role}>
                {PARTICIPANT_ROLE_LABELS[role]}: {attendanceLabel(session.staffAttendance[role] ?? 'expected')}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
