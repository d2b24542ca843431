import type { SessionView } from '@ccc/contracts';
import { PARTICIPANT_ROLE_LABELS, attendanceLabel } from '../../enrolments/utils/labels';
import { STAFF_ROLES } from '../utils/record-form';

/** Every CCC on the register with their supervisors and attendance, then the supervisors' own attendance. */
export function SessionRegister({ session }: { session: SessionView }) {
  const staffRoles = STAFF_ROLES.filter((role) => session.participants.includes(role));
  return (
    <section aria-labelledby="register-heading" className="section">
      <h2 id="register-heading">Register</h2>
      {session.attendees.length === 0 ? (
        <p>No CCCs are on the register.</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="register-caption" tabIndex={0}>
          <table className="table">
            <caption id="register-caption" className="visually-hidden">
              Who is on the register and whether they attended
            </caption>
            <thead>
              <tr>
                <th scope="col">CCC</th>
                <th scope="col">PCN supervisor</th>
                <th scope="col">Alliance supervisor</th>
                <th scope="col">Attendance</th>
              </tr>
            </thead>
            <tbody>
              {session.attendees.map((attendee) => (
                <tr key={attendee.enrolmentId}>
                  <th scope="row">{attendee.ccc.fullName}</th>
                  <td>{attendee.pcnSupervisor?.fullName ?? 'Not assigned'}</td>
                  <td>{attendee.allianceSupervisor?.fullName ?? 'Not assigned'}</td>
                  <td>{attendanceLabel(attendee.attendance)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {staffRoles.length > 0 && (
        <>
          <h3 className="section__subheading">Supervisors’ attendance</h3>
          <ul className="plain-list">
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
