import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An e-mail to send, written in the same transaction as the change that causes it (the outbox pattern); a
 * mailer delivers and stamps sent_at. Until the reminders work lands, messages wait here.
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

  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Index()
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
