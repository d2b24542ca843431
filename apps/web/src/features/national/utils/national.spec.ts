import type { NationalFigures, NationalSummary } from '@ccc/contracts';
import { describe, expect, it } from '@jest/globals';
import { figureRows, NATION_LABEL } from './national';

const figures = {} as NationalFigures;

describe('figureRows', () => {
  it('lists each Alliance as the API orders them, then the nation as the total row', () => {
    const summary = {
      alliances: [
        { allianceId: 'a', allianceName: 'Greater Manchester', figures },
        { allianceId: 'b', allianceName: 'Wessex', figures },
      ],
      national: figures,
    } as NationalSummary;
    expect(figureRows(summary).map(({ key, label, total }) => [key, label, total])).toEqual([
      ['a', 'Greater Manchester', false],
      ['b', 'Wessex', false],
      ['nation', NATION_LABEL, true],
    ]);
  });
});
