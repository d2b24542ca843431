import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AmendmentRecord } from '@ccc/contracts';
import { Enrolment } from '../enrolments/enrolment.entity';
import { Person } from '../people/person.entity';

/**
 * A correction to a completed enrolment's record: what changed (before and after) and why. Insert-only: the
 * database refuses UPDATE and DELETE (see the MonthSix migration).
 */
@Entity('enrolment_amendment')
@Check('enrolment_amendment_record_check', `record IN ('handover', 'outcome', 'session')`)
@Check('enrolment_amendment_reason_check', `length(btrim(reason)) > 0`)
export class EnrolmentAmendment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId!: string;

  @ManyToOne(() => Enrolment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Enrolment;

  @Column({ type: 'text' })
  record!: AmendmentRecord;

  /** The amended row: the handover record, the outcome count or the session. */
  @Column({ name: 'record_id', type: 'uuid' })
  recordId!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'jsonb' })
  before!: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  after!: Record<string, unknown>;

  @Column({ name: 'amended_by_id', type: 'uuid' })
  amendedById!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'amended_by_id' })
  amendedBy?: Person;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
