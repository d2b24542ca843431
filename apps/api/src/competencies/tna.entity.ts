import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Versioned } from '../common/versioned.entity';
import { Enrolment } from '../enrolments/enrolment.entity';
import { Person } from '../people/person.entity';
import { TNA_ROUNDS } from '@ccc/programme';
import { oneOf } from '../database/checks';

/** One round of a CCC's training needs analysis, signed by the CCC and by their Alliance supervisor. */
@Entity('tna')
@Unique('tna_enrolment_round', ['enrolmentId', 'round'])
@Check('tna_round_check', oneOf('round', TNA_ROUNDS))
export class Tna extends Versioned {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId!: string;

  @ManyToOne(() => Enrolment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Enrolment;

  @Column({ type: 'integer' })
  round!: number;

  @Column({ name: 'ccc_signed_at', type: 'timestamptz', nullable: true })
  cccSignedAt!: Date | null;

  @Column({ name: 'ccc_signed_by_id', type: 'uuid', nullable: true })
  cccSignedById!: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'ccc_signed_by_id' })
  cccSignedBy?: Person | null;

  @Column({ name: 'supervisor_signed_at', type: 'timestamptz', nullable: true })
  supervisorSignedAt!: Date | null;

  @Column({ name: 'supervisor_signed_by_id', type: 'uuid', nullable: true })
  supervisorSignedById!: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'supervisor_signed_by_id' })
  supervisorSignedBy?: Person | null;
}

/** The CCC's own rating and the agreed rating and needs for one competency in one TNA round. */
@Entity('tna_rating')
@Unique('tna_rating_tna_code', ['tnaId', 'competencyCode'])
export class TnaRating {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tna_id', type: 'uuid' })
  tnaId!: string;

  @ManyToOne(() => Tna, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tna_id' })
  tna?: Tna;

  @Column({ name: 'competency_code', type: 'text' })
  competencyCode!: string;

  @Column({ name: 'self_rating', type: 'integer', nullable: true })
  selfRating!: number | null;

  @Column({ name: 'self_note', type: 'text', nullable: true })
  selfNote!: string | null;

  @Column({ name: 'agreed_rating', type: 'integer', nullable: true })
  agreedRating!: number | null;

  @Column({ type: 'text', nullable: true })
  needs!: string | null;
}
