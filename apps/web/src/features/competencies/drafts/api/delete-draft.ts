import { done, contract } from '../../../../lib/contract-client';

/** Forgets a draft. The API also deletes it when the real thing is submitted; this covers a late autosave. */
export function deleteDraft(key: string): Promise<void> {
  return done(contract.DELETE('/api/drafts/{key}', { params: { path: { key } } }));
}
