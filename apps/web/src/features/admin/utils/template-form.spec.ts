import { describe, expect, it } from '@jest/globals';
import { DEFAULT_TEMPLATE } from '@ccc/programme';
import {
  errorText,
  fieldIdOf,
  measureOfType,
  numberFrom,
  numberText,
  placeErrors,
  templateFieldPaths,
} from './template-form';

describe('the template form', () => {
  it('names each field after the path the rules report', () => {
    expect(fieldIdOf('expectations[3].measure.target')).toBe('tpl-expectations-3-measure-target');
    expect(fieldIdOf('durationMonths')).toBe('tpl-durationMonths');
    expect(fieldIdOf('plan[0].durationMinutes.min')).toBe('tpl-plan-0-durationMinutes-min');
  });

  it('keeps what was typed when it is not a number, for the rules to name', () => {
    expect(numberFrom(' 6 ')).toBe(6);
    expect(numberFrom('7.5')).toBe(7.5);
    expect(numberFrom('six')).toBe('six');
    expect(numberFrom('')).toBe('');
    expect(numberText(6)).toBe('6');
    expect(numberText(undefined)).toBe('');
  });

  it('words an error with its field', () => {
    expect(errorText('expectations[3].measure.target', 'must not be negative')).toBe('Target must not be negative');
    expect(errorText('plan[2].month', "month 9 is outside the programme's 6 months")).toBe(
      "Month 9 is outside the programme's 6 months",
    );
    expect(errorText('expectations[1].measure', 'minHours must not exceed maxHours')).toBe(
      'Measure minHours must not exceed maxHours',
    );
  });

  it('places an error beside its field, a part of a field beside the field, an item’s error beside its first field', () => {
    const fields = ['plan[0].tracks', 'expectations[1].measure.minHours', 'expectations[1].measure.maxHours'];
    const placed = placeErrors(
      [
        { path: 'plan[0].tracks[1]', message: 'unknown value "x"' },
        { path: 'expectations[1].measure', message: 'minHours must not exceed maxHours' },
        { path: 'name', message: 'must be a non-empty text' },
      ],
      fields,
    );
    expect(placed.get('plan[0].tracks')).toEqual(['Tracks unknown value "x"']);
    expect(placed.get('expectations[1].measure.minHours')).toEqual(['Measure minHours must not exceed maxHours']);
    expect(placed.get('name')).toEqual(['Name must be a non-empty text']);
  });

  it('starts a measure of a new type with the seed’s values', () => {
    expect(measureOfType('total_release')).toEqual({ type: 'total_release', maxDays: 5, hoursPerDay: 7.5 });
    expect(measureOfType('attestation')).toEqual({ type: 'attestation' });
  });
});

describe('the template form’s fields', () => {
  it('has a field for each target of the default template’s expectations, placed where the rules report them', () => {
    const paths = templateFieldPaths(DEFAULT_TEMPLATE);
    const i = DEFAULT_TEMPLATE.expectations.findIndex((e) => e.key === 'alliance-group');
    expect(paths).toContain(`expectations[${i}].measure.target`);
    expect(paths).toContain('plan[0].durationMinutes.min');
    expect(paths).toContain('teaching[4].topic');
    expect(paths).toContain('supervisionEligibilityMonths');
    expect(new Set(paths).size).toBe(paths.length);
  });
});
