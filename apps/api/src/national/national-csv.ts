import type { NationalCell, NationalFigures, NationalSummary } from '@ccc/contracts';
import { FEWER_THAN_FIVE, WITHHELD } from '@ccc/programme';
import { type CsvTable, writeLongCsv } from '../common/csv';
import { itemAt } from '../common/lookup';

const PARTY_LABELS = { alliance: 'Alliance', pcn: 'PCN', ccc: 'CCC' } as const;
const NATION = 'England';

const cell = (c: NationalCell) => c.display;

/**
 * The national summary as CSV, one tidy long table (Table, Row, Row label, Column, Value; `writeLongCsv`): a row
 * per Alliance and one for the nation in each table, every figure as it reads on the page ("fewer than 5" and
 * "withheld" included), and a note on suppression.
 */
export function nationalCsv(summary: NationalSummary): string {
  const rows = (figures: (f: NationalFigures) => string[]) => [
    ...summary.alliances.map((a) => [a.allianceName, ...figures(a.figures)]),
    [NATION, ...figures(summary.national)],
  ];
  const tables: CsvTable[] = [
    {
      title: 'Enrolment and completion',
      columns: ['Alliance', 'Enrolled', 'Active', 'Completed', 'Withdrawn', 'Completed %'],
      rows: rows(({ enrolment: e }) => [e.enrolled, e.active, e.completed, e.withdrawn, e.completedPercent].map(cell)),
    },
    ...summary.expectations.map((x, i) => ({
      title: `Expectation met: ${x.title} (${PARTY_LABELS[x.party]})`,
      columns: ['Alliance', 'CCCs it applies to', 'CCCs meeting it', 'Met %'],
      rows: rows((f) => {
        const { counted, met, metPercent } = itemAt(f.expectations, i);
        return [counted, met, metPercent].map(cell);
      }),
    })),
    ...summary.statements.map((s, i) => ({
      title: `Survey: ${s.text}`,
      columns: ['Alliance', 'Answering', 'Agreed or strongly agreed %'],
      rows: rows((f) => {
        const { answering, agreedPercent } = itemAt(f.survey, i);
        return [answering, agreedPercent].map(cell);
      }),
    })),
    {
      title: 'About these figures',
      columns: ['Note'],
      rows: [
        [
          `Made ${summary.generatedAt}. A figure resting on fewer than ${summary.threshold} people reads "${FEWER_THAN_FIVE}"; ` +
            `a figure that would let one of those be worked out from the totals reads "${WITHHELD}".`,
        ],
      ],
    },
  ];
  // A spreadsheet must not read an Alliance's name as a formula: the shared writer neutralises every text cell.
  return writeLongCsv(tables);
}
