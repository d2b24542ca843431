import type { CompetencyFramework } from './competencies';
import {
  blockingRemovals,
  frameworkChanges,
  importMovesCohort,
  type RecordedCompetency,
  wordingShown,
} from './framework-change';

function framework(version: number, competencies: [string, string, string?][]): CompetencyFramework {
  return {
    key: 'mine',
    name: 'Mine',
    version,
    scale: [{ value: 1, label: 'Aware', description: 'Knows of it' }],
    domains: [
      {
        key: 'd',
        title: 'Domain',
        description: 'A domain',
        competencies: competencies.map(([code, title, description]) => ({
          code,
          title,
          description: description ?? `About ${code}`,
          evidenceGuidance: '',
        })),
      },
    ],
  };
}

describe('which cohorts an import moves', () => {
  it('moves a cohort that has not started, and pins one that has started (or finished)', () => {
    expect(importMovesCohort('2026-12-01', '2026-11-30')).toBe(true);
    expect(importMovesCohort('2026-12-01', '2026-12-01')).toBe(false);
    expect(importMovesCohort('2026-06-01', '2026-12-01')).toBe(false);
  });
});

describe('what moving a cohort to another framework version changes', () => {
  const v1 = framework(1, [
    ['A', 'Alpha'],
    ['B', 'Beta'],
    ['C', 'Gamma'],
  ]);
  const v2 = framework(2, [
    ['A', 'Alpha'],
    ['B', 'Beta, reworded'],
    ['C', 'Gamma', 'A new description'],
    ['D', 'Delta'],
  ]);
  const recorded: RecordedCompetency[] = [
    { enrolmentId: 'e1', code: 'B', state: 'signed_off' },
    { enrolmentId: 'e2', code: 'B', state: 'working_towards' },
    { enrolmentId: 'e1', code: 'C', state: 'tna_rated' },
  ];

  it('lists added, reworded (with how many CCCs signed it off) and unchanged competencies', () => {
    const changes = frameworkChanges(v1, v2, recorded);
    expect(changes.added).toEqual([{ code: 'D', title: 'Delta' }]);
    expect(changes.removed).toEqual([]);
    expect(changes.unchanged).toBe(1);
    expect(changes.reworded).toEqual([
      {
        code: 'B',
        from: { title: 'Beta', description: 'About B' },
        to: { title: 'Beta, reworded', description: 'About B' },
        signedOffFor: 1,
      },
      {
        code: 'C',
        from: { title: 'Gamma', description: 'About C' },
        to: { title: 'Gamma', description: 'A new description' },
        signedOffFor: 0,
      },
    ]);
    expect(blockingRemovals(changes)).toEqual([]);
  });

  it('lists a removed competency with how many CCCs have a record against it, which blocks the move', () => {
    const changes = frameworkChanges(v2, v1, [...recorded, { enrolmentId: 'e3', code: 'D', state: 'working_towards' }]);
    expect(changes.removed).toEqual([{ code: 'D', title: 'Delta', recordedFor: 1 }]);
    expect(blockingRemovals(changes)).toEqual([{ code: 'D', title: 'Delta', recordedFor: 1 }]);
    expect(blockingRemovals(frameworkChanges(v2, v1, []))).toEqual([]);
  });
});

describe('the wording a CCC sees', () => {
  const current = { title: 'Beta, reworded', description: 'Now' };

  it('is the wording signed, once signed off', () => {
    expect(wordingShown(current, { title: 'Beta', description: 'Then' })).toEqual({
      title: 'Beta',
      description: 'Then',
    });
  });

  it("is the framework's current wording otherwise", () => {
    expect(wordingShown(current, null)).toEqual(current);
    expect(wordingShown(current, undefined)).toEqual(current);
  });
});
