import { DEFAULT_FRAMEWORK } from './default-framework';
import { competenciesOf } from './competencies';
import { proposalTitle, type TnaNeedsFacts, trainingProposals } from './training-proposals';

const [first, second, third] = competenciesOf(DEFAULT_FRAMEWORK).map((c) => c.code);
const context = { framework: DEFAULT_FRAMEWORK, durationMonths: 12 };
const signed = (round: number, ratings: TnaNeedsFacts['ratings'], signedInMonth: number | null = 2): TnaNeedsFacts => ({
  round,
  cccSignedAt: '2026-10-01T10:00:00Z',
  supervisorSignedAt: '2026-10-02T10:00:00Z',
  signedInMonth,
  ratings,
});

describe('training proposals from the TNA', () => {
  it('proposes each agreed need of a round signed by both, in framework order, by the month after the TNA', () => {
    const proposals = trainingProposals(
      [
        signed(1, [
          { code: second!, agreedRating: 2, needs: '  Shadow a practice nurse on asthma reviews ' },
          { code: first!, agreedRating: 1, needs: 'Complete the e-LfH module' },
          { code: third!, agreedRating: 4, needs: null },
        ]),
      ],
      [],
      context,
    );
    expect(proposals).toEqual([
      {
        round: 1,
        code: first,
        needs: 'Complete the e-LfH module',
        title: 'Complete the e-LfH module',
        targetMonth: 3,
        competencyCodes: [first],
      },
      {
        round: 1,
        code: second,
        needs: 'Shadow a practice nurse on asthma reviews',
        title: 'Shadow a practice nurse on asthma reviews',
        targetMonth: 3,
        competencyCodes: [second],
      },
    ]);
  });

  it('proposes nothing from a round not yet signed by both, or from blank needs', () => {
    const unsigned = {
      ...signed(1, [{ code: first!, agreedRating: 1, needs: 'Read the toolkit' }]),
      cccSignedAt: null,
    };
    expect(trainingProposals([unsigned], [], context)).toEqual([]);
    expect(trainingProposals([signed(1, [{ code: first!, agreedRating: 1, needs: '   ' }])], [], context)).toEqual([]);
  });

  it('leaves out needs already accepted or dropped, round by round, and codes not in the framework', () => {
    const rounds = [
      signed(1, [
        { code: first!, agreedRating: 1, needs: 'Round one need' },
        { code: 'NOT-A-CODE', agreedRating: 1, needs: 'Stray' },
      ]),
      signed(2, [{ code: first!, agreedRating: 2, needs: 'Round two need' }], 7),
    ];
    expect(trainingProposals(rounds, [{ round: 1, code: first! }], context)).toEqual([
      expect.objectContaining({ round: 2, code: first, targetMonth: 8 }),
    ]);
  });

  it('keeps the suggested month inside the programme', () => {
    const need = [{ code: first!, agreedRating: 1, needs: 'A need' }];
    expect(trainingProposals([signed(1, need, 12)], [], context)[0]!.targetMonth).toBe(12);
    // Signed before the programme started (or after it ended): the first month, to be edited.
    expect(trainingProposals([signed(1, need, null)], [], context)[0]!.targetMonth).toBe(1);
  });

  it('titles the item with the need’s first line, cut to 200 characters', () => {
    expect(proposalTitle('Attend the asthma course\nthen reflect on it')).toBe('Attend the asthma course');
    const long = proposalTitle('x'.repeat(300));
    expect(long).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
  });
});
