import { useEffect } from 'react';

export const SERVICE_NAME = 'CCC Programme';

/** Each page has its own title, so the tab and screen readers say where the person is. */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} – ${SERVICE_NAME}` : SERVICE_NAME;
  }, [title]);
}
