import { requiredTextProblem, TEXT_RULES } from './text-rules';

describe('required text, judged as the API judges it', () => {
  const rule = TEXT_RULES.sessionCancelReason;

  it('trims first: spaces alone are missing, and two letters inside spaces are short of three', () => {
    expect(requiredTextProblem('   ', rule)).toBe('missing');
    expect(requiredTextProblem('  ab  ', rule)).toBe('short');
    expect(requiredTextProblem('  ill ', rule)).toBeNull();
  });

  it('refuses text longer than the rule, counted after trimming', () => {
    expect(requiredTextProblem(` ${'a'.repeat(rule.max)} `, rule)).toBeNull();
    expect(requiredTextProblem('a'.repeat(rule.max + 1), rule)).toBe('long');
  });

  it('keeps line breaks in free text but refuses other control characters, and line breaks in a single line', () => {
    expect(requiredTextProblem('Ill\nand away', rule)).toBeNull();
    expect(requiredTextProblem('Ill\u0007 today', rule)).toBe('control');
    expect(requiredTextProblem('Ill \u202eyadot', rule)).toBe('control');
    expect(requiredTextProblem('Ill\nand away', rule, { multiLine: false })).toBe('control');
  });
});
