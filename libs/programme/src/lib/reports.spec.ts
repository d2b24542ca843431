import { DEFAULT_TEMPLATE } from './default-template';
import { expectationApplies, type ExpectationResult } from './expectations';
import { deliveryByParty, percentOf } from './reports';

const expectation = (key: string) => DEFAULT_TEMPLATE.expectations.find((e) => e.key === key)!;

function result(key: string, done: number, target: number, state: ExpectationResult['state']): ExpectationResult {
  const { party, title } = expectation(key);
  return { key, party, title, state, evidence: '', progress: { done, target } };
}

describe('the cohort report rules', () => {
  it('does not expect individual supervision of a training-track CCC, but does expect the TNA', () => {
    expect(expectationApplies(DEFAULT_TEMPLATE, 'training', expectation('alliance-individual'))).toBe(false);
    expect(expectationApplies(DEFAULT_TEMPLATE, 'training', expectation('alliance-tna'))).toBe(true);
    expect(expectationApplies(DEFAULT_TEMPLATE, 'supervision', expectation('alliance-individual'))).toBe(true);
  });

  it('adds up sessions held against each party, Alliance first, counting only the CCCs each applies to', () => {
    const rows = deliveryByParty([
      {
        template: DEFAULT_TEMPLATE,
        track: 'supervision',
        results: [result('alliance-individual', 6, 6, 'met'), result('pcn-joint-sessions', 2, 3, 'missed')],
      },
      {
        template: DEFAULT_TEMPLATE,
        track: 'supervision',
        results: [result('alliance-individual', 4, 6, 'at_risk'), result('pcn-joint-sessions', 3, 3, 'met')],
      },
      { template: DEFAULT_TEMPLATE, track: 'training', results: [result('alliance-individual', 0, 6, 'missed')] },
    ]);
    expect(rows).toEqual([
      {
        key: 'alliance-individual',
        party: 'alliance',
        title: 'Provide 6 individual supervision sessions',
        measure: 'held',
        delivered: 10,
        expected: 12,
        enrolmentsMet: 1,
        enrolmentsCounted: 2,
        enrolmentsNotInPlan: 0,
        warning: null,
        notHeld: 0,
        didNotAttend: 0,
      },
      expect.objectContaining({ key: 'pcn-joint-sessions', party: 'pcn', delivered: 5, expected: 6, enrolmentsMet: 1 }),
    ]);
  });

  it('counts the CCCs whose target is not in the plan apart from those who met it, with the template’s warning', () => {
    const warning = 'The plan holds 5 group sessions but the Alliance expects 6';
    const notInPlan = { ...result('alliance-group', 5, 6, 'not_in_plan'), warning };
    const rows = deliveryByParty([
      { template: DEFAULT_TEMPLATE, track: 'supervision', results: [notInPlan] },
      { template: DEFAULT_TEMPLATE, track: 'supervision', results: [result('alliance-group', 4, 6, 'missed')] },
      // Not applicable on this track: left out whatever its result says.
      { template: DEFAULT_TEMPLATE, track: 'training', results: [result('alliance-group', 0, 6, 'not_applicable')] },
    ]);
    expect(rows).toEqual([
      expect.objectContaining({
        key: 'alliance-group',
        enrolmentsMet: 0,
        enrolmentsNotInPlan: 1,
        enrolmentsCounted: 2,
        warning,
      }),
    ]);
  });

  it('adds up sessions never booked and sessions not attended apart', () => {
    const rows = deliveryByParty([
      {
        template: DEFAULT_TEMPLATE,
        track: 'supervision',
        results: [{ ...result('alliance-individual', 4, 6, 'at_risk'), sessions: { notHeld: 1, didNotAttend: 1 } }],
      },
      {
        template: DEFAULT_TEMPLATE,
        track: 'supervision',
        results: [{ ...result('alliance-individual', 5, 6, 'at_risk'), sessions: { notHeld: 1, didNotAttend: 0 } }],
      },
    ]);
    expect(rows[0]).toMatchObject({ notHeld: 2, didNotAttend: 1 });
  });

  it('gives a whole per cent, or null of nothing', () => {
    expect(percentOf(2, 3)).toBe(67);
    expect(percentOf(0, 0)).toBeNull();
  });
});
