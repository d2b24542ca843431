import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Versioned } from '../common/versioned.entity';
import { Enrolment } from '../enrolments/enrolment.entity';
import { Person } from '../people/person.entity';

/** A month's count of one outcome measure of the template (Cancer Care Reviews completed, …), as the CCC logs it. */
@Entity('outcome_count')
@Unique('outcome_count_enrolment_month_measure', ['enrolmentId', 'month', 'measureId'])
@Check('outcome_count_count_check', `count >= 0`)
@Check('outcome_count_month_check', `month BETWEEN 1 AND 36`)
export class OutcomeCount extends Versioned {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId!: string;

  @ManyToOne(() => Enrolment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Enrolment;

  /** Month of the programme, 1-based. */
  @Column({ type: 'integer' })
  month!: number;

  /** An outcome measure id of the cohort's template. */
  @Column({ name: 'measure_id', type: 'text' })
  measureId!: string;

  @Column({ type: 'integer' })
  count!: number;

  @Column({ name: 'recorded_by_id', type: 'uuid' })
  recordedById!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_id' })
  recordedBy?: Person;
}
