import { describe, expect, it } from '@jest/globals';
import type { ExpectationResult } from '@ccc/programme';
import { stateSummary } from './labels';

const result = (state: ExpectationResult['state']): ExpectationResult => ({
  key: state,
  party: 'pcn',
  title: 'x',
  state,
  evidence: '',
  progress: null,
});

describe('expectation labels', () => {
  it('sums up a group in words, in a fixed order', () => {
    expect(stateSummary([result('at_risk'), result('met'), result('met'), result('not_measured')])).toBe(
      '2 met, 1 at risk, 1 not measured yet',
    );
    expect(stateSummary([])).toBe('');
  });
});
