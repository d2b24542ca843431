import { can, PERMISSIONS, ROLES } from './roles';

const ALLIANCE_ROLES = ROLES.filter((role) => role !== 'national_viewer');

describe('the permission table', () => {
  it('lets every Alliance role read their own enrolments and only admins and Alliance supervisors enrol', () => {
    for (const role of ALLIANCE_ROLES) expect(can([role], 'enrolment:read')).toBe(true);
    // The national viewer reads anonymised figures only, never a record.
    expect(can(['national_viewer'], 'enrolment:read')).toBe(false);
    expect(ROLES.filter((role) => can([role], 'national:read'))).toEqual(['national_viewer']);
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
    for (const role of ALLIANCE_ROLES) expect(can([role], 'competency:read') && can([role], 'record:read')).toBe(true);
    expect(can(['national_viewer'], 'competency:read') || can(['national_viewer'], 'record:read')).toBe(false);
    expect(ROLES.filter((role) => can([role], 'framework:manage'))).toEqual(['admin']);
    expect(can(['pcn_supervisor'], 'tna:write')).toBe(false);
  });
});

describe('the retention permissions', () => {
  it('lets only administrators see retention and erase personal data', () => {
    expect(ROLES.filter((role) => can([role], 'retention:read'))).toEqual(['admin']);
    expect(ROLES.filter((role) => can([role], 'erasure:request'))).toEqual(['admin']);
  });
});

describe('the privacy policy permissions', () => {
  it('lets only administrators read and change their Alliance’s policy (the notice itself is open)', () => {
    expect(ROLES.filter((role) => can([role], 'policy:read'))).toEqual(['admin']);
    expect(ROLES.filter((role) => can([role], 'policy:edit'))).toEqual(['admin']);
  });
});
