import {
  competencyActions,
  competencyTransition,
  droppedCodes,
  type CompetencyFramework,
  sameFramework,
  tnaRoundOpen,
  tnaSignBlocker,
  checkTrainingItem,
  trainingItemCompletedBy,
  validateFramework,
} from './competencies';
import { DEFAULT_FRAMEWORK } from './default-framework';

const small: CompetencyFramework = {
  key: 'small',
  name: 'Small',
  version: 1,
  scale: [
    { value: 1, label: 'Aware', description: '' },
    { value: 2, label: 'Able', description: 'Does it alone' },
  ],
  domains: [
    {
      key: 'one',
      title: 'One',
      description: '',
      competencies: [
        { code: 'A-1', title: 'First', description: 'd', evidenceGuidance: 'e' },
        { code: 'A-2', title: 'Second', description: 'd', evidenceGuidance: 'e' },
      ],
    },
  ],
};

describe('validating a competency framework', () => {
  it('accepts a well-formed framework and returns it trimmed', () => {
    const result = validateFramework({ ...small, name: '  Small  ' });
    expect(result).toEqual({ valid: true, framework: small, problems: [] });
  });

  it('collects every problem with its path', () => {
    const result = validateFramework({
      key: 'Bad Key',
      name: '',
      version: 0,
      scale: [{ value: 2, label: 'x' }],
      domains: [
        {
          key: 'one',
          title: 'One',
          competencies: [
            { code: 'A-1', title: 'T', description: 'D', evidenceGuidance: 'E' },
            { code: 'a-1', title: '', description: 'D', evidenceGuidance: 'E' },
          ],
        },
        { key: 'one', title: 'Again', competencies: [] },
      ],
    });
    expect(result.valid).toBe(false);
    const paths = result.valid ? [] : result.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'key',
        'name',
        'version',
        'scale',
        'domains[0].competencies[1].code',
        'domains[0].competencies[1].title',
        'domains[1].key',
        'domains[1].competencies',
      ]),
    );
  });

  it('refuses scale labels that the CSV form could not carry', () => {
    const result = validateFramework({
      ...small,
      scale: [
        { value: 1, label: 'A: b', description: '' },
        { value: 2, label: 'B', description: 'x | y' },
      ],
    });
    expect(result.valid ? [] : result.problems.map((p) => p.path)).toEqual(['scale[0].label', 'scale[1].description']);
  });

  it('refuses what is not an object', () => {
    expect(validateFramework(null)).toEqual({ valid: false, problems: [{ path: '', reason: 'must be an object' }] });
  });

  it('compares frameworks by content, whatever the version or key order', () => {
    const reordered = JSON.parse(
      JSON.stringify({ domains: small.domains, scale: small.scale, version: 7, name: small.name, key: small.key }),
    );
    expect(sameFramework(small, reordered)).toBe(true);
    expect(sameFramework(small, { ...small, name: 'Other' })).toBe(false);
  });

  it('names the codes a new version would drop', () => {
    const next = { ...small, domains: [{ ...small.domains[0]!, competencies: [small.domains[0]!.competencies[1]!] }] };
    expect(droppedCodes(small, next)).toEqual(['A-1']);
    expect(droppedCodes(small, DEFAULT_FRAMEWORK)).toEqual(['A-1', 'A-2']);
  });
});

describe('the progress of a competency', () => {
  it('goes from not started to signed off, through a return for more evidence', () => {
    expect(competencyTransition('not_started', 'start')).toEqual({ ok: true, to: 'working_towards' });
    expect(competencyTransition('working_towards', 'submit_evidence')).toEqual({ ok: true, to: 'evidence_submitted' });
    expect(competencyTransition('evidence_submitted', 'return', { comment: 'Add an example' })).toEqual({
      ok: true,
      to: 'working_towards',
    });
    expect(competencyTransition('working_towards', 'submit_evidence')).toEqual({ ok: true, to: 'evidence_submitted' });
    expect(competencyTransition('evidence_submitted', 'sign_off')).toEqual({ ok: true, to: 'signed_off' });
  });

  it('takes evidence before it was started, and more evidence while it waits', () => {
    expect(competencyTransition('not_started', 'submit_evidence')).toEqual({ ok: true, to: 'evidence_submitted' });
    expect(competencyTransition('evidence_submitted', 'submit_evidence')).toEqual({
      ok: true,
      to: 'evidence_submitted',
    });
  });

  it('returns only with a comment and withdraws a sign-off only with a reason', () => {
    expect(competencyTransition('evidence_submitted', 'return', { comment: '  ' })).toMatchObject({
      ok: false,
      field: 'comment',
    });
    expect(competencyTransition('signed_off', 'withdraw_sign_off')).toMatchObject({ ok: false, field: 'reason' });
    expect(competencyTransition('signed_off', 'withdraw_sign_off', { reason: 'Signed in error' })).toEqual({
      ok: true,
      to: 'working_towards',
    });
  });

  it('refuses what the state does not allow, in words', () => {
    expect(competencyTransition('signed_off', 'sign_off')).toEqual({
      ok: false,
      reason: 'A competency signed off cannot be signed off',
    });
    expect(competencyTransition('signed_off', 'submit_evidence').ok).toBe(false);
    expect(competencyTransition('working_towards', 'sign_off').ok).toBe(false);
    expect(competencyTransition('working_towards', 'start').ok).toBe(false);
  });

  it('offers each side only its own next steps', () => {
    expect(competencyActions('evidence_submitted', 'ccc')).toEqual(['submit_evidence']);
    expect(competencyActions('evidence_submitted', 'supervisor')).toEqual(['sign_off', 'return']);
    expect(competencyActions('signed_off', 'supervisor')).toEqual(['withdraw_sign_off']);
    expect(competencyActions('not_started', null)).toEqual([]);
  });
});

