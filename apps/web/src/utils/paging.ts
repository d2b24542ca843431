/** One page of a list: the items on it, which page it is (kept within the pages there are) and how many pages. */
export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
  /** 1-based positions of the first and last item shown, for "Showing 26 to 50 of 120". */
  from: number;
  to: number;
}

export function pageOf<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, Number.isFinite(page) ? Math.floor(page) : 1), pages);
  const start = (current - 1) * size;
  const shown = items.slice(start, start + size);
  return {
    items: shown,
    page: current,
    pages,
    total: items.length,
    from: shown.length > 0 ? start + 1 : 0,
    to: start + shown.length,
  };
}

/** Whether every word of a search is in one of the texts, in any case ("sam north" finds Sam Taylor of North Downs). */
export function matchesSearch(search: string, texts: readonly string[]): boolean {
  const words = search.toLocaleLowerCase('en-GB').split(/\s+/).filter(Boolean);
  const haystack = texts.join(' ').toLocaleLowerCase('en-GB');
  return words.every((word) => haystack.includes(word));
}
