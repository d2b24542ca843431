import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A signed checkpoint of the audit chain (see audit-keys.ts): the API writes one in the transaction of every audited
 * write, with an HMAC over the chain's head that only the holder of AUDIT_KEY can make. Append-only, like the trail.
 */
@Entity('audit_checkpoint')
export class AuditCheckpoint {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at!: Date;

  /** The entry the checkpoint vouches for (and, through the chain, every entry before it). */
  @Index('audit_checkpoint_chain_seq')
  @Column({ name: 'chain_seq', type: 'bigint' })
  chainSeq!: string;

  @Column({ name: 'head_hash', type: 'text' })
  headHash!: string;

  /** HMAC-SHA256 of (chain_seq, head_hash) with AUDIT_KEY, hex. */
  @Column({ type: 'text' })
  mac!: string;
}
