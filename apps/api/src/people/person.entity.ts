import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Versioned } from '../common/versioned.entity';
import { RoleAssignment } from './role-assignment.entity';

@Entity('person')
export class Person extends Versioned {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased so that sign-in is case-insensitive and unique. */
  @Column({ type: 'text', unique: true })
  email!: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  /** argon2id; null until the person sets a password. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  /** When an administrator deactivated the account: no sign-in, every session ended; the history stays. */
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;

  /** A new e-mail address waiting for its owner to confirm it (from a link sent to it). */
  @Column({ name: 'pending_email', type: 'text', nullable: true })
  pendingEmail!: string | null;

  @OneToMany(() => RoleAssignment, (assignment) => assignment.person)
  roleAssignments?: RoleAssignment[];
}
