import type { InboxItem } from '@ccc/contracts';
import { Link } from 'react-router';
import { competencyPath } from '../../api/get-competency';
import { formatDay } from '../../utils/dates';
import { REVIEW_OUTCOME_LABELS } from '../../utils/labels';

/** On the CCC's home: competencies their Alliance supervisor returned for more evidence, newest first. */
export function ReturnedToYou({ items, headingLevel = 3 }: { items: InboxItem[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="returned-heading" data-returned-count={items.length}>
      <Heading className="nhsuk-heading-s" id="returned-heading">
        Returned to you
      </Heading>
      <ul className="nhsuk-list app-rows">
        {items.map((item) => (
          <li className="app-rows__item" key={`${item.enrolmentId}:${item.competency.code}`}>
            <p className="nhsuk-u-margin-bottom-1">
              <Link to={`${competencyPath(item.enrolmentId, item.competency.code)}#add-evidence`}>
                {item.competency.title}
              </Link>
              <span className="app-secondary-text">
                {item.outcome ? REVIEW_OUTCOME_LABELS[item.outcome] : 'Returned'}
                {item.reviewer && ` by ${item.reviewer.fullName}`} on{' '}
                <time dateTime={item.since}>{formatDay(item.since)}</time>
              </span>
            </p>
            {item.comment && <p className="app-preserve-lines">{item.comment}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
