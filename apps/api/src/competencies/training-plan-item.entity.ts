import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { TrainingItemKind } from '@ccc/programme';
import { Versioned } from '../common/versioned.entity';
import { Enrolment } from '../enrolments/enrolment.entity';
import { Person } from '../people/person.entity';
import { Session } from '../sessions/session.entity';
import { EvidenceFile } from './evidence-file.entity';
import { TRAINING_ITEM_KINDS } from '@ccc/programme';
import { oneOf } from '../database/checks';

/** One item of a CCC's training plan, agreed at the TNA, and when it was done. */
@Entity('training_plan_item')
@Index('training_plan_item_enrolment_month', ['enrolmentId', 'targetMonth'])
@Check('training_plan_item_kind_check', oneOf('kind', TRAINING_ITEM_KINDS))
@Check('training_plan_item_month_check', `target_month BETWEEN 1 AND 36`)
@Check('training_plan_item_completed_via_check', `completed_via IN ('ccc', 'attendance')`)
@Check('training_plan_item_done_check', `(completed_on IS NULL) = (completed_via IS NULL)`)
export class TrainingPlanItem extends Versioned {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId!: string;

  @ManyToOne(() => Enrolment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Enrolment;

  @Column({ type: 'text' })
  kind!: TrainingItemKind;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'course_key', type: 'text', nullable: true })
  courseKey!: string | null;

  /** Month of the programme, 1-based. */
  @Column({ name: 'target_month', type: 'integer' })
  targetMonth!: number;

  @Column({ name: 'competency_codes', type: 'text', array: true, default: () => "'{}'" })
  competencyCodes!: string[];

  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn!: string | null;

  @Column({ name: 'completed_via', type: 'text', nullable: true })
  completedVia!: 'ccc' | 'attendance' | null;

  /** The group teaching session whose recorded attendance marked it done. */
  @Column({ name: 'session_id', type: 'uuid', nullable: true })
  sessionId!: string | null;

  @ManyToOne(() => Session, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'session_id' })
  session?: Session | null;

  @Column({ name: 'certificate_file_id', type: 'uuid', nullable: true })
  certificateFileId!: string | null;

  @ManyToOne(() => EvidenceFile, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'certificate_file_id' })
  certificateFile?: EvidenceFile | null;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Person;
}
