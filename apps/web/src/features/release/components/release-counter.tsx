import { hours } from '@ccc/programme';

interface ReleaseCounterProps {
  id: string;
  confirmedMinutes: number;
  /** The cap agreed for the programme (5 days of 7.5 hours by default); null when the template sets none. */
  totalMinutes: number | null;
  hoursPerDay?: number;
}

/**
 * "21.5 of 37.5 hours released for supervision and training", with a meter that repeats the sentence. Past the
 * cap the sentence says so in words.
 */
export function ReleaseCounter({ id, confirmedMinutes, totalMinutes, hoursPerDay }: ReleaseCounterProps) {
  const textId = `${id}-text`;
  if (totalMinutes === null) {
    return (
      <div className="app-release-counter" id={id}>
        <p className="app-release-counter__text" id={textId}>
          <strong className="app-release-counter__value">{hours(confirmedMinutes)}</strong> hours released for
          supervision and training (no limit is set for this programme).
        </p>
      </div>
    );
  }
  const over = confirmedMinutes > totalMinutes;
  const days = hoursPerDay ? Math.round((totalMinutes / 60 / hoursPerDay) * 100) / 100 : null;
  return (
    <div className="app-release-counter" id={id} data-confirmed-minutes={confirmedMinutes}>
      <p className="app-release-counter__text" id={textId}>
        <strong className="app-release-counter__value">{hours(confirmedMinutes)}</strong> of {hours(totalMinutes)} hours
        {days !== null && ` (${days} days)`} released for supervision and training
        {over && <strong>, more than agreed</strong>}
      </p>
      <meter
        className="app-release-counter__meter"
        min={0}
        max={totalMinutes}
        value={Math.min(confirmedMinutes, totalMinutes)}
        high={totalMinutes * 0.9}
        optimum={0}
        aria-labelledby={textId}
      />
    </div>
  );
}
