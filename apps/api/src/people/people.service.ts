import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MeResponse, Role } from '@ccc/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { Person } from './person.entity';

interface AssignmentRow {
  id: string;
  email: string;
  full_name: string;
  role: Role | null;
  organisation_id: string | null;
  organisation_name: string | null;
  alliance_id: string | null;
  alliance_name: string | null;
  acting_alliance_id: string | null;
}

/** One row per role assignment (or one with nulls for a person with none), oldest assignment first. */
const ASSIGNMENTS_SQL = `
  SELECT p.id, p.email, p.full_name, ra.role, ra.organisation_id, o.name AS organisation_name,
         o.alliance_id, a.name AS alliance_name, s.alliance_id AS acting_alliance_id
    FROM person p
    LEFT JOIN role_assignment ra ON ra.person_id = p.id
    LEFT JOIN organisation o ON o.id = ra.organisation_id
    LEFT JOIN organisation a ON a.id = o.alliance_id
    LEFT JOIN auth_session s ON s.id = $2::uuid AND s.person_id = p.id
   WHERE p.id = $1 AND p.deactivated_at IS NULL
     AND ($2::uuid IS NULL OR (s.id IS NOT NULL AND s.revoked_at IS NULL))
   ORDER BY ra.created_at, ra.id`;

/**
 * Which Alliance a person acts in and the roles they hold there. A person may hold roles in several Alliances (a
 * supervisor who moves); they act in one at a time — the one chosen for the session, or else the first they were
 * given a role in — and only that Alliance's roles (plus a national viewer's, which belongs to none) count.
 */
function acting(rows: AssignmentRow[]) {
  const alliances = new Map<string, string>();
  for (const row of rows) if (row.alliance_id) alliances.set(row.alliance_id, row.alliance_name ?? '');
  const chosen = rows[0]?.acting_alliance_id ?? null;
  const allianceId = chosen && alliances.has(chosen) ? chosen : ([...alliances.keys()][0] ?? null);
  const assignments = rows.filter(
    (row): row is AssignmentRow & { role: Role; organisation_id: string } =>
      row.role !== null && row.organisation_id !== null && (row.alliance_id === allianceId || row.alliance_id === null),
  );
  return {
    allianceId,
    alliances: [...alliances].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    assignments,
  };
}

@Injectable()
export class PeopleService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The caller with their role assignments in the Alliance they act in, in one query. With a session id (a
   * signed-in request), only while that session is live — so a sign-out ends the access token at once; without
   * (an answer link), always.
   */
  async loadAuthUser(personId: string, sessionId?: string): Promise<AuthUser | null> {
    const rows: AssignmentRow[] = await this.db.query(ASSIGNMENTS_SQL, [personId, sessionId ?? null]);
    const first = rows[0];
    if (!first) return null;
    const { allianceId, alliances, assignments } = acting(rows);
    const roles = assignments.map((a) => a.role);
    return {
      id: first.id,
      email: first.email,
      fullName: first.full_name,
      sessionId: sessionId ?? null,
      allianceId,
      alliances: alliances.map((a) => a.id),
      roles: [...new Set(roles)],
      assignments: assignments.map((a) => ({ role: a.role, organisationId: a.organisation_id })),
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

  /** Who the person is, the roles they hold in the Alliance they act in, and the Alliances they could act in. */
  async describe(
    personId: string,
    manager: EntityManager = this.db.manager,
    sessionId?: string,
  ): Promise<MeResponse | null> {
    const rows: AssignmentRow[] = await manager.query(ASSIGNMENTS_SQL, [personId, sessionId ?? null]);
    const first = rows[0];
    if (!first) return null;
    const { allianceId, alliances, assignments } = acting(rows);
    return {
      id: first.id,
      email: first.email,
      fullName: first.full_name,
      allianceId,
      alliances,
      roles: assignments.map((a) => ({
        role: a.role,
        organisationId: a.organisation_id,
        organisationName: a.organisation_name ?? '',
      })),
    };
  }
}
