import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { EvidenceKind } from '@ccc/contracts';
import { Person } from '../people/person.entity';
import { CompetencyProgress } from './competency-progress.entity';
import { EvidenceFile } from './evidence-file.entity';
import { EVIDENCE_KINDS } from '@ccc/contracts';
import { oneOf } from '../database/checks';

/** One piece of evidence for a competency: a reflection, a link or a file. Added, never changed. */
@Entity('competency_evidence')
@Check('competency_evidence_kind_check', oneOf('kind', EVIDENCE_KINDS))
@Check(
  'competency_evidence_content_check',
  `(kind = 'reflection' AND text IS NOT NULL) OR (kind = 'link' AND url IS NOT NULL) OR (kind = 'file' AND file_id IS NOT NULL)`,
)
export class CompetencyEvidence {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'progress_id', type: 'uuid' })
  progressId!: string;

  @ManyToOne(() => CompetencyProgress, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'progress_id' })
  progress?: CompetencyProgress;

  @Column({ type: 'text' })
  kind!: EvidenceKind;

  @Column({ type: 'text', nullable: true })
  text!: string | null;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Column({ name: 'file_id', type: 'uuid', nullable: true })
  fileId!: string | null;

  @ManyToOne(() => EvidenceFile, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'file_id' })
  file?: EvidenceFile | null;

  @Column({ name: 'submitted_by_id', type: 'uuid' })
  submittedById!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by_id' })
  submittedBy?: Person;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
