import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from '../people/person.entity';

/**
 * A private calendar address. Looked up by a hash of its token; the token itself is kept only sealed (AES-256-GCM,
 * key derived from the server's secret) so its owner can see the address again, and a database leak alone does not
 * leak the feeds. Revoking sets revoked_at (the row stays, for the audit trail).
 */
@Entity('calendar_feed')
export class CalendarFeed {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  /** sha256 of the token, hex. */
  @Column({ name: 'token_hash', type: 'text', unique: true })
  tokenHash!: string;

  /** The token sealed for its owner (iv, tag, ciphertext; base64url); null for addresses made before it was kept. */
  @Column({ name: 'token_sealed', type: 'text', nullable: true })
  tokenSealed!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
