import { describe, expect, it } from '@jest/globals';
import { uploadPercent } from './upload-progress';

describe('uploadPercent', () => {
  it('is the whole percent sent, kept within 0 to 100', () => {
    expect(uploadPercent({ loaded: 0, total: 0 })).toBe(0);
    expect(uploadPercent({ loaded: 1, total: 3 })).toBe(33);
    expect(uploadPercent({ loaded: 3, total: 3 })).toBe(100);
    expect(uploadPercent({ loaded: 5, total: 3 })).toBe(100);
  });
});
