// Pulse's service worker (scope /): shows the Web Push notifications the server sends (lib/notify/
// push-send.ts: { title, body, url, tag, emergency }), opens the app at the notification when one is
// clicked, and keeps the subscription alive when the browser renews it.
//
// Registered with ?offline=1 (production builds: lib/offline/service-worker.ts) it also keeps the offline
// app shell, and nothing else: the data-free page /offline (its HTML carries no health data: it renders
// from the browser's encrypted store), the build's assets that page loads (/_next/static/…, immutable),
// the icons and the manifest. Never an API answer, never a page of the app: those carry health data.
// Navigations go to the network first; only when it fails is the shell answered instead (for any page:
// the shell shows the dashboard, "Log data" and the dose log from the encrypted store, and says the rest
// needs a connection). Caches carry a version; a new version deletes the old ones.
'use strict';

const OFFLINE = new URL(self.location.href).searchParams.get('offline') === '1';
const VERSION = 1;
const SHELL_CACHE = `pulse-shell-v${VERSION}`;
const ASSET_CACHE = `pulse-assets-v${VERSION}`;
const SHELL_URL = '/offline';
const PUBLIC_FILES = ['/manifest.webmanifest', '/icons/icon.svg', '/icons/icon-192.png', '/icons/icon-512.png', '/icons/maskable-512.png', '/icons/apple-touch-icon.png'];

/** The build's files a page's HTML names: scripts, styles, fonts (also those named inside its RSC payload). */
function assetPaths(html) {
  return [...new Set(html.match(/\/_next\/static\/[A-Za-z0-9_\-./~%@[\]]+\.(?:js|css|woff2?)/g) || [])];
}

// Signing out empties the caches; a copy still on its way must not bring one back.
let clears = 0;
function notCleared(since) {
  if (clears !== since) throw new Error('the caches were emptied meanwhile');
}

/** Fetches the shell and what it loads; swaps them in only when all arrived (else the last good shell stays). */
async function cacheShell() {
  const since = clears;
  const res = await fetch(SHELL_URL, { credentials: 'same-origin', cache: 'no-store' });
  if (!res.ok || res.redirected || !(res.headers.get('content-type') || '').startsWith('text/html')) return;
  const html = await res.clone().text();
  const assets = await caches.open(ASSET_CACHE);
  const wanted = [...assetPaths(html), ...PUBLIC_FILES];
  await Promise.all(
    wanted.map(async (path) => {
      // Build assets never change under their name; the icons and the manifest are kept fresh as they are
      // fetched (publicFile below).
      if (await assets.match(path)) return;
      const file = await fetch(path, { cache: 'no-cache' });
      if (!file.ok) throw new Error(`${path}: ${file.status}`);
      notCleared(since);
      await assets.put(path, file);
    }),
  );
  notCleared(since);
  await (await caches.open(SHELL_CACHE)).put(SHELL_URL, res);
  // Files of an older build are dropped once the new shell is in.
  const keep = new Set(wanted);
  for (const request of await assets.keys()) if (!keep.has(new URL(request.url).pathname)) await assets.delete(request);
}

async function deleteCaches(keep) {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith('pulse-') && !keep.includes(name)).map((name) => caches.delete(name)));
}

self.addEventListener('install', (event) => {
  self.skipWaiting();
  // A failed fetch must not fail the install (Web Push still works); the next page load asks again.
  if (OFFLINE) event.waitUntil(cacheShell().catch(() => undefined));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(deleteCaches(OFFLINE ? [SHELL_CACHE, ASSET_CACHE] : []).then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'cache-shell' && OFFLINE) event.waitUntil(cacheShell().catch(() => undefined));
  // Signing out: nothing of the app stays behind.
  if (type === 'clear-caches') {
    clears += 1;
    event.waitUntil(deleteCaches([]));
  }
});

