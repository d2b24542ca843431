import { describe, expect, it } from '@jest/globals';
import { safeRedirect } from './safe-redirect';

describe('safeRedirect', () => {
  it('keeps a path inside the app', () => {
    expect(safeRedirect('/enrolments/abc')).toBe('/enrolments/abc');
    expect(safeRedirect('/enrolments/abc?tab=1#month-3')).toBe('/enrolments/abc?tab=1#month-3');
  });

  it('refuses other sites and protocol-relative links', () => {
    expect(safeRedirect('https://evil.example')).toBe('/');
    expect(safeRedirect('//evil.example')).toBe('/');
    expect(safeRedirect('/\\evil.example')).toBe('/');
    expect(safeRedirect(undefined)).toBe('/');
    expect(safeRedirect(42)).toBe('/');
  });

  it('does not send someone back to the sign-in page', () => {
    expect(safeRedirect('/sign-in')).toBe('/');
    expect(safeRedirect('/sign-in?x=1')).toBe('/');
  });
});