describe('the training needs analysis', () => {
  const ratings = (self: boolean, agreed: boolean) =>
    ['A-1', 'A-2'].map((code) => ({ code, selfRating: self ? 1 : null, agreedRating: agreed ? 2 : null }));
  const tna = (over: object = {}) => ({
    round: 1,
    cccSignedAt: null,
    supervisorSignedAt: null,
    ratings: ratings(true, true),
    ...over,
  });

  it('is signed once every competency has both ratings', () => {
    expect(tnaSignBlocker(small, tna(), 'ccc')).toBeNull();
    expect(tnaSignBlocker(small, tna({ ratings: ratings(false, true) }), 'ccc')).toBe(
      'The CCC has not rated themself yet on A-1, A-2',
    );
    expect(tnaSignBlocker(small, tna({ ratings: ratings(true, false) }), 'supervisor')).toBe(
      'No rating is agreed yet for A-1, A-2',
    );
  });

  it('is not signed twice by a side, nor after both have signed', () => {
    const at = '2026-01-01T00:00:00Z';
    expect(tnaSignBlocker(small, tna({ cccSignedAt: at }), 'ccc')).toBe('You have already signed this TNA');
    expect(tnaSignBlocker(small, tna({ cccSignedAt: at }), 'supervisor')).toBeNull();
    expect(tnaSignBlocker(small, tna({ cccSignedAt: at, supervisorSignedAt: at }), 'supervisor')).toBe(
      'This TNA is already signed by both',
    );
  });

  it('opens the second round once the first is signed by both', () => {
    expect(tnaRoundOpen(1, null)).toBe(true);
    expect(tnaRoundOpen(2, null)).toBe(false);
    expect(tnaRoundOpen(2, tna({ cccSignedAt: 'x' }))).toBe(false);
    expect(tnaRoundOpen(2, tna({ cccSignedAt: 'x', supervisorSignedAt: 'y' }))).toBe(true);
  });
});

describe('a training plan item', () => {
  const context = {
    durationMonths: 6,
    courses: [{ key: 'elfh-accend', title: 'e-LfH ACCEND Programme' }],
    teaching: [{ month: 2, topic: 'Prevention, screening, early diagnosis' }],
    framework: small,
  };

  it('takes its title from the course or the month of teaching', () => {
    expect(
      checkTrainingItem(
        { kind: 'course', courseKey: 'elfh-accend', targetMonth: 1, competencyCodes: ['A-1', 'A-1'] },
        context,
      ),
    ).toEqual({
      ok: true,
      item: {
        kind: 'course',
        title: 'e-LfH ACCEND Programme',
        courseKey: 'elfh-accend',
        targetMonth: 1,
        competencyCodes: ['A-1'],
      },
    });
    expect(checkTrainingItem({ kind: 'group_teaching', targetMonth: 2, competencyCodes: [] }, context)).toMatchObject({
      ok: true,
      item: { title: 'Group teaching: Prevention, screening, early diagnosis' },
    });
  });

  it('names each field at fault', () => {
    const fields = (result: ReturnType<typeof checkTrainingItem>) =>
      result.ok ? [] : result.problems.map((p) => p.field);
    expect(
      fields(checkTrainingItem({ kind: 'course', courseKey: 'nope', targetMonth: 9, competencyCodes: ['Z'] }, context)),
    ).toEqual(['targetMonth', 'courseKey', 'competencyCodes']);
    expect(fields(checkTrainingItem({ kind: 'group_teaching', targetMonth: 6, competencyCodes: [] }, context))).toEqual(
      ['targetMonth'],
    );
    expect(
      fields(checkTrainingItem({ kind: 'free', title: ' ', targetMonth: 3, competencyCodes: [] }, context)),
    ).toEqual(['title']);
  });
});

describe('the training plan item a session completes', () => {
  it('is the group teaching item for the monthly group teaching session, and none for any other kind', () => {
    expect(trainingItemCompletedBy('teaching')).toBe('group_teaching');
    for (const kind of ['individual', 'group', 'joint', 'tna', 'conference', 'handover'] as const)
      expect(trainingItemCompletedBy(kind)).toBeNull();
  });
});
