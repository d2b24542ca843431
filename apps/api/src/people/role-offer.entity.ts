import {
  type Relation,
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Role } from '@ccc/contracts';
import { Organisation } from '../organisations/organisation.entity';
import { Person } from './person.entity';

/**
 * A role an administrator offers a person by e-mail. Nobody holds a role in an Alliance until they accept it
 * (by setting their password from the invitation, or signed in, from the e-mailed link): an administrator cannot
 * attach an account, or learn whether one exists, by typing an e-mail address.
 */
@Entity('role_offer')
@Check('role_offer_role_check', `role IN ('admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc')`)
export class RoleOffer {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<Person>;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<Organisation>;

  @Index()
  @Column({ name: 'alliance_id', type: 'uuid' })
  allianceId!: string;

  /** The name as the administrator typed it: what their own lists show until the person accepts. */
  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  @Column({ name: 'email', type: 'text' })
  email!: string;

  /** The date they started in post, as a bulk import gave it (kept for their enrolment, a separate step); else null. */
  @Column({ name: 'employment_start', type: 'date', nullable: true })
  employmentStart!: string | null;

  @Column({ name: 'invited_by_id', type: 'uuid', nullable: true })
  invitedById!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'declined_at', type: 'timestamptz', nullable: true })
  declinedAt!: Date | null;
}
