// The one service worker (public/sw.js, scope /): Web Push in every build; the offline app shell only in
// production builds, where it is registered with ?offline=1 (a development server's assets change under
// the same names, so nothing of them is cached). Every registration uses this URL: registering another
// would replace the worker with a version without the shell.
export const SERVICE_WORKER_URL = process.env.NODE_ENV === 'production' ? '/sw.js?offline=1' : '/sw.js';
const CACHE_PREFIX = 'pulse-';

/** Registers the worker and asks it to cache the shell again (in the page's language, for this build). */
export async function registerServiceWorker(): Promise<void> {
  if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
  await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/' });
  const ready = await navigator.serviceWorker.ready;
  ready.active?.postMessage({ type: 'cache-shell' });
}

/** Drops every cache of the app (signing out): from the page, and the worker is told too. */
export async function clearOfflineCaches(): Promise<void> {
  if (typeof caches === 'undefined') return;
  navigator.serviceWorker?.controller?.postMessage({ type: 'clear-caches' });
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX)).map((name) => caches.delete(name)));
}
