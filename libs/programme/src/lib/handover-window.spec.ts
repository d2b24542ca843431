import { DEFAULT_TEMPLATE } from './default-template';
import { GM_TEMPLATE } from './gm-template';
import { handoverMonth, handoverNotOpenYet, handoverOpensOn } from './handover-window';

describe('when the handover and evaluation interview opens (its plan month, template data)', () => {
  it('is month 6 of the Wessex offer and month 18 of the GM programme', () => {
    expect(handoverMonth(DEFAULT_TEMPLATE, 'supervision')).toBe(6);
    expect(handoverMonth(GM_TEMPLATE, 'supervision')).toBe(GM_TEMPLATE.plan.find((i) => i.kind === 'handover')!.month);
  });

  it('opens on the first day of that month, London dates', () => {
    expect(handoverOpensOn(DEFAULT_TEMPLATE, 'supervision', '2026-09-01')).toBe('2027-02-01');
  });

  it('cannot be signed in month 3, saying from when; can from the first day of month 6', () => {
    expect(handoverNotOpenYet(DEFAULT_TEMPLATE, 'supervision', '2026-09-01', '2026-11-15')).toBe(
      'The handover and evaluation interview opens in month 6, on 1 Feb 2027: it can be signed from then',
    );
    expect(handoverNotOpenYet(DEFAULT_TEMPLATE, 'supervision', '2026-09-01', '2027-01-31')).not.toBeNull();
    expect(handoverNotOpenYet(DEFAULT_TEMPLATE, 'supervision', '2026-09-01', '2027-02-01')).toBeNull();
    expect(handoverNotOpenYet(DEFAULT_TEMPLATE, 'supervision', '2026-09-01', '2027-06-01')).toBeNull();
  });

  it('follows the template: a handover moved to month 4 opens in month 4', () => {
    const template = structuredClone(DEFAULT_TEMPLATE);
    template.plan.find((i) => i.kind === 'handover')!.month = 4;
    expect(handoverOpensOn(template, 'supervision', '2026-09-01')).toBe('2026-12-01');
  });

  it('opens in the last month for a track or template with no handover in its plan', () => {
    const template = { ...DEFAULT_TEMPLATE, plan: DEFAULT_TEMPLATE.plan.filter((i) => i.kind !== 'handover') };
    expect(handoverMonth(template, 'training')).toBe(6);
    // The training track has no handover item: it takes the supervision track's.
    expect(handoverMonth(DEFAULT_TEMPLATE, 'training')).toBe(6);
  });
});
