import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { Party } from '@ccc/programme';
import { Enrolment } from '../enrolments/enrolment.entity';
import { Person } from '../people/person.entity';

/**
 * A party's word for an expectation no data can show ("joined the community of practice") or for one of its Table 2
 * duties (the template keeps duty and expectation keys apart). Never edited.
 */
@Entity('attestation')
@Unique('attestation_enrolment_expectation', ['enrolmentId', 'expectationKey'])
export class Attestation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId!: string;

  @ManyToOne(() => Enrolment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Enrolment;

  @Column({ name: 'expectation_key', type: 'text' })
  expectationKey!: string;

  @Column({ type: 'text' })
  party!: Party;

  @Column({ name: 'attested_by_id', type: 'uuid' })
  attestedById!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'attested_by_id' })
  attestedBy?: Person;

  @Column({ name: 'attested_on', type: 'date' })
  attestedOn!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
