import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MeResponse } from '@ccc/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { Person } from './person.entity';

@Injectable()
export class PeopleService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The caller with their role assignments, in one query. With a session id (a signed-in request), only while
   * that session is live; without (an answer link), always.
   */
  async loadAuthUser(personId: string, sessionId?: string): Promise<AuthUser | null> {
    // A query builder rather than findOne: findOne with a relation costs a second query on every request.
    // The session check rides in the same query, so a sign-out ends the access token at once.
    const query = this.db
      .getRepository(Person)
      .createQueryBuilder('person')
      .leftJoinAndSelect('person.roleAssignments', 'assignment')
      .where('person.id = :personId', { personId });
    if (sessionId !== undefined)
      query.andWhere(
        'EXISTS (SELECT 1 FROM auth_session s WHERE s.id = :sessionId AND s.person_id = person.id AND s.revoked_at IS NULL)',
        { sessionId },
      );
    const person = await query.getOne();
    if (!person) return null;
    const assignments = (person.roleAssignments ?? []).map((a) => ({ role: a.role, organisationId: a.organisationId }));
    return {
      id: person.id,
      email: person.email,
      fullName: person.fullName,
      roles: [...new Set(assignments.map((a) => a.role))],
      assignments,
    };
  }

  /** For sign-in and password change only: the one place that reads the password hash. */
  findWithPasswordHash(email: string): Promise<Person | null> {
    return this.db
      .getRepository(Person)
      .createQueryBuilder('person')
      .addSelect('person.passwordHash')
      .where('person.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  async describe(personId: string, manager: EntityManager = this.db.manager): Promise<MeResponse | null> {
    const person = await manager
      .getRepository(Person)
      .createQueryBuilder('person')
      .leftJoinAndSelect('person.roleAssignments', 'assignment')
      .leftJoinAndSelect('assignment.organisation', 'organisation')
      .where('person.id = :personId', { personId })
      .getOne();
    if (!person) return null;
    return {
      id: person.id,
      email: person.email,
      fullName: person.fullName,
      roles: (person.roleAssignments ?? []).map((a) => ({
        role: a.role,
        organisationId: a.organisationId,
        organisationName: a.organisation?.name ?? '',
      })),
    };
  }
}
