import { Column, CreateDateColumn, Entity, Index, ManyToOne, JoinColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from '../people/person.entity';

/**
 * One signed-in session: the family of refresh tokens that rotate from one sign-in. Access tokens name it (`sid`),
 * so revoking it (sign-out, password change, reuse of an old refresh token) ends every token of the family at once.
 */
@Entity('auth_session')
export class AuthSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  /**
   * The Alliance the person is acting in during this session, for someone with roles in more than one (a
   * supervisor who moves). Null: the first Alliance they were given a role in.
   */
  @Column({ name: 'alliance_id', type: 'uuid', nullable: true })
  allianceId!: string | null;

  /** The Alliance whose OpenID provider signed the person in; null: a password sign-in. */
  @Column({ name: 'sso_alliance_id', type: 'uuid', nullable: true })
  ssoAllianceId!: string | null;

  /** The provider's ID token, sent back as `id_token_hint` when the person signs out (RP-initiated logout). */
  @Column({ name: 'sso_id_token', type: 'text', nullable: true, select: false })
  ssoIdToken!: string | null;

  /** signed_out | password_changed | refresh_token_reused */
  @Column({ name: 'revoked_reason', type: 'text', nullable: true })
  revokedReason!: string | null;
}
