import type { ProficiencyLevel } from '@ccc/programme';
import { Details } from '../../../components/details';

/** The framework's proficiency scale, for whoever rates against it. */
export function ScaleDetails({
  scale,
  summary = 'What the ratings mean',
}: {
  scale: ProficiencyLevel[];
  summary?: string;
}) {
  return (
    <Details summary={summary}>
      <dl className="nhsuk-summary-list nhsuk-summary-list--no-border">
        {scale.map((level) => (
          <div className="nhsuk-summary-list__row" key={level.value}>
            <dt className="nhsuk-summary-list__key">
              {level.value}: {level.label}
            </dt>
            <dd className="nhsuk-summary-list__value">{level.description || '–'}</dd>
          </div>
        ))}
      </dl>
    </Details>
  );
}
