import {
  type Relation,
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { WiderWorkforceRole } from '@ccc/programme';
import { Versioned } from '../common/versioned.entity';
import type { AttendanceState } from './session-attendance.entity';
import { Session } from './session.entity';
import { ATTENDANCE_STATES } from '@ccc/contracts';
import { oneOf } from '../database/checks';

/**
 * Someone of the wider support workforce (a care navigator, a social prescriber, …) at a session open to them,
 * the month-6 conference: added by the Alliance with their name, role, organisation and e-mail, without a
 * programme account, and their attendance registered like a CCC's.
 */
@Entity('workforce_attendee')
@Unique('workforce_attendee_session_email', ['sessionId', 'email'])
@Check(
  'workforce_attendee_role_check',
  `role IN ('care_navigator', 'cancer_support_worker', 'social_prescriber', 'therapy_assistant', 'health_care_assistant')`,
)
@Check('workforce_attendee_attendance_check', oneOf('attendance', ATTENDANCE_STATES))
export class WorkforceAttendee extends Versioned {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<Session>;

  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  @Column({ type: 'text' })
  role!: WiderWorkforceRole;

  /** Where they work, as typed (a practice, a hospice, a charity): not one of the service's organisations. */
  @Column({ type: 'text' })
  organisation!: string;

  /** Lower-cased; one place per e-mail address in a session. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text', default: 'expected' })
  attendance!: AttendanceState;
}
