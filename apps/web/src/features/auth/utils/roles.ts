import { ROLE_LABELS, type RoleAssignmentView } from '@ccc/contracts';

/** "PCN supervisor, North Downs PCN"; several assignments are joined with semicolons. */
export function describeRoles(roles: readonly RoleAssignmentView[]): string {
  if (roles.length === 0) return 'No role assigned';
  return roles
    .map(({ role, organisationName }) => {
      const label = ROLE_LABELS[role] ?? role;
      return organisationName ? `${label}, ${organisationName}` : label;
    })
    .join('; ');
}

export type HomeKind = 'ccc-timeline' | 'ccc-list' | 'national';

/**
 * Where "/" takes a person: anyone who supervises or administers sees the list of their CCCs;
 * someone who is only a CCC goes straight to their own timeline; a national viewer (and nothing else) to the
 * national figures, having no CCCs of any Alliance to list.
 */
export function homeKindFor(roles: readonly RoleAssignmentView[]): HomeKind {
  if (roles.length > 0 && roles.every(({ role }) => role === 'national_viewer')) return 'national';
  return roles.some(({ role }) => role !== 'ccc') ? 'ccc-list' : 'ccc-timeline';
}
