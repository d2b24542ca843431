import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { ParticipantRole, SessionKind, SessionMode, SessionStatus } from '@ccc/programme';
import { Cohort } from '../cohorts/cohort.entity';
import { Versioned } from '../common/versioned.entity';
import { Enrolment } from '../enrolments/enrolment.entity';
import { Person } from '../people/person.entity';
import { SessionAttendance } from './session-attendance.entity';
import { SESSION_MODES, SESSION_STATUSES } from '@ccc/programme';
import { oneOf } from '../database/checks';

/**
 * A meeting from the template's plan. Per-enrolment sessions (individual, joint, TNA, handover) have an
 * enrolment; cohort-wide ones (group supervision, group teaching, the conference) have none and one attendance
 * row per CCC. The plan item's words are copied so that history reads the same after the template changes.
 */
@Entity('session')
@Index('session_cohort_item_unique', ['cohortId', 'planItemKey'], { unique: true, where: 'enrolment_id IS NULL' })
@Index('session_enrolment_item_unique', ['enrolmentId', 'planItemKey'], {
  unique: true,
  where: 'enrolment_id IS NOT NULL',
})
@Check('session_status_check', oneOf('status', SESSION_STATUSES))
@Check('session_mode_check', oneOf('mode', SESSION_MODES))
export class Session extends Versioned {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => Cohort, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Cohort;

  @Column({ name: 'enrolment_id', type: 'uuid', nullable: true })
  enrolmentId!: string | null;

  @ManyToOne(() => Enrolment, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Enrolment | null;

  @Column({ name: 'plan_item_key', type: 'text' })
  planItemKey!: string;

  @Column({ type: 'integer' })
  month!: number;

  @Column({ type: 'text' })
  kind!: SessionKind;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ type: 'jsonb' })
  participants!: ParticipantRole[];

  @Column({ name: 'min_minutes', type: 'integer' })
  minMinutes!: number;

  @Column({ name: 'max_minutes', type: 'integer' })
  maxMinutes!: number;

  @Column({ type: 'text' })
  mode!: SessionMode;

  @Column({ name: 'shared_by_cohort', type: 'boolean' })
  sharedByCohort!: boolean;

  @Column({ type: 'text', default: 'planned' })
  status!: SessionStatus;

  @Index()
  @Column({ name: 'starts_at', type: 'timestamptz', nullable: true })
  startsAt!: Date | null;

  @Column({ name: 'duration_minutes', type: 'integer', nullable: true })
  durationMinutes!: number | null;

  @Column({ name: 'meeting_link', type: 'text', nullable: true })
  meetingLink!: string | null;

  @Column({ type: 'text', nullable: true })
  place!: string | null;

  @Column({ name: 'out_of_month_reason', type: 'text', nullable: true })
  outOfMonthReason!: string | null;

  @Column({ name: 'conflict_override_reason', type: 'text', nullable: true })
  conflictOverrideReason!: string | null;

  /** Another time the PCN supervisor proposed, while the session awaits the Alliance. */
  @Column({ name: 'proposed_starts_at', type: 'timestamptz', nullable: true })
  proposedStartsAt!: Date | null;

  @Column({ name: 'cancellation_reason', type: 'text', nullable: true })
  cancellationReason!: string | null;

  /** The Alliance supervisor who runs it: the CCC's own for a per-CCC session, whoever booked a cohort one. */
  @Index()
  @Column({ name: 'lead_id', type: 'uuid', nullable: true })
  leadId!: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'lead_id' })
  lead?: Person | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  /** Attendance of the supervisors, by participant role. */
  @Column({ name: 'staff_attendance', type: 'jsonb', nullable: true })
  staffAttendance!: Partial<Record<'pcn_supervisor' | 'alliance_supervisor', string>> | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true })
  recordedAt!: Date | null;

  @Column({ name: 'recorded_by_id', type: 'uuid', nullable: true })
  recordedById!: string | null;

  @OneToMany(() => SessionAttendance, (attendance) => attendance.session)
  attendances?: SessionAttendance[];
}
