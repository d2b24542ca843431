import type { TimelineMonth } from '@ccc/contracts';

interface MonthJumpListProps {
  months: readonly TimelineMonth[];
  /** Called before the browser follows the link, so a collapsed past month is open when it lands there. */
  onJump: (month: number) => void;
}

/** "Jump to" links, one a month, so a long timeline is a click from any month. */
export function MonthJumpList({ months, onJump }: MonthJumpListProps) {
  return (
    <nav className="app-month-jump" aria-labelledby="month-jump-heading">
      <h3 className="nhsuk-heading-xs nhsuk-u-margin-bottom-2" id="month-jump-heading">
        Jump to a month
      </h3>
      <ul className="nhsuk-list app-month-jump__list">
        {months.map((month) => (
          <li key={month.month}>
            <a
              href={`#month-${month.month}`}
              aria-current={month.state === 'current' ? 'true' : undefined}
              onClick={() => onJump(month.month)}
            >
              Month {month.month}
              {month.state === 'current' && <span className="nhsuk-u-visually-hidden"> (this month)</span>}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
