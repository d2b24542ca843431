/**
 * The access token, kept in memory only: a script injected into the page finds nothing in storage. It lives 15
 * minutes; the refresh token, in an httpOnly cookie the page cannot read, renews it shortly before it ends, after a
 * 401, and on a reload (`restoreSession`). Components read it through `useAuthToken` (useSyncExternalStore), so
 * clearing it (sign out, a refused refresh) re-renders the guarded routes, which then go to the sign-in page.
 */
import { useSyncExternalStore } from 'react';

const REFRESH_PATH = '/api/auth/refresh';
/** Renew this long before the access token ends, so a request never races its expiry. */
const RENEW_EARLY_MS = 60_000;
/** setTimeout cannot wait longer than this. */
const MAX_TIMEOUT_MS = 2_147_483_647;

export type SignOutReason = 'signed_out' | 'expired';

interface Auth {
  accessToken: string;
  /** epoch milliseconds */
  expiresAt: number;
}

type Listener = () => void;

const listeners = new Set<Listener>();
let current: Auth | null = null;
let lastReason: SignOutReason | null = null;
let renewTimer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<boolean> | null = null;

function emit(): void {
  for (const listener of listeners) listener();
}

function scheduleRenewal(): void {
  if (renewTimer !== undefined) clearTimeout(renewTimer);
  renewTimer = undefined;
  if (!current) return;
  const wait = Math.min(Math.max(current.expiresAt - Date.now() - RENEW_EARLY_MS, 0), MAX_TIMEOUT_MS);
  renewTimer = setTimeout(() => {
    void refreshSession().then((ok) => {
      if (!ok) clearAuth('expired');
    });
  }, wait);
}

export function setAuth(accessToken: string, expiresInSeconds: number): void {
  current = { accessToken, expiresAt: Date.now() + expiresInSeconds * 1000 };
  lastReason = null;
  scheduleRenewal();
  emit();
}

export function clearAuth(reason: SignOutReason = 'signed_out'): void {
  const hadToken = current !== null;
  current = null;
  scheduleRenewal();
  if (hadToken) {
    lastReason = reason;
    emit();
  }
}

/**
 * Asks the API for a new access token with the refresh cookie. One at a time, in this tab (a shared promise) and
 * across tabs (a Web Lock): the API treats a second use of one refresh token as theft and ends the session, and
 * the tabs share the cookie. Resolves true when a new token was set; false when the session is over (the token is
 * then left for the caller to clear) or the API could not be reached.
 */
export function refreshSession(): Promise<boolean> {
  inFlight ??= withLock(async () => {
    try {
      const response = await fetch(REFRESH_PATH, {
        method: 'POST',
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!response.ok) {
        // Read the refusal to its end: Chromium otherwise keeps an unread no-store answer open (never network-idle).
        await response.text().catch(() => '');
        return false;
      }
      const body = (await response.json()) as { accessToken?: unknown; expiresIn?: unknown };
      if (typeof body.accessToken !== 'string' || typeof body.expiresIn !== 'number') return false;
      setAuth(body.accessToken, body.expiresIn);
      return true;
    } catch {
      return false;
    }
  }).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

function withLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? (locks.request('ccc-programme.refresh', work) as Promise<T>) : work();
}

/** On start: a reload keeps the person signed in if their refresh cookie is still good. */
export async function restoreSession(): Promise<void> {
  if (current) return;
  await refreshSession();
}

/** The token, or null when signed out. */
export function getToken(): string | null {
  return current?.accessToken ?? null;
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
