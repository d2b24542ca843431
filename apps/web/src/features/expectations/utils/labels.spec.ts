import { describe, expect, it } from '@jest/globals';
import type { ExpectationResult } from '@ccc/programme';
import { EXPECTATION_STATE_TONES, sessionOutcomesText, stateSummary } from './labels';

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

  it('names the template’s shortfall and the other track’s expectations apart from a missed one', () => {
    expect(stateSummary([result('not_applicable'), result('not_in_plan'), result('missed')])).toBe(
      '1 missed, 1 target not in the plan, 1 not applicable',
    );
    expect(EXPECTATION_STATE_TONES.not_in_plan).not.toBe('danger');
    expect(EXPECTATION_STATE_TONES.not_applicable).toBe('neutral');
  });

  it('says the two ways a session did not count apart', () => {
    expect(sessionOutcomesText({ notHeld: 1, didNotAttend: 2 })).toBe('1 not held (never booked), 2 did not attend');
    expect(sessionOutcomesText({ notHeld: 0, didNotAttend: 1 })).toBe('1 did not attend');
  });
});
