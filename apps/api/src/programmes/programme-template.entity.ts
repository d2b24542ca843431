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
import { type ProgrammeTemplate, withTemplateDefaults } from '@ccc/programme';
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

  /**
   * Validated by libs/programme before it is stored. Read with the parts added since (the evaluation survey, the
   * outcome measures) filled with their defaults, so a version stored before them stays valid and unchanged.
   */
  @Column({
    type: 'jsonb',
    transformer: {
      to: (value: ProgrammeTemplate | undefined) => value,
      from: (value: ProgrammeTemplate | null) => (value ? withTemplateDefaults(value) : value),
    },
  })
  definition!: ProgrammeTemplate;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
