import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { ReviewOutcome } from '@ccc/contracts';
import type { CompetencyWording } from '@ccc/programme';
import { Person } from '../people/person.entity';
import { CompetencyProgress } from './competency-progress.entity';
import { REVIEW_OUTCOMES } from '@ccc/contracts';
import { oneOf } from '../database/checks';

/**
 * A reviewer's decision: a sign-off (who, when, rating, comment), a return for more evidence, or the withdrawal
 * of a sign-off with its reason. Insert-only: a database trigger refuses updates and deletes, so a sign-off is
 * never edited in place. One review per progress version: a second submit of the same decision cannot land.
 */
@Entity('competency_review')
@Unique('competency_review_once_per_version', ['progressId', 'progressVersion'])
@Check('competency_review_outcome_check', oneOf('outcome', REVIEW_OUTCOMES))
@Check('competency_review_rating_check', `(outcome = 'signed_off') = (rating IS NOT NULL)`)
@Check('competency_review_comment_check', `length(btrim(comment)) > 0`)
export class CompetencyReview {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'progress_id', type: 'uuid' })
  progressId!: string;

  @ManyToOne(() => CompetencyProgress, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'progress_id' })
  progress?: CompetencyProgress;

  /** The progress version the reviewer read and decided on. */
  @Column({ name: 'progress_version', type: 'integer' })
  progressVersion!: number;

  @Column({ type: 'text' })
  outcome!: ReviewOutcome;

  @Column({ type: 'integer', nullable: true })
  rating!: number | null;

  /** The comment; for a withdrawal, its reason. */
  @Column({ type: 'text' })
  comment!: string;

  /** For a sign-off, the competency's wording signed against: a later framework version's rewording leaves it. */
  @Column({ name: 'signed_wording', type: 'jsonb', nullable: true })
  signedWording!: CompetencyWording | null;

  @Column({ name: 'reviewer_id', type: 'uuid' })
  reviewerId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewer_id' })
  reviewer?: Person;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
