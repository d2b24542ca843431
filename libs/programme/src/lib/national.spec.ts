import { DEFAULT_TEMPLATE } from './default-template';
import type { ExpectationResult } from './expectations';
import type { LikertLevel } from './month-six';
import {
  type NationalCell,
  type NationalEnrolmentInput,
  nationalFigures,
  type NationalResponseInput,
} from './national';
import type { Track } from './template';

const expectation = (key: string) => DEFAULT_TEMPLATE.expectations.find((e) => e.key === key)!;

function result(key: string, met: boolean): ExpectationResult {
  const { party, title } = expectation(key);
  return {
    key,
    party,
    title,
    state: met ? 'met' : 'on_track',
    evidence: '',
    progress: { done: met ? 6 : 2, target: 6 },
  };
}

/** `n` enrolments of an Alliance; the first `individualMet` met "6 individual sessions", the first `jointMet` the PCN's. */
function enrolments(
  allianceId: string,
  statuses: Partial<Record<NationalEnrolmentInput['status'], number>>,
  { individualMet = 0, jointMet = 0, track = 'supervision' as Track } = {},
): NationalEnrolmentInput[] {
  const list = Object.entries(statuses).flatMap(([status, n]) =>
    Array.from({ length: n }, () => status as NationalEnrolmentInput['status']),
  );
  return list.map((status, i) => ({
    allianceId,
    status,
    template: DEFAULT_TEMPLATE,
    track,
    results: [result('alliance-individual', i < individualMet), result('pcn-joint-sessions', i < jointMet)],
  }));
}

function responses(allianceId: string, statementId: string, levels: LikertLevel[]): NationalResponseInput[] {
  return levels.map((level) => ({ allianceId, likert: { [statementId]: level } }));
}

const value = (cell: NationalCell) => (cell.suppressed ? cell.display : cell.value);

