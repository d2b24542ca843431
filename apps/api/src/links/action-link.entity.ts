import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from '../people/person.entity';

/** `set_password`: an invited person's one-time link to choose a password (targetId is the person). */
export type LinkPurpose = 'release_request' | 'session_slot' | 'set_password' | 'accept_role' | 'confirm_email';

/**
 * A single-purpose link that lets a PCN supervisor answer one request without signing in, or an invited person
 * set their password. Only the token's hash is kept; it expires, and it works once.
 */
@Entity('action_link')
@Check(
  'action_link_purpose_check',
  `purpose IN ('release_request', 'session_slot', 'set_password', 'accept_role', 'confirm_email')`,
)
export class ActionLink {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'token_hash', type: 'text', unique: true })
  tokenHash!: string;

  @Column({ type: 'text' })
  purpose!: LinkPurpose;

  @Index()
  @Column({ name: 'target_id', type: 'uuid' })
  targetId!: string;

  /** Who the link acts as. */
  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  /** Set when a newer link for the same request replaces it. */
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
