import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Versioned } from '../common/versioned.entity';
import { Organisation } from '../organisations/organisation.entity';

/**
 * An Alliance's information-governance policy: how long it keeps records and who the data controller is. A missing
 * row means the defaults (6 years, no extra text), so a new Alliance has a notice before anyone edits it.
 */
@Entity('alliance_policy')
@Check('alliance_policy_retention_check', `retention_years BETWEEN 1 AND 30`)
export class AlliancePolicy extends Versioned {
  @PrimaryColumn({ name: 'alliance_id', type: 'uuid' })
  allianceId!: string;

  // Many-to-one rather than one-to-one: the primary key already makes it unique, no second constraint needed.
  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'alliance_id' })
  alliance?: Organisation;

  /** Years a completed or withdrawn enrolment is kept after it ends, before its personal data is erased. */
  @Column({ name: 'retention_years', type: 'integer', default: 6 })
  retentionYears!: number;

  @Column({ name: 'controller_name', type: 'text', nullable: true })
  controllerName!: string | null;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail!: string | null;

  @Column({ name: 'contact_address', type: 'text', nullable: true })
  contactAddress!: string | null;

  /** Extra text the Alliance adds to the notice: plain text, paragraphs separated by blank lines. */
  @Column({ name: 'notice_text', type: 'text', nullable: true })
  noticeText!: string | null;
}
