import {
  type Relation,
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
import type { Role } from '@ccc/contracts';
import { Organisation } from '../organisations/organisation.entity';
import { Person } from './person.entity';

/** A person holds a role in one organisation: a PCN supervisor in their PCN, an Alliance supervisor in the Alliance. */
@Entity('role_assignment')
@Unique('role_assignment_unique', ['personId', 'role', 'organisationId'])
@Check(
  'role_assignment_role_check',
  `role IN ('admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc', 'national_viewer')`,
)
export class RoleAssignment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, (person) => person.roleAssignments, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<Person>;

  @Column({ type: 'text' })
  role!: Role;

  @Index()
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
