import type { Role } from '@ccc/contracts';

/** Who is calling, as the JWT strategy loads them for each request. */
export interface AuthUser {
  id: string;
  email: string;
  fullName: string;
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
