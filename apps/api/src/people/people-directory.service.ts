import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganisationView, PersonListItem, Role } from '@ccc/contracts';
import { DataSource } from 'typeorm';
import { type AuthUser, hasRole, organisationsWhere } from '../common/auth-user';

/** The people and organisations an administrator may invite into or manage: the reads of the people pages. */
@Injectable()
export class PeopleDirectoryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The Alliance the caller works in, where they may see people: an administrator's or an Alliance supervisor's. */
  private alliancesOf(user: AuthUser): string[] {
    if (!user.allianceId) return [];
    return hasRole(user, 'admin') ? [user.allianceId] : organisationsWhere(user, 'alliance_supervisor');
  }

  /**
   * People with a role in the caller's Alliance or its PCNs, with those roles only (a person's roles in another
   * Alliance are that Alliance's business): one query.
   */
  async list(user: AuthUser): Promise<PersonListItem[]> {
    const rows: {
      id: string;
      full_name: string;
      email: string;
      pending: boolean;
      pending_email: string | null;
      deactivated_at: Date | null;
      version: number;
      role: Role;
      organisation_id: string;
      organisation_name: string;
    }[] = await this.db.query(
      `SELECT p.id, p.full_name, p.email, p.password_hash IS NULL AS pending,
              p.pending_email, p.deactivated_at, p.version, ra.role, ra.organisation_id, o.name AS organisation_name
         FROM person p
         JOIN role_assignment ra ON ra.person_id = p.id
         JOIN organisation o ON o.id = ra.organisation_id
        WHERE o.alliance_id = ANY($1::uuid[])
        ORDER BY p.full_name, p.id, ra.role`,
      [this.alliancesOf(user)],
    );
    const people = new Map<string, PersonListItem>();
    for (const row of rows) {
      const person = people.get(row.id) ?? {
        id: row.id,
        fullName: row.full_name,
        email: row.email,
        roles: [],
        invitationPending: row.pending,
        pendingEmail: row.pending_email,
        deactivatedAt: row.deactivated_at?.toISOString() ?? null,
        version: row.version,
      };
      person.roles.push({
        role: row.role,
        organisationId: row.organisation_id,
        organisationName: row.organisation_name,
      });
      people.set(row.id, person);
    }
    // Invitations not answered yet, as their administrator typed them: nobody holds these roles until accepted.
    const offers: {
      id: string;
      full_name: string;
      email: string;
      role: Role;
      organisation_id: string;
      name: string;
    }[] = await this.db.query(
      `SELECT ro.id, ro.full_name, ro.email, ro.role, ro.organisation_id, o.name
           FROM role_offer ro JOIN organisation o ON o.id = ro.organisation_id
          WHERE ro.alliance_id = ANY($1::uuid[]) AND ro.accepted_at IS NULL AND ro.declined_at IS NULL
          ORDER BY ro.full_name, ro.id`,
      [this.alliancesOf(user)],
    );
    const invited: PersonListItem[] = offers.map((o) => ({
      id: o.id,
      fullName: o.full_name,
      email: o.email,
      roles: [{ role: o.role, organisationId: o.organisation_id, organisationName: o.name }],
      invitationPending: true,
      // An offer, not an account: nothing of it is edited but by a new invitation.
      pendingEmail: null,
      deactivatedAt: null,
      version: 0,
    }));
    return [...people.values(), ...invited].sort(
      (a, b) => a.fullName.localeCompare(b.fullName) || a.id.localeCompare(b.id),
    );
  }

  async organisations(user: AuthUser): Promise<OrganisationView[]> {
    const rows: {
      id: string;
      name: string;
      kind: 'alliance' | 'pcn';
      parent_id: string | null;
      closed_at: Date | null;
      version: number;
    }[] = await this.db.query(
      `SELECT id, name, kind, parent_id, closed_at, version FROM organisation
        WHERE alliance_id = ANY($1::uuid[]) AND kind IN ('alliance', 'pcn')
        ORDER BY kind, name`,
      [this.alliancesOf(user)],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      parentId: r.parent_id,
      closedAt: r.closed_at?.toISOString() ?? null,
      version: r.version,
    }));
  }
}
