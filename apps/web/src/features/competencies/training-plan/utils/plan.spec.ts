import { describe, expect, it } from '@jest/globals';
import type { TrainingPlanItemView } from '@ccc/contracts';
import {
  EMPTY_ADD_ITEM,
  addItemFieldFor,
  itemsByMonth,
  monthsFor,
  progressText,
  toCreateItemRequest,
  validateAddItem,
  validateCompletedOn,
} from './plan';

const plan = {
  courses: [{ key: 'elfh', title: 'e-LfH ACCEND' }],
  teaching: [
    { month: 3, topic: 'Health inequalities' },
    { month: 1, topic: 'Induction' },
  ],
  durationMonths: 6,
};

function item(id: string, title: string, targetMonth: number): TrainingPlanItemView {
  return {
    id,
    kind: 'free',
    title,
    courseKey: null,
    targetMonth,
    competencyCodes: [],
    done: false,
    completedOn: null,
    completedVia: null,
    sessionId: null,
    certificate: null,
    version: 1,
  };
}

describe('the training plan', () => {
  it('groups items by target month, in order', () => {
    const groups = itemsByMonth([item('a', 'Zeta', 3), item('b', 'Alpha', 3), item('c', 'Mid', 1)]);
    expect(groups.map((g) => [g.month, g.items.map((i) => i.title)])).toEqual([
      [1, ['Mid']],
      [3, ['Alpha', 'Zeta']],
    ]);
  });

  it('says how far through the plan the CCC is', () => {
    expect(progressText(0, 0)).toBe('No items in the plan yet');
    expect(progressText(0, 1)).toBe('0 of 1 item done');
    expect(progressText(3, 8)).toBe('3 of 8 items done');
  });

  it('checks a new item: its kind, the course, a title for other learning, and a month', () => {
    expect(validateAddItem(EMPTY_ADD_ITEM, plan)).toEqual({
      kind: 'Select what kind of item it is',
      targetMonth: 'Select the month to do it by',
    });
    expect(validateAddItem({ ...EMPTY_ADD_ITEM, kind: 'course', targetMonth: '2' }, plan)).toEqual({
      courseKey: 'Select the course',
    });
    expect(validateAddItem({ ...EMPTY_ADD_ITEM, kind: 'free', targetMonth: '9' }, plan)).toEqual({
      title: 'Enter what the item is, for example shadowing a practice nurse',
      targetMonth: 'Select a month of the programme, 1 to 6',
    });
    expect(validateAddItem({ ...EMPTY_ADD_ITEM, kind: 'group_teaching', targetMonth: '2' }, plan).targetMonth).toMatch(
      /no group teaching in month 2/,
    );
    expect(validateAddItem({ ...EMPTY_ADD_ITEM, kind: 'group_teaching', targetMonth: '3' }, plan)).toEqual({});
  });

  it('makes the request each kind needs', () => {
    expect(
      toCreateItemRequest({
        kind: 'course',
        courseKey: 'elfh',
        title: 'x',
        targetMonth: '2',
        competencyCodes: ['A', 'A'],
      }),
    ).toEqual({ kind: 'course', courseKey: 'elfh', targetMonth: 2, competencyCodes: ['A'] });
    expect(
      toCreateItemRequest({ kind: 'free', courseKey: '', title: ' Shadowing ', targetMonth: '4', competencyCodes: [] }),
    ).toEqual({ kind: 'free', title: 'Shadowing', targetMonth: 4, competencyCodes: [] });
    expect(toCreateItemRequest(EMPTY_ADD_ITEM)).toBeNull();
  });

  it('offers group teaching only in months that have it', () => {
    expect(monthsFor('group_teaching', plan).map((m) => m.label)).toEqual([
      'Month 1: Induction',
      'Month 3: Health inequalities',
    ]);
    expect(monthsFor('free', plan)).toHaveLength(6);
  });

  it('puts the API’s field errors on the form', () => {
    expect(addItemFieldFor('targetMonth')).toBe('targetMonth');
    expect(addItemFieldFor('competencyCodes.0')).toBe('competencyCodes');
    expect(addItemFieldFor('version')).toBeNull();
  });

  it('needs a date done, not in the future', () => {
    expect(validateCompletedOn('', '2026-03-03')).toBe('Enter the date you did it');
    expect(validateCompletedOn('2026-13-45', '2026-03-03')).toBe('Enter a real date');
    expect(validateCompletedOn('2026-03-04', '2026-03-03')).toBe('The date must be today or in the past');
    expect(validateCompletedOn('2026-03-03', '2026-03-03')).toBeNull();
  });
});
