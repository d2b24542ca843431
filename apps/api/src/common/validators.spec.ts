import { validateSync } from 'class-validator';
import { isCommonPassword, MultiLine, NotCommonPassword, SingleLine } from './validators';

class Fields {
  @SingleLine()
  name?: unknown;

  @MultiLine()
  notes?: unknown;

  @NotCommonPassword()
  password?: unknown;
}

const errors = (values: Partial<Fields>) =>
  validateSync(Object.assign(new Fields(), values)).map((e) => [e.property, Object.values(e.constraints ?? {})[0]]);

describe('single-line and multi-line text', () => {
  it('refuses line breaks and other control characters in a single line', () => {
    for (const name of ['a\nb', 'a\rb', 'a\tb', 'a\u0000b', 'a\u007fb', 'a\u0085b', 'a\u2028b', 'a\u202eb'])
      expect(errors({ name })).toEqual([['name', 'name must be a single line of text without control characters']]);
    expect(errors({ name: 'Siân O’Brien-Ng <sian@example.org>' })).toEqual([]);
  });

  it('keeps line breaks and tabs in multi-line text, and refuses other control characters', () => {
    expect(errors({ notes: 'one\r\ntwo\n\tthree' })).toEqual([]);
    expect(errors({ notes: 'bell\u0007' })).toEqual([
      ['notes', 'notes must not contain control characters other than line breaks and tabs'],
    ]);
  });
});

describe('common passwords', () => {
  it('finds listed passwords in any case, and listed words with digits or symbols around them', () => {
    expect(isCommonPassword('qwertyuiop123')).toBe(true);
    expect(isCommonPassword('QwertyUIOP123')).toBe(true);
    expect(isCommonPassword('Password2024!!')).toBe(true);
    expect(isCommonPassword('!!dragon123456')).toBe(true);
    expect(isCommonPassword('demo-password-1')).toBe(false);
    expect(isCommonPassword('correct-horse-battery-staple')).toBe(false);
  });

  it('names the field, and leaves a password under the minimum length to that rule', () => {
    expect(errors({ password: 'password1234' })).toEqual([
      ['password', 'password is too common (it is on lists of breached passwords): choose another'],
    ]);
    expect(errors({ password: 'short' })).toEqual([]);
  });
});
