import { useId } from 'react';

export interface BarChartRow {
  key: string;
  label: string;
  /** The part done, drawn as the bar… */
  value: number;
  /** …of this whole, drawn as the track; 0 draws an empty track. */
  of: number;
}

interface BarChartProps {
  title: string;
  rows: readonly BarChartRow[];
  /** The id of the table with the same figures: the chart says where it is, for those who cannot see it. */
  tableId: string;
}

const WIDTH = 640;
const LABEL = 250;
const ROW = 36;
const BAR = 18;

function percent(value: number, of: number): number {
  return of > 0 ? Math.min(100, Math.round((value / of) * 100)) : 0;
}

/**
 * A horizontal bar chart in SVG: one bar per row, the share of its whole, with the figures written beside it. It is
 * an image with a name and a description that sums it up in words and points to the table with the same figures, so
 * nothing rests on seeing it; the bars carry no meaning in colour alone (the numbers are written).
 */
export function BarChart({ title, rows, tableId }: BarChartProps) {
  const id = useId();
  const height = rows.length * ROW + 8;
  const summary = rows.map((row) => `${row.label}: ${row.value} of ${row.of} (${percent(row.value, row.of)}%)`);
  return (
    <figure className="app-bar-chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
        focusable="false"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{`${summary.join('. ')}. The same figures are in the table below.`}</desc>
        {rows.map((row, index) => {
          const y = index * ROW + 4;
          const track = WIDTH - LABEL - 110;
          const fill = (percent(row.value, row.of) / 100) * track;
          return (
            <g key={row.key} aria-hidden="true">
              <text x={0} y={y + BAR - 4} className="app-bar-chart__label">
                {row.label.length > 34 ? `${row.label.slice(0, 33)}…` : row.label}
              </text>
              <rect x={LABEL} y={y} width={track} height={BAR} className="app-bar-chart__track" />
              <rect x={LABEL} y={y} width={fill} height={BAR} className="app-bar-chart__bar" />
              <text x={LABEL + track + 8} y={y + BAR - 4} className="app-bar-chart__value">
                {`${row.value} of ${row.of}`}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="nhsuk-body-s">
        {title}. <a href={`#${tableId}`}>The figures as a table</a>.
      </figcaption>
    </figure>
  );
}
