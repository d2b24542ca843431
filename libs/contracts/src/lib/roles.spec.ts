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

describe('the competency permissions', () => {
  it('lets only CCCs submit evidence and only Alliance supervisors review it', () => {
    expect(ROLES.filter((role) => can([role], 'competency:submit'))).toEqual(['ccc']);
    expect(ROLES.filter((role) => can([role], 'competency:review'))).toEqual(['alliance_supervisor']);
  });

  it('lets every role read a record it can see, and only administrators import frameworks', () => {
    for (const role of ROLES) expect(can([role], 'competency:read') && can([role], 'record:read')).toBe(true);
    expect(ROLES.filter((role) => can([role], 'framework:manage'))).toEqual(['admin']);
    expect(can(['pcn_supervisor'], 'tna:write')).toBe(false);
  });
});
