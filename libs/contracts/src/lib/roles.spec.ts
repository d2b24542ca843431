import { can, PERMISSIONS, ROLES } from './roles';

describe('the permission table', () => {
  it('lets every role read their own enrolments and only admins and Alliance supervisors enrol', () => {
    for (const role of ROLES) expect(can([role], 'enrolment:read')).toBe(true);
    expect(ROLES.filter((role) => can([role], 'enrolment:create'))).toEqual(['admin', 'alliance_supervisor']);
  });

  it('keeps cohorts and templates from PCN supervisors and CCCs', () => {
    expect(can(['pcn_supervisor', 'ccc'], 'cohort:read')).toBe(false);
    expect(can(['pcn_supervisor'], 'template:read')).toBe(false);
  });

  it('grants what any one of several roles grants, and nothing to no role', () => {
    expect(can(['ccc', 'alliance_supervisor'], 'cohort:read')).toBe(true);
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[])
      expect(can([], permission)).toBe(false);
  });
});