async function navigate(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const shell = await caches.match(SHELL_URL, { cacheName: SHELL_CACHE });
    if (shell) return shell;
    throw error;
  }
}

async function asset(request) {
  return (await caches.match(request, { cacheName: ASSET_CACHE })) || fetch(request);
}

async function refreshCopy(path, copy) {
  const since = clears;
  if (!(await caches.has(ASSET_CACHE))) return;
  const cache = await caches.open(ASSET_CACHE);
  if (!(await cache.match(path))) return;
  notCleared(since);
  await cache.put(path, copy);
}

/** Icons and the manifest: from the network while online (refreshing the cached copy), else the copy. */
async function publicFile(request) {
  try {
    const response = await fetch(request);
    // Only a copy already kept is refreshed: after signing out, a public page's icon makes no cache again.
    if (response.ok) refreshCopy(new URL(request.url).pathname, response.clone()).catch(() => undefined);
    return response;
  } catch (error) {
    const cached = await caches.match(new URL(request.url).pathname, { cacheName: ASSET_CACHE });
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  if (!OFFLINE) return;
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // API and Nightscout URLs opened in a tab (a download, a JSON answer) are never answered with the shell.
    if (!/^\/(?:api|ns)\//.test(url.pathname)) event.respondWith(navigate(request));
    return;
  }
  if (url.pathname.startsWith('/_next/static/')) event.respondWith(asset(request));
  else if (PUBLIC_FILES.includes(url.pathname)) event.respondWith(publicFile(request));
  // Everything else (API calls, the RSC payloads of client-side navigations, images) goes to the network untouched.
});

/** A link inside this app only: the path of what the server sent, on this worker's own origin. */
function appUrl(url) {
  try {
    const parsed = new URL(typeof url === 'string' ? url : '/notifications', self.location.origin);
    return new URL(parsed.pathname + parsed.search + parsed.hash, self.location.origin).href;
  } catch {
    return new URL('/notifications', self.location.origin).href;
  }
}

self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = {};
  }
  const tag = typeof data.tag === 'string' && data.tag ? data.tag : undefined;
  const title = typeof data.title === 'string' && data.title ? data.title : 'Pulse';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === 'string' ? data.body : 'Something needs your attention in Pulse.',
      tag,
      // A repeat of the same notification (the escalation tells again) alerts again; renotify needs a tag.
      renotify: Boolean(tag),
      // An emergency stays on screen until the person acts on it.
      requireInteraction: data.emergency === true,
      data: { url: appUrl(data.url) },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = (event.notification.data && event.notification.data.url) || appUrl('/notifications');
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const path = new URL(target).pathname;
      // A tab already on the notifications: brought forward at this one. Otherwise a new tab, so that
      // nothing typed in another tab of the app is lost.
      const open = windows.find((w) => new URL(w.url).origin === self.location.origin && new URL(w.url).pathname === path);
      if (open) {
        await open.focus();
        if (open.url !== target && 'navigate' in open) await open.navigate(target).catch(() => undefined);
        return;
      }
      await self.clients.openWindow(target);
    })(),
  );
});

function keyBytes(base64url) {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

// The browser renewed (or dropped) the subscription: subscribe again with the server's key and tell the
// app (the request carries the session cookie), then forget the old endpoint.
self.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil(
    (async () => {
      let subscription = event.newSubscription;
      if (!subscription) {
        const key = await fetch('/api/v1/push/public-key', { credentials: 'same-origin' });
        if (!key.ok) return;
        const { publicKey } = await key.json();
        subscription = await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
      }
      await fetch('/api/v1/users/me/push-subscriptions', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(subscription.toJSON()),
      });
      const old = event.oldSubscription;
      if (old && old.endpoint !== subscription.endpoint) {
        await fetch(`/api/v1/users/me/push-subscriptions?endpoint=${encodeURIComponent(old.endpoint)}`, { method: 'DELETE', credentials: 'same-origin' });
      }
    })(),
  );
});
