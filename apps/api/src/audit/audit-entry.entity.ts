import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: the database refuses UPDATE and DELETE on this table (see the initial migration's trigger). */
@Entity('audit_entry')
@Index('audit_entry_entity', ['entityType', 'entityId'])
export class AuditEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at!: Date;

  /** Null for actions of the system itself (demo data, scheduled jobs). Indexed for subject-access exports. */
  @Index()
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'text' })
  entityId!: string;

  @Column({ type: 'jsonb' })
  detail!: Record<string, unknown>;

  /*
   * The hash chain, written by the database's own BEFORE INSERT trigger (never by the application): each
   * entry's hash covers its content and the previous entry's hash, so rewriting any entry breaks the chain.
   */
  @Index('audit_entry_chain_seq', { unique: true })
  @Column({ name: 'chain_seq', type: 'bigint', insert: false, update: false })
  chainSeq!: string;

  @Column({ name: 'prev_hash', type: 'text', insert: false, update: false })
  prevHash!: string;

  @Column({ type: 'text', insert: false, update: false })
  hash!: string;
}
