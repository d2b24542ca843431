import { describe, expect, it } from '@jest/globals';
import { TEXT_RULES } from '@ccc/contracts';
import { requiredTextError } from './text-rules';

describe("a form's check of a required text, by the API's rule", () => {
  const ask = 'Say why the session is being cancelled';

  it('asks for as many characters as the API does, after trimming (cancelling needs three)', () => {
    expect(requiredTextError('  ', TEXT_RULES.sessionCancelReason, ask)).toBe(ask);
    expect(requiredTextError(' x ', TEXT_RULES.sessionCancelReason, ask)).toBe(`${ask}, in at least 3 characters`);
    expect(requiredTextError('Ill', TEXT_RULES.sessionCancelReason, ask)).toBeNull();
  });

  it('names the longest text and refuses control characters', () => {
    expect(requiredTextError('a'.repeat(5001), TEXT_RULES.signOffComment, ask, 'comment')).toBe(
      'The comment must be 5,000 characters or fewer',
    );
    expect(requiredTextError('Ill\u0000', TEXT_RULES.sessionCancelReason, ask)).toBe(
      'The reason must not contain control characters',
    );
  });
});
