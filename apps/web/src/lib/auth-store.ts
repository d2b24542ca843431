/**
 * The access token, kept in sessionStorage so it survives a reload but not the closing of the tab.
 * Components read it through `useAuthToken` (useSyncExternalStore), so clearing it (sign out, a 401,
 * expiry) re-renders the guarded routes, which then send the person to the sign-in page.
 */
import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'ccc-programme.auth';
/** setTimeout cannot wait longer than this. */
const MAX_TIMEOUT_MS = 2_147_483_647;

export type SignOutReason = 'signed_out' | 'expired';

interface StoredAuth {
  accessToken: string;
  /** epoch milliseconds */
  expiresAt: number;
}

type Listener = () => void;

const listeners = new Set<Listener>();
let current: StoredAuth | null = read();
let lastReason: SignOutReason | null = null;
let expiryTimer: ReturnType<typeof setTimeout> | undefined;
scheduleExpiry();

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    // Storage can be blocked by the browser's privacy settings; the session then lasts until reload.
    return null;
  }
}

function read(): StoredAuth | null {
  const raw = storage()?.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<StoredAuth>;
    if (typeof parsed.accessToken !== 'string' || typeof parsed.expiresAt !== 'number') return null;
    if (parsed.expiresAt <= Date.now()) return null;
    return { accessToken: parsed.accessToken, expiresAt: parsed.expiresAt };
  } catch {
    return null;
  }
}

function emit(): void {
  for (const listener of listeners) listener();
}

function scheduleExpiry(): void {
  if (expiryTimer !== undefined) clearTimeout(expiryTimer);
  expiryTimer = undefined;
  if (!current) return;
  const wait = Math.min(Math.max(current.expiresAt - Date.now(), 0), MAX_TIMEOUT_MS);
  expiryTimer = setTimeout(() => clearAuth('expired'), wait);
}

export function setAuth(accessToken: string, expiresInSeconds: number): void {
  current = { accessToken, expiresAt: Date.now() + expiresInSeconds * 1000 };
  lastReason = null;
  storage()?.setItem(STORAGE_KEY, JSON.stringify(current));
  scheduleExpiry();
  emit();
}

export function clearAuth(reason: SignOutReason = 'signed_out'): void {
  const hadToken = current !== null;
  current = null;
  storage()?.removeItem(STORAGE_KEY);
  scheduleExpiry();
  if (hadToken) {
    lastReason = reason;
    emit();
  }
}

/** The token, or null when signed out or expired. */
export function getToken(): string | null {
  // Pure, so it can serve as useSyncExternalStore's snapshot; the expiry timer does the clearing.
  if (!current || current.expiresAt <= Date.now()) return null;
  return current.accessToken;
}

/** Why the last session ended, for the sign-in page to explain itself; forgotten at the next sign-in. */
export function getSignOutReason(): SignOutReason | null {
  return lastReason;
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAuthToken(): string | null {
  return useSyncExternalStore(subscribe, getToken, () => null);
}
