import type { NationalFigures, NationalSummary } from '@ccc/contracts';

/** The row of the nation's totals, below the Alliances. */
export const NATION_LABEL = 'England (all Alliances)';

export interface FigureRow {
  key: string;
  label: string;
  figures: NationalFigures;
  total: boolean;
}

/** A row per Alliance, by name, then the nation's. */
export function figureRows(summary: NationalSummary): FigureRow[] {
  return [
    ...summary.alliances.map((a) => ({ key: a.allianceId, label: a.allianceName, figures: a.figures, total: false })),
    { key: 'nation', label: NATION_LABEL, figures: summary.national, total: true },
  ];
}
