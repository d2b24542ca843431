/**
 * The role/permission table, read by the API's guard and by the SPA (to hide what a person cannot do).
 * Which *records* a role may touch is decided by the API's access service; this table says which *actions*.
 */
export const ROLES = ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  'me:read': ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc'],
  'enrolment:read': ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc'],
  'enrolment:create': ['admin', 'alliance_supervisor'],
  'cohort:read': ['admin', 'alliance_supervisor'],
  'template:read': ['admin', 'alliance_supervisor'],
  'session:read': ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc'],
  'session:book': ['admin', 'alliance_supervisor'],
  'session:respond': ['pcn_supervisor'],
  'session:record': ['admin', 'alliance_supervisor'],
  'caseload:read': ['admin', 'alliance_supervisor'],
  'agenda:read': ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc'],
  'calendar:manage': ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc'],
  'release:read': ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc'],
  'release:log': ['ccc'],
  'release:decide': ['admin', 'pcn_supervisor'],
  'expectations:read': ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc'],
  'expectations:attest': ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc'],
  'pcn-home:read': ['admin', 'pcn_supervisor'],
  'audit:verify': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Programme administrator',
  alliance_supervisor: 'Alliance supervisor',
  pcn_supervisor: 'PCN supervisor',
  ccc: 'Cancer Care Coordinator',
};
