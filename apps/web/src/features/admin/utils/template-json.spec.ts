import { describe, expect, it } from '@jest/globals';
import { describePath, parseDefinition } from './template-json';

describe('parseDefinition', () => {
  it('reads an object', () => {
    expect(parseDefinition('{"key": "wessex"}')).toEqual({ ok: true, definition: { key: 'wessex' } });
  });

  it('says when the text is empty, not JSON, or not an object', () => {
    expect(parseDefinition('  ')).toEqual({ ok: false, message: 'Enter the template definition as JSON' });
    const broken = parseDefinition('{\n  "key": "wessex",\n}');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.message).toMatch(/^The definition is not valid JSON/);
    expect(parseDefinition('[1]')).toEqual({ ok: false, message: 'The definition must be a JSON object: { … }' });
  });

  it('names the whole template for an empty path', () => {
    expect(describePath('')).toBe('the whole template');
    expect(describePath('plan[3].month')).toBe('plan[3].month');
  });
});
