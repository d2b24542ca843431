import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ReleaseKind, ReleaseStatus } from '@ccc/programme';
import { Versioned } from '../common/versioned.entity';
import { Enrolment } from '../enrolments/enrolment.entity';
import { Session } from '../sessions/session.entity';
import { RELEASE_KINDS, RELEASE_STATUSES } from '@ccc/programme';
import { oneOf } from '../database/checks';

/**
 * Time the PCN releases the CCC for: a booked session (created and moved with it), a training day, or protected
 * study time the CCC logs. The PCN supervisor confirms or declines each.
 */
@Entity('release_request')
@Index('release_request_session_unique', ['sessionId', 'enrolmentId'], {
  unique: true,
  where: 'session_id IS NOT NULL',
})
/** A double submit of one form carries one key: it lands once. */
@Index('release_request_key_unique', ['enrolmentId', 'requestKey'], {
  unique: true,
  where: 'request_key IS NOT NULL',
})
@Check('release_request_kind_check', oneOf('kind', RELEASE_KINDS))
@Check('release_request_status_check', oneOf('status', RELEASE_STATUSES))
@Check('release_request_minutes_check', `minutes > 0 AND minutes <= 1440`)
export class ReleaseRequest extends Versioned {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId!: string;

  @ManyToOne(() => Enrolment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Enrolment;

  @Column({ type: 'text' })
  kind!: ReleaseKind;

  @Column({ name: 'session_id', type: 'uuid', nullable: true })
  sessionId!: string | null;

  @ManyToOne(() => Session, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'session_id' })
  session?: Session | null;

  /** The London date the time is taken on. */
  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'integer' })
  minutes!: number;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: ReleaseStatus;

  @Column({ name: 'decided_by_id', type: 'uuid', nullable: true })
  decidedById!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  /** Why release was confirmed past the agreed cap. */
  @Column({ name: 'override_reason', type: 'text', nullable: true })
  overrideReason!: string | null;

  /** The client's key for the form that logged it (study time and training days). */
  @Column({ name: 'request_key', type: 'uuid', nullable: true })
  requestKey!: string | null;

  /** Decided from a single-purpose link rather than signed in. */
  @Column({ name: 'via_link', type: 'boolean', default: false })
  viaLink!: boolean;
}
