import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from '../../organisations/organisation.entity';
import { Person } from '../../people/person.entity';

/** A person's account at an Alliance's provider, linked at their first single sign-on by their verified e-mail. */
@Entity('sso_identity')
@Index(['allianceId', 'subject'], { unique: true })
@Index(['allianceId', 'personId'], { unique: true })
export class SsoIdentity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'alliance_id', type: 'uuid' })
  allianceId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'alliance_id' })
  alliance?: Organisation;

  @Index()
  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  /** The value of the provider's subject claim. */
  @Column({ type: 'text' })
  subject!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
