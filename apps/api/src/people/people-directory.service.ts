import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganisationView, PeoplePage, PersonListItem, Role } from '@ccc/contracts';
import { LIST_PAGE_SIZE } from '@ccc/contracts';
import { DataSource } from 'typeorm';
import { type AuthUser, hasRole, organisationsWhere } from '../common/auth-user';
import { type ListPageQueryDto, searchPatterns } from '../common/list-page.dto';

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
   * One page of the people list (people with a role, then unanswered invitations, by name), searched by words each
   * in the name, e-mail or an organisation's name: two statements whatever the page, plus one for the offers' page.
   */
  async page(user: AuthUser, query: ListPageQueryDto): Promise<PeoplePage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? LIST_PAGE_SIZE;
    const [found]: { total: number; entries: { id: string; offer: boolean }[] | null }[] = await this.db.query(
      `WITH entries AS (
         SELECT p.id, p.full_name, p.email, false AS offer, string_agg(o.name, ' ') AS orgs
           FROM person p
           JOIN role_assignment ra ON ra.person_id = p.id
           JOIN organisation o ON o.id = ra.organisation_id
          WHERE o.alliance_id = ANY($1::uuid[])
          GROUP BY p.id
         UNION ALL
         SELECT ro.id, ro.full_name, ro.email, true, o.name
           FROM role_offer ro JOIN organisation o ON o.id = ro.organisation_id
          WHERE ro.alliance_id = ANY($1::uuid[]) AND ro.accepted_at IS NULL AND ro.declined_at IS NULL
       ), matching AS (
         SELECT * FROM entries e
          WHERE NOT EXISTS (SELECT 1 FROM unnest($2::text[]) w
                             WHERE NOT (e.full_name ILIKE w OR e.email ILIKE w OR e.orgs ILIKE w))
       )
       SELECT (SELECT count(*)::int FROM matching) AS total,
              (SELECT json_agg(json_build_object('id', m.id, 'offer', m.offer) ORDER BY lower(m.full_name), m.id)
                 FROM (SELECT * FROM matching ORDER BY lower(full_name), id LIMIT $3 OFFSET $4) m) AS entries`,
      [this.alliancesOf(user), searchPatterns(query.q), pageSize, (page - 1) * pageSize],
    );
    const entries = found?.entries ?? [];
    const details =
      entries.length === 0
        ? []
        : await this.list(user, {
            people: entries.filter((e) => !e.offer).map((e) => e.id),
            offers: entries.filter((e) => e.offer).map((e) => e.id),
          });
    const byId = new Map(details.map((d) => [d.id, d]));
    return {
      items: entries.map((e) => byId.get(e.id)).filter((d): d is PersonListItem => !!d),
      total: found?.total ?? 0,
      page,
      pageSize,
    };
  }

  /** Everyone of the caller's Alliances with their roles, and pending invitations; `only`: just these ids. */
  async list(user: AuthUser, only?: { people: string[]; offers: string[] }): Promise<PersonListItem[]> {
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
        WHERE o.alliance_id = ANY($1::uuid[]) AND ($2::uuid[] IS NULL OR p.id = ANY($2::uuid[]))
        ORDER BY p.full_name, p.id, ra.role`,
      [this.alliancesOf(user), only?.people ?? null],
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
            AND ($2::uuid[] IS NULL OR ro.id = ANY($2::uuid[]))
          ORDER BY ro.full_name, ro.id`,
      [this.alliancesOf(user), only?.offers ?? null],
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
