import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { ParticipantRole } from '@ccc/programme';
import { Versioned } from '../common/versioned.entity';
import { Enrolment } from '../enrolments/enrolment.entity';
import { Session } from './session.entity';

/** Something agreed in a held session: who does it, by when, and whether it is done. */
@Entity('agreed_action')
@Check('agreed_action_owner_check', `owner IN ('ccc', 'alliance_supervisor', 'pcn_supervisor')`)
export class AgreedActionEntity extends Versioned {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => Session, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<Session>;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text' })
  owner!: ParticipantRole;

  /** The CCC who owns a CCC's action (a group session has many on its register); null for a supervisor's. */
  @Index()
  @Column({ name: 'owner_enrolment_id', type: 'uuid', nullable: true })
  ownerEnrolmentId!: string | null;

  @ManyToOne(() => Enrolment, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'owner_enrolment_id' })
  ownerEnrolment?: Relation<Enrolment> | null;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ type: 'boolean', default: false })
  done!: boolean;
}
