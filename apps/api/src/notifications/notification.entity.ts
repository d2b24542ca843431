import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { REMINDER_KINDS, REMINDER_SUBJECT_TYPES, type ReminderKind, type ReminderSubjectType } from '@ccc/programme';
import { Person } from '../people/person.entity';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * One reminder in a person's in-app list (its e-mail goes through the outbox in the same transaction). The unique
 * key is what makes a reminder go out once: however many scans run, on however many instances, a second insert of
 * the same (person, kind, subject, occasion) does nothing.
 */
@Entity('notification')
@Unique('notification_once', ['personId', 'kind', 'subjectId', 'occasion'])
@Index('notification_person_created', ['personId', 'createdAt'])
@Check('notification_kind_check', `kind IN (${list(REMINDER_KINDS)})`)
@Check('notification_subject_type_check', `subject_type IN (${list(REMINDER_SUBJECT_TYPES)})`)
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Column({ type: 'text' })
  kind!: ReminderKind;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType!: ReminderSubjectType;

  /** The record it is about; no foreign key, since the kinds point at different tables. */
  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  /** Which occurrence, e.g. the session's date or when a wait began (see libs/programme reminders). */
  @Column({ type: 'text' })
  occasion!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  /** Where in the SPA to act on it. */
  @Column({ type: 'text', nullable: true })
  link!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
