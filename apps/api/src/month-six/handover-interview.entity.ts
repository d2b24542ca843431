import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { HandoverTrainingItem } from '@ccc/programme';
import { Versioned } from '../common/versioned.entity';
import { Enrolment } from '../enrolments/enrolment.entity';
import { Person } from '../people/person.entity';

/**
 * The month-6 handover and evaluation interview of one enrolment, written by its three parties and signed by
 * each. The third signature completes the enrolment.
 */
@Entity('handover_interview')
export class HandoverInterview extends Versioned {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'enrolment_id', type: 'uuid', unique: true })
  enrolmentId!: string;

  @ManyToOne(() => Enrolment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Enrolment;

  @Column({ name: 'pcn_priorities', type: 'text', nullable: true })
  pcnPriorities!: string | null;

  /** How the role developed against the PCN's priorities. */
  @Column({ name: 'role_development', type: 'text', nullable: true })
  roleDevelopment!: string | null;

  /** Training agreed for after the programme, shaped like training plan items. */
  @Column({ name: 'training_agreed', type: 'jsonb', default: () => "'[]'" })
  trainingAgreed!: HandoverTrainingItem[];

  /** Who in the PCN takes over clinical supervision. */
  @Column({ name: 'follow_on_supervisor_name', type: 'text', nullable: true })
  followOnSupervisorName!: string | null;

  @Column({ name: 'appraisal_date', type: 'date', nullable: true })
  appraisalDate!: string | null;

  @Column({ name: 'role_evaluation', type: 'text', nullable: true })
  roleEvaluation!: string | null;

  @Column({ name: 'ccc_signed_at', type: 'timestamptz', nullable: true })
  cccSignedAt!: Date | null;

  @Column({ name: 'ccc_signed_by_id', type: 'uuid', nullable: true })
  cccSignedById!: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'ccc_signed_by_id' })
  cccSignedBy?: Person | null;

  @Column({ name: 'pcn_signed_at', type: 'timestamptz', nullable: true })
  pcnSignedAt!: Date | null;

  @Column({ name: 'pcn_signed_by_id', type: 'uuid', nullable: true })
  pcnSignedById!: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'pcn_signed_by_id' })
  pcnSignedBy?: Person | null;

  @Column({ name: 'alliance_signed_at', type: 'timestamptz', nullable: true })
  allianceSignedAt!: Date | null;

  @Column({ name: 'alliance_signed_by_id', type: 'uuid', nullable: true })
  allianceSignedById!: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'alliance_signed_by_id' })
  allianceSignedBy?: Person | null;
}
