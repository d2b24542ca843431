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
import type { ProgrammeTemplate } from '@ccc/programme';
import { Organisation } from '../organisations/organisation.entity';

/**
 * One published version of a programme template. Versions are never edited: a change is a new version, so a
 * cohort keeps the plan it started with.
 */
@Entity('programme_template')
@Unique('programme_template_key_version', ['allianceId', 'key', 'version'])
export class ProgrammeTemplateVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'alliance_id', type: 'uuid' })
  allianceId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'alliance_id' })
  alliance?: Organisation;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  name!: string;

  /** Validated by libs/programme before it is stored. */
  @Column({ type: 'jsonb' })
  definition!: ProgrammeTemplate;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
