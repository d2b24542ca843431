import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { ProposalDecision } from '@ccc/programme';
import { Tna } from './tna.entity';
import { TrainingPlanItem } from './training-plan-item.entity';

/**
 * What was decided about a need agreed at a TNA (#15 item 10): accepted into the plan (the item it became) or
 * dropped. Once decided the need is no longer proposed; who decided is in the audit trail.
 */
@Entity('training_proposal_decision')
@Unique('training_proposal_decision_tna_code', ['tnaId', 'competencyCode'])
@Check('training_proposal_decision_check', `decision IN ('accepted', 'dropped')`)
export class TrainingProposalDecision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tna_id', type: 'uuid' })
  tnaId!: string;

  @ManyToOne(() => Tna, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tna_id' })
  tna?: Tna;

  @Column({ name: 'competency_code', type: 'text' })
  competencyCode!: string;

  @Column({ type: 'text' })
  decision!: ProposalDecision;

  /** The item an accepted need became; null once that item is removed from the plan. */
  @Column({ name: 'training_plan_item_id', type: 'uuid', nullable: true })
  trainingPlanItemId!: string | null;

  @ManyToOne(() => TrainingPlanItem, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'training_plan_item_id' })
  trainingPlanItem?: TrainingPlanItem | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
