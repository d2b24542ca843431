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
import { Versioned } from '../common/versioned.entity';
import { Enrolment } from '../enrolments/enrolment.entity';
import { Session } from './session.entity';
import { ATTENDANCE_STATES, type Attendance } from '@ccc/contracts';
import { oneOf } from '../database/checks';

/** The vocabulary is the contract's (`ATTENDANCE_STATES`), shared with the DTOs and the SPA. */
export type AttendanceState = Attendance;

/** One CCC's place in a session: every session a CCC has, shared or not, has exactly one such row. */
@Entity('session_attendance')
@Unique('session_attendance_unique', ['sessionId', 'enrolmentId'])
@Check('session_attendance_check', oneOf('attendance', ATTENDANCE_STATES))
export class SessionAttendance extends Versioned {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => Session, (session) => session.attendances, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<Session>;

  @Index()
  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId!: string;

  @ManyToOne(() => Enrolment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Enrolment;

  @Column({ type: 'text', default: 'expected' })
  attendance!: AttendanceState;
}
