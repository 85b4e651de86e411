'use client';

// Around the signed-in patient's pages: registers the service worker (production builds; it keeps the app
// shell: public/sw.js), remembers in this browser which patient is signed in (for the shell offline), and
// sends the offline queue on every page load and whenever the browser comes back online. When something
// queued reached the server, the page's queries are fetched again so it shows up.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { offlineQueue } from '@/lib/offline/queue';
import { registerServiceWorker } from '@/lib/offline/service-worker';
import { setCurrentUser } from '@/lib/offline/vault';
import { OfflineUserProvider } from './offline-context';

/** Sends the queue now and on each `online`; returns the cleanup. */
export function syncWhenOnline(userId: string, onSent?: () => void): () => void {
  const queue = offlineQueue(userId);
  let waiting = queue.getState().waiting.length;
  const unsubscribe = queue.subscribe(() => {
    const now = queue.getState().waiting.length;
    if (now < waiting) onSent?.();
    waiting = now;
  });
  const send = () => void queue.sync();
  send();
  window.addEventListener('online', send);
  return () => {
    unsubscribe();
    window.removeEventListener('online', send);
  };
}

export function OfflineRoot({ userId, children }: { userId: string; children: ReactNode }) {
  const queryClient = useQueryClient();
  useEffect(() => {
    void setCurrentUser(userId).catch(() => undefined);
    void registerServiceWorker().catch(() => undefined);
    return syncWhenOnline(userId, () => void queryClient.invalidateQueries());
  }, [userId, queryClient]);
  return <OfflineUserProvider value={userId}>{children}</OfflineUserProvider>;
}
