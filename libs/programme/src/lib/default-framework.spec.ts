import { competenciesOf, validateFramework } from './competencies';
import { DEFAULT_FRAMEWORK } from './default-framework';

describe('the default competency framework', () => {
  it('is valid', () => {
    expect(validateFramework(DEFAULT_FRAMEWORK)).toEqual({ valid: true, framework: DEFAULT_FRAMEWORK, problems: [] });
  });

  it('covers the six areas of the CCC role with a handful of competencies each', () => {
    expect(DEFAULT_FRAMEWORK.domains.map((d) => d.title)).toEqual([
      'Prevention',
      'Screening',
      'Safety netting',
      'Early diagnosis',
      'Personalised care',
      'Primary care drivers',
    ]);
    for (const domain of DEFAULT_FRAMEWORK.domains) {
      expect(domain.competencies.length).toBeGreaterThanOrEqual(3);
      expect(domain.competencies.length).toBeLessThanOrEqual(6);
    }
    expect(competenciesOf(DEFAULT_FRAMEWORK).map((c) => c.code)).toContain('SN-03');
  });
});
