import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { EnrolmentStatus } from '@ccc/contracts';
import type { EnrolmentPause, Track } from '@ccc/programme';
import { Cohort } from '../cohorts/cohort.entity';
import { Versioned } from '../common/versioned.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Person } from '../people/person.entity';
import { TRACKS } from '@ccc/programme';
import { ENROLMENT_STATUSES } from '@ccc/contracts';
import { oneOf } from '../database/checks';

export interface FormerSupervisor {
  personId: string;
  role: 'pcn_supervisor' | 'alliance_supervisor';
  /** The first day they were no longer the CCC's supervisor (the change's effectiveFrom). */
  until: string;
  /**
   * When the change was made: they could sign until then (a change may be dated back), so what they signed
   * before this instant stays theirs to read.
   */
  changedAt: string;
}

/** A CCC on a cohort's programme, with the PCN that employs them and their two supervisors. */
@Entity('enrolment')
@Unique('enrolment_cohort_ccc', ['cohortId', 'cccId'])
@Check('enrolment_track_check', oneOf('track', TRACKS))
@Check('enrolment_status_check', oneOf('status', ENROLMENT_STATUSES))
export class Enrolment extends Versioned {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => Cohort, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Cohort;

  @Index()
  @Column({ name: 'ccc_id', type: 'uuid' })
  cccId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ccc_id' })
  ccc?: Person;

  @Index()
  @Column({ name: 'pcn_id', type: 'uuid' })
  pcnId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pcn_id' })
  pcn?: Organisation;

  @Index()
  @Column({ name: 'pcn_supervisor_id', type: 'uuid', nullable: true })
  pcnSupervisorId!: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'pcn_supervisor_id' })
  pcnSupervisor?: Person | null;

  @Index()
  @Column({ name: 'alliance_supervisor_id', type: 'uuid', nullable: true })
  allianceSupervisorId!: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'alliance_supervisor_id' })
  allianceSupervisor?: Person | null;

  @Column({ type: 'text' })
  track!: Track;

  @Column({ name: 'employment_start', type: 'date' })
  employmentStart!: string;

  /** `completed` when the handover record has all three signatures; `withdrawn` by an administrator. */
  @Column({ type: 'text', default: 'active' })
  status!: EnrolmentStatus;

  /** Why it was withdrawn; null while active and for a completion. */
  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason!: string | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true })
  statusChangedAt!: Date | null;

  @Column({ name: 'status_changed_by_id', type: 'uuid', nullable: true })
  statusChangedById!: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'status_changed_by_id' })
  statusChangedBy?: Person | null;

  /** Its pauses, oldest first; the last has no `until` while the CCC is paused (#16 item 4). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  pauses!: EnrolmentPause[];

  /**
   * Supervisors it had before a change and the day they stopped: each keeps read access to what they signed
   * before that day (AccessService.formerSupervisorUntil).
   */
  @Column({ name: 'former_supervisors', type: 'jsonb', default: () => "'[]'" })
  formerSupervisors!: FormerSupervisor[];

  /** When its personal data was erased (apps/api/src/retention); the rows the reports count stay. */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  /** Why: the reason given with the request, or that the retention period ended. */
  @Column({ name: 'erased_reason', type: 'text', nullable: true })
  erasedReason!: string | null;
}
