// The browser side of Web Push, without React: the service worker (/sw.js), the permission, the
// browser's push subscription and the app's API for it. Permission is asked only from a click
// (subscribeThisBrowser); reading the state never prompts.
import { SERVICE_WORKER_URL } from '@/lib/offline/service-worker';
import { ApiRequestError, apiFetch } from '@/lib/query/api';

const SUBSCRIPTIONS = '/api/v1/users/me/push-subscriptions';

export type Saved = { id: string; label: string | null; createdAt: string };

/** Service worker, Push API and notifications: missing in older browsers (and on iPhone outside a Home Screen app). */
export function pushSupported(): boolean {
  return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

export const notificationsBlocked = () => Notification.permission === 'denied';

/** The VAPID key (base64url) as the Push API takes it. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

function sameKey(subscription: PushSubscription, publicKey: string): boolean {
  const current = subscription.options.applicationServerKey;
  if (!current) return true; // not told: assume it is ours
  const a = new Uint8Array(current);
  const b = keyBytes(publicKey);
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

async function registration(): Promise<ServiceWorkerRegistration> {
  await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/' });
  return navigator.serviceWorker.ready;
}

/** This browser's subscription, if it has one (no prompt, no registration made). */
export async function currentSubscription(): Promise<PushSubscription | null> {
  const reg = await navigator.serviceWorker.getRegistration('/');
  return reg ? reg.pushManager.getSubscription() : null;
}

const save = (subscription: PushSubscription) => apiFetch<Saved>(SUBSCRIPTIONS, { json: subscription.toJSON() });

/** The browser's subscription under the server's key: kept, or made (anew when made under an older key). */
async function subscribedUnder(reg: ServiceWorkerRegistration, publicKey: string): Promise<PushSubscription> {
  const existing = await reg.pushManager.getSubscription();
  if (existing && sameKey(existing, publicKey)) return existing;
  await existing?.unsubscribe();
  return reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
}

/**
 * Makes sure the server sends this browser's notifications to the person signed in now (a browser has
 * one subscription per site: whoever is signed in on it owns it). Null when the browser has none.
 */
export async function syncThisBrowser(publicKey: string): Promise<Saved | null> {
  if (Notification.permission !== 'granted' || !(await currentSubscription())) return null;
  return save(await subscribedUnder(await registration(), publicKey));
}

/** Asks for permission (call it from a click), subscribes and tells the server. Null when refused. */
export async function subscribeThisBrowser(publicKey: string): Promise<Saved | null> {
  if ((await Notification.requestPermission()) !== 'granted') return null;
  return save(await subscribedUnder(await registration(), publicKey));
}

/** Stops notifications to this browser: the server forgets it, then the browser unsubscribes. */
export async function unsubscribeThisBrowser(): Promise<void> {
  const subscription = await currentSubscription();
  if (!subscription) return;
  try {
    await apiFetch(`${SUBSCRIPTIONS}?endpoint=${encodeURIComponent(subscription.endpoint)}`, { method: 'DELETE' });
  } catch (error) {
    if (!(error instanceof ApiRequestError && error.status === 404)) throw error; // already gone there
  }
  await subscription.unsubscribe();
}
