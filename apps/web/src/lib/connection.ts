/**
 * Whether the SPA can talk to the API: the browser's own online/offline state, and whether requests are failing for
 * want of an answer (the API restarting, a network in between dropping). While the API cannot be reached, its health
 * check is tried every few seconds; when it answers, the failed queries are fetched again and the banner goes.
 */
import { onlineManager, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { API_BASE, isApiClientError } from './api-client';

export type ConnectionState = 'online' | 'offline' | 'unreachable';

const PROBE_INTERVAL_MS = 3_000;

/** An error that means no answer came back, as opposed to an answer saying no. */
export function isUnreachable(error: unknown): boolean {
  return isApiClientError(error) && (error.status === 0 || error.status === 502 || error.status === 504);
}

function subscribeOnline(listener: () => void): () => void {
  return onlineManager.subscribe(listener);
}

/** The browser's online state, as TanStack Query sees it (it pauses queries while offline). */
export function useBrowserOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => onlineManager.isOnline(),
    () => true,
  );
}

/** Watches every query and mutation for answers and for failures to get one. */
function watchRequests(queryClient: QueryClient, onChange: (unreachable: boolean) => void): () => void {
  const stopQueries = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated') return;
    const { action } = event;
    if ((action.type === 'failed' || action.type === 'error') && isUnreachable(action.error)) onChange(true);
    if (action.type === 'success') onChange(false);
  });
  const stopMutations = queryClient.getMutationCache().subscribe((event) => {
    if (event.type !== 'updated') return;
    const { action } = event;
    if ((action.type === 'failed' || action.type === 'error') && isUnreachable(action.error)) onChange(true);
    if (action.type === 'success') onChange(false);
  });
  return () => {
    stopQueries();
    stopMutations();
  };
}

async function apiAnswers(signal: AbortSignal): Promise<boolean> {
  try {
    const response = await fetch(`${API_BASE}/health`, { signal, cache: 'no-store' });
    // Read to its end: an unread no-store answer stays open in Chromium.
    await response.text();
    return response.ok;
  } catch {
    return false;
  }
}

export function useConnectionState(): ConnectionState {
  const queryClient = useQueryClient();
  const online = useBrowserOnline();
  const [unreachable, setUnreachable] = useState(false);

  useEffect(() => watchRequests(queryClient, setUnreachable), [queryClient]);

  useEffect(() => {
    if (!unreachable || !online) return;
    const controller = new AbortController();
    const timer = setInterval(() => {
      void apiAnswers(controller.signal).then((answers) => {
        if (!answers || controller.signal.aborted) return;
        setUnreachable(false);
        // What failed while the API was away is fetched again, and what is shown is refreshed.
        void queryClient.invalidateQueries({ refetchType: 'active' });
      });
    }, PROBE_INTERVAL_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [unreachable, online, queryClient]);

  if (!online) return 'offline';
  return unreachable ? 'unreachable' : 'online';
}
