import { describe, expect, it } from '@jest/globals';
import { subjectAccessFileName } from './download-subject-access';

describe('subjectAccessFileName', () => {
  const day = new Date('2026-05-01T09:00:00Z');

  it("names the download after the person and the day, so an administrator's downloads stay apart", () => {
    expect(subjectAccessFileName('Sam Taylor', day)).toBe('subject-access-sam-taylor-2026-05-01.zip');
    expect(subjectAccessFileName('Zoëy O’Brien-Smith', day)).toBe('subject-access-zoey-o-brien-smith-2026-05-01.zip');
  });

  it('still makes a name when none of the person’s is usable', () => {
    expect(subjectAccessFileName('王芳', day)).toBe('subject-access-2026-05-01.zip');
  });
});
