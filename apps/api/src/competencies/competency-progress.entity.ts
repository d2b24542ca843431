import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { CompetencyState } from '@ccc/programme';
import { Versioned } from '../common/versioned.entity';
import { Enrolment } from '../enrolments/enrolment.entity';

/**
 * Where one CCC is with one competency. Written on the first step (a competency with no row is not started);
 * keyed by the competency's code, so a new version of the framework keeps it.
 */
@Entity('competency_progress')
@Unique('competency_progress_enrolment_code', ['enrolmentId', 'competencyCode'])
@Index('competency_progress_state_since', ['state', 'stateChangedAt'])
@Check(
  'competency_progress_state_check',
  `state IN ('not_started', 'working_towards', 'evidence_submitted', 'signed_off')`,
)
export class CompetencyProgress extends Versioned {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId!: string;

  @ManyToOne(() => Enrolment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Enrolment;

  @Column({ name: 'competency_code', type: 'text' })
  competencyCode!: string;

  @Column({ type: 'text', default: 'not_started' })
  state!: CompetencyState;

  /** When it entered its state: the inbox's order. */
  @Column({ name: 'state_changed_at', type: 'timestamptz', default: () => 'now()' })
  stateChangedAt!: Date;
}
