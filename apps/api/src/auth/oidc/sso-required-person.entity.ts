import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organisation } from '../../organisations/organisation.entity';
import { Person } from '../../people/person.entity';

/** A person the Alliance's administrator requires to sign in with the Alliance's provider (no password sign-in). */
@Entity('sso_required_person')
export class SsoRequiredPerson {
  @PrimaryColumn({ name: 'alliance_id', type: 'uuid' })
  allianceId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'alliance_id' })
  alliance?: Organisation;

  @Index()
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Column({ name: 'required_by_id', type: 'uuid', nullable: true })
  requiredById!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
