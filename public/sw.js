// Pulse's service worker (scope /): shows the Web Push notifications the server sends (lib/notify/
// push-send.ts: { title, body, url, tag, emergency }), opens the app at the notification when one is
// clicked, and keeps the subscription alive when the browser renews it. It caches nothing: no page, no
// API answer, no health data is kept by it (it has no fetch handler at all).
'use strict';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

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
