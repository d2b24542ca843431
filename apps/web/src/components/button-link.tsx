import { Link, type LinkProps } from 'react-router';
import { buttonClass, type ButtonLook } from './button';

// Apart from button.tsx, so that a page drawn without the router (app/sign-in-shell.tsx) does not load it.
/** A link that looks like a button: for a move to another page, where a button would be for an action. */
export function ButtonLink({ variant, small, className, ...rest }: ButtonLook & LinkProps) {
  return <Link {...rest} className={buttonClass({ variant, small }, className)} draggable={false} />;
}
