import type { ButtonHTMLAttributes, MouseEvent, ReactNode } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'warning' | 'reverse';

export interface ButtonLook {
  variant?: ButtonVariant;
  small?: boolean;
}

/** The NHS button classes for a look, plus any extra ones. */
export function buttonClass({ variant = 'primary', small }: ButtonLook = {}, extra?: string): string {
  return ['nhsuk-button', variant !== 'primary' && `nhsuk-button--${variant}`, small && 'nhsuk-button--small', extra]
    .filter(Boolean)
    .join(' ');
}

interface ButtonProps extends ButtonLook, ButtonHTMLAttributes<HTMLButtonElement> {
  /**
   * While a request is in flight the button says so and ignores clicks, but stays focusable (aria-disabled rather
   * than disabled), so focus is not lost and a screen reader can still find it.
   */
  pending?: boolean;
}

/** An NHS button; type "button" unless told otherwise, so that only the one meant to submit a form does. */
export function Button({ variant, small, pending, className, type = 'button', onClick, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={buttonClass({ variant, small }, className)}
      aria-disabled={pending || rest['aria-disabled'] || undefined}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        if (pending) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    />
  );
}

/** Buttons side by side (stacked on a phone), with the right space between them. */
export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="nhsuk-button-group">{children}</div>;
}
