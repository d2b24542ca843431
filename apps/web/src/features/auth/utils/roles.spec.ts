import type { RoleAssignmentView } from '@ccc/contracts';
import { describe, expect, it } from '@jest/globals';
import { describeRoles, homeKindFor } from './roles';

const ccc: RoleAssignmentView = { role: 'ccc', organisationId: 'o1', organisationName: 'North Downs PCN' };
const pcnSupervisor: RoleAssignmentView = {
  role: 'pcn_supervisor',
  organisationId: 'o1',
  organisationName: 'North Downs PCN',
};
const admin: RoleAssignmentView = { role: 'admin', organisationId: 'o2', organisationName: 'Wessex Cancer Alliance' };

describe('describeRoles', () => {
  it('uses the shared role labels with the organisation', () => {
    expect(describeRoles([pcnSupervisor])).toBe('PCN supervisor, North Downs PCN');
    expect(describeRoles([ccc])).toBe('Cancer Care Coordinator, North Downs PCN');
  });

  it('lists several roles and copes with none', () => {
    expect(describeRoles([admin, pcnSupervisor])).toBe(
      'Programme administrator, Wessex Cancer Alliance; PCN supervisor, North Downs PCN',
    );
    expect(describeRoles([])).toBe('No role assigned');
  });
});

describe('homeKindFor', () => {
  it('sends a CCC to their timeline and everyone else to their list of CCCs', () => {
    expect(homeKindFor([ccc])).toBe('ccc-timeline');
    expect(homeKindFor([pcnSupervisor])).toBe('ccc-list');
    expect(homeKindFor([admin])).toBe('ccc-list');
    expect(homeKindFor([ccc, pcnSupervisor])).toBe('ccc-list');
  });

  it('sends someone who is only a national viewer to the national figures', () => {
    const national: RoleAssignmentView = {
      role: 'national_viewer',
      organisationId: 'n',
      organisationName: 'NHS England',
    };
    expect(homeKindFor([national])).toBe('national');
    expect(homeKindFor([national, admin])).toBe('ccc-list');
  });
});
