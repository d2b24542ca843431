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

export type HomeKind = 'ccc-timeline' | 'ccc-list';

/**
 * Where "/" takes a person: anyone who supervises or administers sees the list of their CCCs;
 * someone who is only a CCC goes straight to their own timeline.
 */
export function homeKindFor(roles: readonly RoleAssignmentView[]): HomeKind {
  return roles.some(({ role }) => role !== 'ccc') ? 'ccc-list' : 'ccc-timeline';
}
