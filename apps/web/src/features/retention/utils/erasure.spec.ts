import { describe, expect, it } from '@jest/globals';
import { describeErased, retentionStateOf, validateErasureReason } from './erasure';

describe('the erasure form and its result', () => {
  it('requires a reason of at most 2000 characters', () => {
    expect(validateErasureReason('  ')).toBe('Enter why the personal data is being erased');
    expect(validateErasureReason('x'.repeat(2001))).toBe('The reason must be 2000 characters or fewer');
    expect(validateErasureReason('The CCC asked')).toBeNull();
  });

  it('names each enrolment’s state', () => {
    expect(retentionStateOf({ status: 'active', due: false, erasedAt: null }).label).toBe('Active');
    expect(retentionStateOf({ status: 'withdrawn', due: true, erasedAt: null })).toEqual({
      label: 'Due for erasure',
      tone: 'warning',
    });
    expect(retentionStateOf({ status: 'completed', due: false, erasedAt: null }).label).toBe('Kept');
    expect(retentionStateOf({ status: 'completed', due: false, erasedAt: '2031-01-01T00:00:00Z' }).label).toBe(
      'Erased',
    );
  });

  it('lists what was erased in words, in a fixed order', () => {
    expect(describeErased({ erased: { evidence_file: 2, enrolment: 1, some_new_table: 3 } })).toEqual([
      'enrolment record: 1',
      'files: 2',
      'some new table: 3',
    ]);
  });
});
