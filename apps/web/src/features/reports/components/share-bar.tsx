import { percentOf, shareText } from '../utils/report';

/**
 * A progress bar in the NHS blue with its numbers written beside it ("12 of 15 (80%)"): the bar is decoration for
 * those who would rather look, so it is hidden from screen readers, which read the words.
 */
export function ShareBar({ part, whole }: { part: number; whole: number }) {
  return (
    <span className="app-share">
      <span className="app-share__track" aria-hidden="true">
        <span className="app-share__fill" style={{ width: `${percentOf(part, whole)}%` }} />
      </span>
      <span className="app-share__text">{shareText(part, whole)}</span>
    </span>
  );
}
