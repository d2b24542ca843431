import { hours, type StudyWeek } from '@ccc/programme';
import { WEEK_STATE_LABELS, describeStudyWeek, weekShortLabel } from '../utils/weeks';

interface StudyChartProps {
  id: string;
  weeks: StudyWeek[];
  /** The weekly range agreed (the seed: 1 to 2 hours); the band is drawn when known. */
  band: { min: number; max: number } | null;
  /** e.g. "Sam Taylor's protected study time" */
  title: string;
}

/** The chart's height in minutes: room above the band and the tallest bar. */
function scaleOf(weeks: StudyWeek[], band: StudyChartProps['band']): number {
  const tallest = Math.max(0, ...weeks.map((w) => w.confirmedMinutes + w.pendingMinutes));
  return Math.max(tallest, band ? band.max * 1.5 : 180, 60);
}

const percent = (minutes: number, scale: number) => `${Math.min(100, (minutes / scale) * 100)}%`;

/**
 * Protected study time for the last 8 ISO weeks: a bar per week (confirmed solid, waiting hatched) against the
 * agreed band. Each bar carries its week in words (hidden visually), and the state is written under it, so
 * nothing rests on colour or on seeing the bars.
 */
export function StudyChart({ id, weeks, band, title }: StudyChartProps) {
  const scale = scaleOf(weeks, band);
  const bandText = band ? `the ${hours(band.min)} to ${hours(band.max)} hours a week agreed` : null;
  const shown = band ?? { min: 60, max: 120 };
  return (
    <figure className="study-chart" aria-labelledby={`${id}-caption`}>
      <figcaption className="study-chart__caption" id={`${id}-caption`}>
        {title}, last {weeks.length} weeks{bandText && <span className="study-chart__band-text">: {bandText}</span>}
      </figcaption>
      {weeks.length === 0 ? (
        <p>No weeks to show.</p>
      ) : (
        <ul className="study-chart__bars">
          {weeks.map((week) => {
            const total = week.confirmedMinutes + week.pendingMinutes;
            return (
              <li
                key={week.week}
                className={`study-chart__week study-chart__week--${week.state}`}
                data-week={week.week}
              >
                <span className="visually-hidden">{describeStudyWeek(week, shown)}</span>
                <span className="study-chart__column" aria-hidden="true">
                  {band && (
                    <span
                      className="study-chart__band"
                      style={{ bottom: percent(band.min, scale), height: percent(band.max - band.min, scale) }}
                    />
                  )}
                  <span className="study-chart__bar" style={{ height: percent(week.confirmedMinutes, scale) }} />
                  {week.pendingMinutes > 0 && (
                    <span
                      className="study-chart__bar study-chart__bar--pending"
                      style={{
                        bottom: percent(week.confirmedMinutes, scale),
                        height: percent(week.pendingMinutes, scale),
                      }}
                    />
                  )}
                  <span className="study-chart__value" style={{ bottom: percent(total, scale) }}>
                    {hours(week.confirmedMinutes)}
                  </span>
                </span>
                <span className="study-chart__label" aria-hidden="true">
                  {weekShortLabel(week.week)}
                </span>
                <span className={`study-chart__state study-chart__state--${week.state}`} aria-hidden="true">
                  {WEEK_STATE_LABELS[week.state]}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <p className="study-chart__key" aria-hidden="true">
        <span className="study-chart__swatch" /> Confirmed{' '}
        <span className="study-chart__swatch study-chart__swatch--pending" /> Waiting{' '}
        {band && (
          <>
            <span className="study-chart__swatch study-chart__swatch--band" /> Agreed band (Low: below it, OK: in it,
            High: above it)
          </>
        )}
      </p>
    </figure>
  );
}
