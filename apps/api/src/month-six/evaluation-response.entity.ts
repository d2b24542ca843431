import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { FreeTextAnswer, LikertLevel, SurveyRespondent } from '@ccc/programme';
import { Versioned } from '../common/versioned.entity';
import { Enrolment } from '../enrolments/enrolment.entity';
import { Person } from '../people/person.entity';

/**
 * One person's evaluation survey for one enrolment (the CCC's, or their PCN supervisor's). Only its author reads
 * it; reports use it only in aggregates, never with who answered.
 */
@Entity('evaluation_response')
@Unique('evaluation_response_enrolment_person', ['enrolmentId', 'personId'])
@Check('evaluation_response_status_check', `status IN ('draft', 'submitted')`)
@Check('evaluation_response_respondent_check', `respondent IN ('ccc', 'pcn_supervisor')`)
@Check('evaluation_response_submitted_check', `(status = 'submitted') = (submitted_at IS NOT NULL)`)
export class EvaluationResponse extends Versioned {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId!: string;

  @ManyToOne(() => Enrolment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Enrolment;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Column({ type: 'text' })
  respondent!: SurveyRespondent;

  @Column({ type: 'text', default: 'draft' })
  status!: 'draft' | 'submitted';

  /** Statement id → level. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  likert!: Record<string, LikertLevel>;

  /** Question id → the answer and whether it may be quoted. */
  @Column({ name: 'free_text', type: 'jsonb', default: () => "'{}'" })
  freeText!: Record<string, FreeTextAnswer>;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;
}
