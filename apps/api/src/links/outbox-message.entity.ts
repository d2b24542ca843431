import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An e-mail to send, written in the same transaction as the change that causes it (the outbox pattern); the
 * delivery job (apps/api/src/notifications/outbox-delivery.ts) sends it and stamps sent_at.
 */
@Entity('outbox_message')
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'to_person_id', type: 'uuid' })
  toPersonId!: string;

  @Column({ name: 'to_email', type: 'text' })
  toEmail!: string;

  @Column({ type: 'text' })
  subject!: string;

  /** The plain text part. */
  @Column({ type: 'text' })
  body!: string;

  /** The HTML alternative, rendered from the same template as `body` (notifications/mail-templates.ts). */
  @Column({ type: 'text', nullable: true })
  html!: string | null;

  /** An iCalendar invitation (iTIP REQUEST or CANCEL) sent as the message's text/calendar part, if any. */
  @Column({ type: 'text', nullable: true })
  calendar!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Index()
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** Failed deliveries so far; each waits longer before the next try, and after a few the message is left. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
