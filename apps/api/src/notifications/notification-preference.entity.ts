import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { REMINDER_KINDS, type ReminderKind } from '@ccc/programme';
import { Versioned } from '../common/versioned.entity';
import { Person } from '../people/person.entity';

/**
 * A person's choice of reminders: the kinds they turned off. One row per person (none until they first save),
 * versioned like every record people edit. Every kind is on by default.
 */
@Entity('notification_preference')
@Check(
  'notification_preference_kinds_check',
  `disabled_kinds <@ ARRAY[${REMINDER_KINDS.map((k) => `'${k}'`).join(', ')}]::text[]`,
)
export class NotificationPreference extends Versioned {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Column({ name: 'disabled_kinds', type: 'text', array: true })
  disabledKinds!: ReminderKind[];
}
