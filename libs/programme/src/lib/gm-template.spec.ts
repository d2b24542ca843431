import { DEFAULT_TEMPLATE } from './default-template';
import { GM_TEMPLATE } from './gm-template';
import { programmeEndsBefore, programmeMonths } from './months';
import { plannedSessions } from './schedule';
import { validateTemplate } from './validation';

describe('the Greater Manchester-shaped template', () => {
  it('is a valid template with nothing to warn about', () => {
    const result = validateTemplate(GM_TEMPLATE);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('runs for 18 months, with sessions planned into the last month', () => {
    const months = programmeMonths('2026-04-01', GM_TEMPLATE.durationMonths);
    expect(months).toHaveLength(18);
    expect(programmeEndsBefore('2026-04-01', GM_TEMPLATE.durationMonths)).toBe('2027-10-01');
    const planned = plannedSessions(GM_TEMPLATE, 'supervision');
    expect(Math.max(...planned.map((s) => s.month))).toBe(18);
    expect(planned.filter((s) => s.kind === 'handover').map((s) => s.month)).toEqual([18]);
    // Monthly teaching only in the induction quarter: months 1 to 3.
    expect(planned.filter((s) => s.kind === 'teaching').map((s) => s.month)).toEqual([1, 2, 3]);
  });

  it('keeps its own outcome measures and survey, different from the Wessex defaults', () => {
    expect(GM_TEMPLATE.outcomeMeasures.map((m) => m.id)).toContain('ccr-audited');
    expect(GM_TEMPLATE.evaluation.statements.map((s) => s.id)).not.toEqual(
      DEFAULT_TEMPLATE.evaluation.statements.map((s) => s.id),
    );
    expect(GM_TEMPLATE.key).not.toBe(DEFAULT_TEMPLATE.key);
  });
});
