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
import type { CompetencyFramework } from '@ccc/programme';
import { Organisation } from '../organisations/organisation.entity';
import { Person } from '../people/person.entity';

/**
 * The framework every cohort gets unless another is set: the default framework of libs/programme at version 1,
 * inserted by the migration that created this table under this fixed id (the cohort column's default).
 */
export const DEFAULT_FRAMEWORK_ID = '6f1c2a8e-3d4b-4c5a-9e7f-0a1b2c3d4e5f';

/**
 * One version of a competency framework. Versions are never edited: an import is a new version, so what a CCC
 * was signed off against stays on record.
 */
@Entity('competency_framework')
@Unique('competency_framework_alliance_key_version', ['allianceId', 'key', 'version'])
export class CompetencyFrameworkVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /**
   * The Alliance whose framework this is. Null only for the built-in default (libs/programme), which every Alliance
   * may use and none may change.
   */
  @Index()
  @Column({ name: 'alliance_id', type: 'uuid', nullable: true })
  allianceId!: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'alliance_id' })
  alliance?: Organisation | null;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  name!: string;

  /** Validated by libs/programme before it is stored. */
  @Column({ type: 'jsonb' })
  definition!: CompetencyFramework;

  @Index()
  @Column({ name: 'imported_by_id', type: 'uuid', nullable: true })
  importedById!: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'imported_by_id' })
  importedBy?: Person | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
