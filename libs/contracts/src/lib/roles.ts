/**
 * The role/permission table, read by the API's guard and by the SPA (to hide what a person cannot do).
 * Which *records* a role may touch is decided by the API's access service; this table says which *actions*.
 */
/**
 * Every role but the national viewer's is held in one Alliance (or one of its PCNs); a person acts in one Alliance
 * at a time. The national viewer reads anonymised figures across Alliances and nothing else.
 */
export const ROLES = ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc', 'national_viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles an Alliance administrator gives (a national viewer is not one of an Alliance's people). */
export const INVITABLE_ROLES = [
  'admin',
  'alliance_supervisor',
  'pcn_supervisor',
  'ccc',
] as const satisfies readonly Role[];
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

export const PERMISSIONS = {
  'me:read': ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc', 'national_viewer'],
  'enrolment:read': ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc'],
  'enrolment:create': ['admin', 'alliance_supervisor'],
  'cohort:read': ['admin', 'alliance_supervisor'],
  'template:read': ['admin', 'alliance_supervisor'],
  'session:read': ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc'],
  'session:book': ['admin', 'alliance_supervisor'],
  'session:respond': ['pcn_supervisor'],
  'session:record': ['admin', 'alliance_supervisor'],
  /** Only the action's owner, as the access service decides. */
  'action:complete': ['alliance_supervisor', 'pcn_supervisor', 'ccc'],
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
  // Each person's own reminders and their choices of which to get.
  'notifications:read': ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc'],
  'notifications:manage': ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc'],
  // Competencies. Which CCC's records a person may touch is the access service's decision; these are the actions.
  'framework:read': ['admin', 'alliance_supervisor'],
  'framework:manage': ['admin'],
  'competency:read': ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc'],
  'competency:submit': ['ccc'],
  'competency:review': ['alliance_supervisor'],
  'tna:read': ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc'],
  'tna:write': ['alliance_supervisor', 'ccc'],
  'training-plan:read': ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc'],
  'training-plan:edit': ['alliance_supervisor', 'ccc'],
  'training:complete': ['ccc'],
  'record:read': ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc'],
  'drafts:manage': ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc'],
  // Month six and after. Which enrolment's records a person may touch is the access service's decision.
  'handover:read': ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc'],
  'handover:edit': ['alliance_supervisor', 'pcn_supervisor', 'ccc'],
  'handover:sign': ['alliance_supervisor', 'pcn_supervisor', 'ccc'],
  'survey:respond': ['pcn_supervisor', 'ccc'],
  'outcomes:read': ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc'],
  'outcomes:record': ['ccc'],
  'amendment:read': ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc'],
  'amendment:create': ['admin', 'alliance_supervisor'],
  'report:read': ['admin', 'alliance_supervisor'],
  // Each party's own sign-offs across the CCCs they sign for; an administrator signs for none (#24).
  'sign-offs:read': ['alliance_supervisor', 'pcn_supervisor', 'ccc'],
  // Programme administration.
  'cohort:create': ['admin'],
  'enrolment:withdraw': ['admin'],
  // Correcting what was made: cohorts, PCNs, enrolments, people (issue #16).
  'cohort:edit': ['admin'],
  'organisation:manage': ['admin'],
  'enrolment:change': ['admin'],
  'people:manage': ['admin'],
  'people:read': ['admin', 'alliance_supervisor'],
  'people:invite': ['admin'],
  'template:edit': ['admin'],
  // The Alliance's information-governance policy (retention, data controller); the notice itself is public.
  'policy:read': ['admin'],
  'policy:edit': ['admin'],
  // The Alliance's single sign-on (its OpenID provider, and who must use it): its administrator.
  'sso:read': ['admin'],
  'sso:edit': ['admin'],
  // Retention of ended enrolments and erasure of their personal data: the Alliance's administrator.
  'retention:read': ['admin'],
  'erasure:request': ['admin'],
  // Everything held about a person, as a ZIP: the person themself, or an administrator of their Alliance (the
  // service decides whose).
  'subject-access:export': ['admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc', 'national_viewer'],
  // Across Alliances: anonymised aggregates only.
  'national:read': ['national_viewer'],
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
  national_viewer: 'National viewer',
};