describe('the national figures', () => {
  const alliances = [
    { id: 'a', name: 'Alliance A' },
    { id: 'b', name: 'Alliance B' },
  ];

  it('adds up enrolment, completion, expectations met and the share agreed, per Alliance and for the nation', () => {
    const out = nationalFigures({
      alliances,
      enrolments: [
        ...enrolments('a', { active: 10, completed: 5, withdrawn: 5 }, { individualMet: 8, jointMet: 5 }),
        ...enrolments('b', { active: 6, completed: 5, withdrawn: 7 }, { individualMet: 6, jointMet: 9 }),
        // Training-track CCCs have no supervision sessions planned: counted in enrolment, not against those.
        ...enrolments('b', { active: 5 }, { track: 'training' }),
      ],
      responses: [
        ...responses('a', 'confident-in-role', ['agree', 'strongly_agree', 'agree', 'agree', 'neither', 'disagree']),
        ...responses('b', 'confident-in-role', ['agree', 'agree', 'agree', 'strongly_agree', 'agree']),
      ],
      templates: [DEFAULT_TEMPLATE],
    });
    const [a, b] = out.alliances;
    expect(a!.allianceName).toBe('Alliance A');
    const enrolment = (f: typeof out.national) => Object.values(f.enrolment).map(value);
    expect(enrolment(a!.figures)).toEqual([20, 10, 5, 5, 25]);
    expect(enrolment(b!.figures)).toEqual([23, 11, 5, 7, 22]);
    expect(enrolment(out.national)).toEqual([43, 21, 10, 12, 23]);

    expect(out.expectations.map((e) => e.expectationKey)).toEqual(['alliance-individual', 'pcn-joint-sessions']);
    const met = (f: typeof out.national) =>
      f.expectations.map((e) => [value(e.counted), value(e.met), value(e.metPercent)]);
    expect(met(a!.figures)).toEqual([
      [20, 8, 40],
      [20, 5, 25],
    ]);
    expect(met(b!.figures)).toEqual([
      [18, 6, 33],
      [18, 9, 50],
    ]);
    expect(met(out.national)).toEqual([
      [38, 14, 37],
      [38, 14, 37],
    ]);

    // Every statement of the template has a row; only one was answered.
    expect(out.statements.map((s) => s.id)).toEqual(DEFAULT_TEMPLATE.evaluation.statements.map((s) => s.id));
    const confident = (f: typeof out.national) => f.survey.find((s) => s.statementId === 'confident-in-role')!;
    expect(confident(a!.figures).answering.value).toBe(6);
    expect(confident(a!.figures).agreedPercent).toEqual({ value: 67, display: '67%', suppressed: null });
    expect(confident(b!.figures).agreedPercent.display).toBe('100%');
    expect(confident(out.national).agreedPercent).toMatchObject({ value: 82, display: '82%' });
    expect(confident(out.national).answering.display).toBe('11');
    const unanswered = out.national.survey.find((s) => s.statementId === 'would-recommend')!;
    expect(unanswered.agreedPercent.display).toBe('fewer than 5');
  });

  it('shows a count under 5 as "fewer than 5" and withholds the next smallest of its column', () => {
    const out = nationalFigures({
      alliances: [...alliances, { id: 'c', name: 'Alliance C' }],
      enrolments: [
        ...enrolments('a', { active: 30, completed: 10, withdrawn: 6 }),
        ...enrolments('b', { active: 20, completed: 8, withdrawn: 7 }),
        ...enrolments('c', { active: 15, completed: 9, withdrawn: 3 }),
      ],
      responses: [],
      templates: [DEFAULT_TEMPLATE],
    });
    const withdrawn = [...out.alliances.map((a) => a.figures), out.national].map((f) => f.enrolment.withdrawn);
    expect(withdrawn.map((c) => c.display)).toEqual(['withheld', '7', 'fewer than 5', '16']);
    expect(withdrawn[2]).toEqual({ value: null, display: 'fewer than 5', suppressed: 'fewer_than_5' });
    // C's row: 27 = 15 + 9 + (fewer than 5) would give the 3 away, so another of the row goes too.
    const c = out.alliances[2]!.figures.enrolment;
    expect([c.enrolled, c.active, c.completed].filter((cell) => cell.suppressed)).toHaveLength(1);
    // A withheld figure takes its share with it.
    expect(c.completedPercent.value === null).toBe(c.completed.value === null || c.enrolled.value === null);
    expect(out.national.enrolment.enrolled.value).toBe(108);
  });

  it('never leaves exactly one hidden figure in a column or along an Alliance’s row', () => {
    const out = nationalFigures({
      alliances: [...alliances, { id: 'c', name: 'Alliance C' }, { id: 'd', name: 'Alliance D' }],
      enrolments: [
        ...enrolments('a', { active: 12, completed: 2 }, { individualMet: 3, jointMet: 9 }),
        ...enrolments('b', { active: 8, withdrawn: 1 }, { individualMet: 7 }),
        ...enrolments('c', { active: 40, completed: 6, withdrawn: 5 }, { individualMet: 20, jointMet: 4 }),
      ],
      responses: [
        ...responses('a', 'reduced-workload', ['agree', 'agree', 'disagree', 'agree', 'agree', 'agree', 'agree']),
        ...responses('b', 'reduced-workload', ['agree', 'disagree']),
        ...responses('c', 'reduced-workload', ['agree', 'agree', 'agree', 'agree', 'agree']),
      ],
      templates: [DEFAULT_TEMPLATE],
    });
    const rows = [...out.alliances.map((a) => a.figures), out.national];
    const columns: NationalCell[][] = [
      ...(['enrolled', 'active', 'completed', 'withdrawn'] as const).map((k) => rows.map((f) => f.enrolment[k])),
      ...out.expectations.flatMap((_, i) => [
        rows.map((f) => f.expectations[i]!.counted),
        rows.map((f) => f.expectations[i]!.met),
      ]),
      ...out.statements.map((_, i) => rows.map((f) => f.survey[i]!.answering)),
    ];
    const alongRows = rows.map((f) => Object.values(f.enrolment).slice(0, 4));
    for (const cells of [...columns, ...alongRows]) expect(cells.filter((c) => c.suppressed)).not.toHaveLength(1);
    // D has no one: "fewer than 5" everywhere, never a 0.
    expect(Object.values(out.alliances[3]!.figures.enrolment).every((c) => c.display === 'fewer than 5')).toBe(true);
    // Every count under 5 reads "fewer than 5".
    expect(out.alliances[0]!.figures.enrolment.completed.display).toBe('fewer than 5');
    expect(out.alliances[0]!.figures.expectations[0]!.met.display).toBe('fewer than 5');
    // B's 2 answers: its share is "fewer than 5"; the nation's 14 show.
    const workload = (f: (typeof rows)[number]) => f.survey.find((s) => s.statementId === 'reduced-workload')!;
    expect(workload(out.alliances[1]!.figures).agreedPercent.display).toBe('fewer than 5');
    expect(workload(out.national).answering.value).toBe(14);
    expect(workload(out.national).agreedPercent.value).toBe(86);
  });

  it('puts an enrolment of an Alliance not listed nowhere, so that the nation is the sum of the rows', () => {
    const out = nationalFigures({
      alliances,
      enrolments: [...enrolments('a', { active: 7 }), ...enrolments('elsewhere', { active: 9 })],
      responses: [],
      templates: [DEFAULT_TEMPLATE],
    });
    expect(out.national.enrolment.enrolled.value).toBe(7);
  });
});
