import { DEFAULT_TEMPLATE } from './default-template';
import { plannedSessions } from './schedule';

describe('planned sessions from an edited template', () => {
  it('follows the data: a training-track item added to month 4 appears for training-track CCCs only in month 4', () => {
    const template = structuredClone(DEFAULT_TEMPLATE);
    template.plan.push({
      key: 'm4-tna',
      month: 4,
      kind: 'tna',
      title: 'Training needs analysis review',
      purpose: 'Review the training plan',
      participants: ['ccc', 'alliance_supervisor'],
      durationMinutes: { min: 30, max: 60 },
      mode: 'virtual',
      tracks: ['training', 'supervision'],
      sharedByCohort: false,
    });
    const training = plannedSessions(template, 'training');
    expect(training.filter((s) => s.kind === 'tna').map((s) => [s.planItemKey, s.month])).toEqual([
      ['m1-tna', 1],
      ['m4-tna', 4],
    ]);
    expect(training.map((s) => s.month)).toEqual([1, 1, 2, 3, 4, 4, 5, 6]);
  });

  it('drops the teaching of a month removed from the template', () => {
    const template = structuredClone(DEFAULT_TEMPLATE);
    template.teaching = template.teaching.filter((t) => t.month !== 3);
    const teachingMonths = plannedSessions(template, 'supervision')
      .filter((s) => s.kind === 'teaching')
      .map((s) => s.month);
    expect(teachingMonths).toEqual([1, 2, 4, 5]);
  });

  it('titles group teaching by its topic and carries its duration and mode', () => {
    const template = structuredClone(DEFAULT_TEMPLATE);
    template.teaching = [
      { month: 2, topic: 'Safety netting', durationMinutes: { min: 30, max: 45 }, mode: 'face_to_face' },
    ];
    const teaching = plannedSessions(template, 'training').filter((s) => s.kind === 'teaching');
    expect(teaching).toEqual([
      {
        planItemKey: 'teaching-m2',
        month: 2,
        kind: 'teaching',
        title: 'Group teaching: Safety netting',
        purpose: 'Safety netting',
        participants: ['ccc', 'alliance_supervisor'],
        durationMinutes: { min: 30, max: 45 },
        mode: 'face_to_face',
        sharedByCohort: true,
      },
    ]);
  });

  it('does not change the template it reads', () => {
    const before = structuredClone(DEFAULT_TEMPLATE);
    plannedSessions(DEFAULT_TEMPLATE, 'supervision');
    plannedSessions(DEFAULT_TEMPLATE, 'training');
    expect(DEFAULT_TEMPLATE).toEqual(before);
  });
});
