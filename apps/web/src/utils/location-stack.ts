import { NavigationType, useLocation, useNavigationType, type Location } from 'react-router';

/**
 * The app's own pages in this tab, oldest first, mirroring the browser's history: so a back link can tell whether the
 * page before this one is the page it names, and go back to it (with its search, filters and scroll) rather than to a
 * fresh copy. Outside the app (an e-mail's link, a bookmark) there is no page before, and the back link is a link.
 */
const stack: { key: string; pathname: string }[] = [];

function record(location: Location, type: NavigationType): void {
  if (stack.at(-1)?.key === location.key) return;
  const entry = { key: location.key, pathname: location.pathname };
  if (type === NavigationType.Push) stack.push(entry);
  else if (type === NavigationType.Replace && stack.length > 0) stack[stack.length - 1] = entry;
  else {
    // Back or forward: back to a page we know keeps what came before it; anything else starts afresh.
    const at = stack.findIndex((known) => known.key === location.key);
    if (at >= 0) stack.splice(at + 1);
    else stack.splice(0, stack.length, entry);
  }
}

/**
 * Called by the layout on every render, before the page renders (an effect would run after the page's back link has
 * read the stack); repeat calls for one location change nothing.
 */
export function useRecordLocation(): void {
  record(useLocation(), useNavigationType());
}

/** The app page before this one in the tab's history, if the app showed it. */
export function previousPathname(location: Location): string | null {
  const at = stack.findIndex((known) => known.key === location.key);
  return at > 0 ? (stack[at - 1]?.pathname ?? null) : null;
}
