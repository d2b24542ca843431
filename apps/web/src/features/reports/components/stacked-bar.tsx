import type { LikertLevel } from '@ccc/programme';
import { distributionText, stackedSegments } from '../utils/report';

/**
 * A statement's answers as one bar, strongly disagree (left) to strongly agree (right). The colours repeat what the
 * text under the bar says, so nothing depends on seeing them; the bar itself is hidden from screen readers.
 */
export function StackedBar({ distribution }: { distribution: Record<LikertLevel, number> }) {
  const segments = stackedSegments(distribution);
  return (
    <div className="app-stacked">
      <span className="app-stacked__bar" aria-hidden="true">
        {segments
          .filter((segment) => segment.count > 0)
          .map((segment) => (
            <span
              key={segment.level}
              className={`app-stacked__segment app-stacked__segment--${segment.level}`}
              style={{ width: `${segment.width}%` }}
              title={`${segment.label}: ${segment.count}`}
            />
          ))}
      </span>
      <span className="app-stacked__text">{distributionText(distribution)}</span>
    </div>
  );
}

/** The key to the bars' colours, once above the table. */
export function StackedBarKey() {
  const segments = stackedSegments({ strongly_disagree: 0, disagree: 0, neither: 0, agree: 0, strongly_agree: 0 });
  return (
    <ul className="app-stacked-key" aria-hidden="true">
      {segments.map((segment) => (
        <li key={segment.level}>
          <span className={`app-stacked__swatch app-stacked__segment--${segment.level}`} />
          {segment.label}
        </li>
      ))}
    </ul>
  );
}
