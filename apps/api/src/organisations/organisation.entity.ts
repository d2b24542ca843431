import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Versioned } from '../common/versioned.entity';

export const ORGANISATION_KINDS = ['nation', 'alliance', 'pcn', 'practice'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/**
 * A Cancer Alliance, a Primary Care Network within it, or a GP practice within a PCN; or the nation (NHS England),
 * where national viewers hold their role and which belongs to no Alliance.
 */
@Entity('organisation')
@Check('organisation_kind_check', `kind IN ('nation', 'alliance', 'pcn', 'practice')`)
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

  /**
   * The Alliance this organisation belongs to (an Alliance: itself; the nation: none), the tenancy key every scope
   * rule reads. Set by a trigger from the parent chain, never by the application, so it cannot disagree with it.
   */
  @Index()
  @Column({ name: 'alliance_id', type: 'uuid', nullable: true, insert: false, update: false })
  allianceId!: string | null;

  /** When an administrator closed it (a PCN that merged or ended): its history stays, no new enrolments. */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @ManyToOne(() => Organisation, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'alliance_id' })
  alliance?: Organisation | null;
}
