import { describe, expect, it } from '@jest/globals';
import { checkAttestedOn } from './attest-form';

describe('checkAttestedOn', () => {
  it('asks for a real date, today or earlier, in words that name today as people write it', () => {
    expect(checkAttestedOn('', '2026-12-06')).toBe('Enter the date it was done');
    expect(checkAttestedOn('2026/12/', '2026-12-06')).toBe('Date done must include a day');
    expect(checkAttestedOn('2026-12-07', '2026-12-06')).toBe(
      'Date done must be today or in the past (today is 6 December 2026)',
    );
    expect(checkAttestedOn('2026-12-06', '2026-12-06')).toBeNull();
  });
});
