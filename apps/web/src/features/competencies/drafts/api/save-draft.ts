import type { DraftView, SaveDraftRequest } from '@ccc/contracts';
import { api } from '../../../../lib/api-client';

/** Autosave: the last save wins. Called by useAutosave rather than as a mutation, since it runs behind typing. */
export function saveDraft(key: string, content: unknown): Promise<DraftView> {
  const body: SaveDraftRequest = { content };
  // Untyped for now: the document types `content` as an object, while a draft is any JSON (SaveDraftDto).
  return api.put<DraftView>(`/drafts/${encodeURIComponent(key)}`, body);
}
