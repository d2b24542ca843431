import { describe, expect, it } from '@jest/globals';
import { describeCounts, formatFileSize, ratingText } from './labels';

const scale = [
  { value: 1, label: 'Aware', description: '' },
  { value: 2, label: 'Developing', description: '' },
];

describe('competency labels', () => {
  it('says how many are signed off, and the other states only when there are some', () => {
    expect(describeCounts({ not_started: 10, working_towards: 0, evidence_submitted: 0, signed_off: 0 })).toBe(
      '0 of 10 signed off',
    );
    expect(describeCounts({ not_started: 5, working_towards: 2, evidence_submitted: 1, signed_off: 2 })).toBe(
      '2 of 10 signed off, 1 waiting for review, 2 being worked towards',
    );
  });

  it('writes a rating with its label from the scale', () => {
    expect(ratingText(2, scale)).toBe('2 (Developing)');
    expect(ratingText(null, scale)).toBe('Not rated');
    expect(ratingText(7, scale)).toBe('7');
  });

  it('writes file sizes the way people say them', () => {
    expect(formatFileSize(1)).toBe('1 byte');
    expect(formatFileSize(900)).toBe('900 bytes');
    expect(formatFileSize(1536)).toBe('1.5 KB');
    expect(formatFileSize(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatFileSize(2_400_000)).toBe('2.3 MB');
  });
});
