/**
 * What a person typed but the API has not yet confirmed saving, kept in this browser tab's sessionStorage: if the
 * session ends (sign-out, an expired refresh token, the network gone) between a keystroke and its autosave, the
 * text is still here when the same person signs in again in this tab, and is saved then. A copy is removed as soon
 * as the API confirms the same content, and is tied to the person, so nobody else signing in here sees it.
 * sessionStorage rather than localStorage: it goes when the tab is closed, which suits a shared NHS computer.
 */
import type { DraftView } from '@ccc/contracts';

export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface PendingDraft {
  content: unknown;
  /** When it was typed, epoch milliseconds. */
  at: number;
}

export interface StartingDraft {
  /** What the form starts from; null when there is no draft. */
  content: unknown;
  /** When the API saved it; null for a copy from this tab that was never saved, or no draft. */
  savedAt: string | null;
  /** True when the copy comes from this tab, typed after the last save. */
  fromThisTab: boolean;
}

const PREFIX = 'ccc-programme.unsaved-draft';

export function pendingStorageKey(personId: string, key: string): string {
  return `${PREFIX}:${personId}:${key}`;
}

/** The browser's sessionStorage, or null where it cannot be used (blocked, or not a browser). */
export function sessionDraftStorage(): DraftStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export function writePending(
  storage: DraftStorage | null,
  personId: string,
  key: string,
  content: unknown,
  at: number,
): void {
  try {
    storage?.setItem(pendingStorageKey(personId, key), JSON.stringify({ content, at }));
  } catch {
    // Full or blocked: the server draft is the real keeper; this copy only covers the gap.
  }
}

export function readPending(storage: DraftStorage | null, personId: string, key: string): PendingDraft | null {
  try {
    const text = storage?.getItem(pendingStorageKey(personId, key));
    if (!text) return null;
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { content, at } = parsed as { content?: unknown; at?: unknown };
    if (content === undefined || content === null || typeof at !== 'number') return null;
    return { content, at };
  } catch {
    return null;
  }
}

/**
 * Forgets this tab's copy once the API holds it. With `saved`, only when the copy is that same content: what was
 * typed while the save was on its way stays until it is saved too.
 */
export function clearPending(storage: DraftStorage | null, personId: string, key: string, saved?: unknown): void {
  try {
    if (saved !== undefined) {
      const pending = readPending(storage, personId, key);
      if (pending && JSON.stringify(pending.content) !== JSON.stringify(saved)) return;
    }
    storage?.removeItem(pendingStorageKey(personId, key));
  } catch {
    // Nothing to do: see writePending.
  }
}

/**
 * Where a form starts: this tab's unsaved copy when it is newer than the API's draft (it was typed after the last
 * save that reached the API), otherwise the API's draft, otherwise nothing.
 */
export function chooseStartingDraft(server: DraftView | null, pending: PendingDraft | null): StartingDraft {
  const serverAt = server?.updatedAt ? Date.parse(server.updatedAt) : Number.NEGATIVE_INFINITY;
  if (pending && pending.at >= serverAt) return { content: pending.content, savedAt: null, fromThisTab: true };
  if (server && server.content !== null && server.content !== undefined) {
    return { content: server.content, savedAt: server.updatedAt, fromThisTab: false };
  }
  return { content: null, savedAt: null, fromThisTab: false };
}
