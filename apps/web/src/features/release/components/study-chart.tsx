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
    <figure className="app-study-chart" aria-labelledby={`${id}-caption`}>
      <figcaption className="app-study-chart__caption" id={`${id}-caption`}>
        {title}, last {weeks.length} weeks{bandText && <span className="app-study-chart__band-text">: {bandText}</span>}
      </figcaption>
      {weeks.length === 0 ? (
        <p>No weeks to show.</p>
      ) : (
        <ul className="app-study-chart__bars">
          {weeks.map((week) => {
            const total = week.confirmedMinutes + week.pendingMinutes;
            return (
              <li
                key={week.week}
                className={`app-study-chart__week app-study-chart__week--${week.state}`}
                data-week={week.week}
              >
                <span className="nhsuk-u-visually-hidden">{describeStudyWeek(week, shown)}</span>
                <span className="app-study-chart__column" aria-hidden="true">
                  {band && (
                    <span
                      className="app-study-chart__band"
                      style={{ bottom: percent(band.min, scale), height: percent(band.max - band.min, scale) }}
                    />
                  )}
                  <span className="app-study-chart__bar" style={{ height: percent(week.confirmedMinutes, scale) }} />
                  {week.pendingMinutes > 0 && (
                    <span
                      className="app-study-chart__bar app-study-chart__bar--pending"
                      style={{
                        bottom: percent(week.confirmedMinutes, scale),
                        height: percent(week.pendingMinutes, scale),
                      }}
                    />
                  )}
                  <span className="app-study-chart__value" style={{ bottom: percent(total, scale) }}>
                    {hours(week.confirmedMinutes)}
                  </span>
                </span>
                <span className="app-study-chart__label" aria-hidden="true">
                  {weekShortLabel(week.week)}
                </span>
                <span className={`app-study-chart__state app-study-chart__state--${week.state}`} aria-hidden="true">
                  {WEEK_STATE_LABELS[week.state]}
                </span>
                {week.declinedMinutes > 0 && (
                  <span className="app-study-chart__declined" aria-hidden="true">
                    PCN declined {hours(week.declinedMinutes)} h
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p className="app-study-chart__key" aria-hidden="true">
        <span className="app-study-chart__swatch" /> Confirmed{' '}
        <span className="app-study-chart__swatch app-study-chart__swatch--pending" /> Waiting{' '}
        {band && (
          <>
            <span className="app-study-chart__swatch app-study-chart__swatch--band" /> Agreed band (Low: below it, OK:
            in it, High: above it)
          </>
        )}
      </p>
    </figure>
  );
}
