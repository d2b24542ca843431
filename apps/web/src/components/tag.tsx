import type { ReactNode } from 'react';

/**
 * What a state means, whatever it is a state of: every list in the service maps its states to one of these, so the
 * same meaning always has the same NHS tag colour. The text always says the state; the colour only repeats it.
 */
export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export const TONE_COLOURS: Record<Tone, string> = {
  neutral: 'grey',
  info: 'blue',
  success: 'green',
  warning: 'yellow',
  danger: 'red',
};

interface TagProps {
  tone: Tone;
  children: ReactNode;
  /** Read before the text by screen readers only, e.g. "Status: ". */
  hiddenPrefix?: string;
}

/** An NHS tag: a state in a word or two. */
export function Tag({ tone, children, hiddenPrefix }: TagProps) {
  return (
    <strong className={`nhsuk-tag nhsuk-tag--${TONE_COLOURS[tone]}`}>
      {hiddenPrefix && <span className="nhsuk-u-visually-hidden">{hiddenPrefix}</span>}
      {children}
    </strong>
  );
}
