import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Versioned } from '../common/versioned.entity';

export const ORGANISATION_KINDS = ['alliance', 'pcn', 'practice'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A Cancer Alliance, a Primary Care Network within it, or a GP practice within a PCN. */
@Entity('organisation')
@Check('organisation_kind_check', `kind IN ('alliance', 'pcn', 'practice')`)
export class Organisation extends Versioned {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: OrganisationKind;

  @Column({ type: 'text' })
  name!: string;

  @Index()
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => Organisation, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Organisation | null;
}
