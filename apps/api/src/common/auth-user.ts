import type { Role } from '@ccc/contracts';

/** Who is calling, as the JWT strategy loads them for each request. */
export interface AuthUser {
  id: string;
  email: string;
  fullName: string;
  /**
   * The Alliance the caller acts in: every record they reach belongs to it (access.service.ts). Null for someone
   * with no Alliance role (a national viewer), who reaches no Alliance's records.
   */
  allianceId: string | null;
  /** The signed-in session the request came with (null for an answer link). */
  sessionId: string | null;
  /** Every Alliance the caller holds a role in (they may switch the acting one to any of these). */
  alliances: string[];
  /** The roles held in the acting Alliance (and a national viewer's). */
  roles: Role[];
  assignments: { role: Role; organisationId: string }[];
}

export function hasRole(user: AuthUser, role: Role): boolean {
  return user.roles.includes(role);
}

/** Organisations where the user holds this role, e.g. the PCNs a PCN supervisor supervises in. */
export function organisationsWhere(user: AuthUser, role: Role): string[] {
  return user.assignments.filter((a) => a.role === role).map((a) => a.organisationId);
}
