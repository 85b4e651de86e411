'use client';

// Whose offline queue the components below use: the signed-in patient's (components/offline/offline-root.tsx
// on their pages, components/offline/offline-app.tsx in the offline shell). Elsewhere (a caregiver logging for
// a patient) there is none and forms post as they always did.
import { createContext, useContext, useSyncExternalStore } from 'react';
import { offlineQueue, type OfflineQueue, type QueueState } from '@/lib/offline/queue';

const OfflineUser = createContext<string | null>(null);
export const OfflineUserProvider = OfflineUser.Provider;

export const useOfflineUser = () => useContext(OfflineUser);

/** The patient's queue (the browser only: it lives in IndexedDB), or null. */
export function useOfflineQueue(): OfflineQueue | null {
  const userId = useContext(OfflineUser);
  return userId && typeof window !== 'undefined' ? offlineQueue(userId) : null;
}

const EMPTY: QueueState = { loaded: false, waiting: [], refused: [], status: 'idle' };
const nothing = () => () => {};

export function useQueueState(queue: OfflineQueue | null): QueueState {
  return useSyncExternalStore(queue?.subscribe ?? nothing, queue?.getState ?? (() => EMPTY), () => EMPTY);
}

function subscribeOnline(listener: () => void) {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** navigator.onLine, kept current (true on the server: pages are rendered as if online). */
export const useOnline = () => useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);

function subscribeMinute(listener: () => void) {
  const timer = setInterval(listener, 15_000);
  return () => clearInterval(timer);
}

/** The time to the minute, kept current (for ages such as "3 hours ago"); 0 on the server. */
export const useNowToTheMinute = () => useSyncExternalStore(subscribeMinute, () => Math.floor(Date.now() / 60_000) * 60_000, () => 0);
