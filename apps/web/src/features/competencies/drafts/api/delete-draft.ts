import { api } from '../../../../lib/api-client';

/** Forgets a draft. The API also deletes it when the real thing is submitted; this covers a late autosave. */
export function deleteDraft(key: string): Promise<void> {
  return api.delete<void>(`/drafts/${encodeURIComponent(key)}`);
}
