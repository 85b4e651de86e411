// The patient's offline queue: entries and dose logs waiting to reach the server, one per POST, through
// the sync client (packages/sync-client): its encrypted IndexedDB store (one database per user), its
// AES-GCM cipher with the user's key (lib/offline/vault.ts), its retries with backoff and Retry-After,
// and its batch-in-flight record, so a reload or a crash mid-send resends the same item. The transport
// posts to the session-authenticated API with the item's own Idempotency-Key. A refusal (a 4xx other
// than 401/403/408/429) is sealed and kept with the server's reason until the person dismisses it: never
// dropped silently. One tab sends at a time (a Web Lock); every tab's lists follow (BroadcastChannel).
import { openIndexedDbStore, SyncClient, SyncError, type SyncTransport } from '@/packages/sync-client/src/index';
import { deleteDatabase } from './idb';
import { isRetryable, request, type QueuedItem } from './items';
import { dismissRefusal, forgetUserData, hasKey, loadRefusals, saveRefusal, userKey, type Refusal } from './vault';

/** idle: nothing to do or all sent; offline: waiting for the network; sending; retrying (after a network
 * error or a busy server); signedOut: the session ended (sign in again to send); stopped: another error. */
export type QueueStatus = 'idle' | 'offline' | 'sending' | 'retrying' | 'signedOut' | 'stopped';
export type Waiting = { recordId: string; item: QueuedItem };
export type QueueState = { loaded: boolean; waiting: Waiting[]; refused: Refusal<QueuedItem>[]; status: QueueStatus };

const queueDatabase = (userId: string) => `pulse-offline-queue:${userId}`;
const ok = (replayed: string | null) =>
  new Response(JSON.stringify({ accepted: 1, duplicates: 0, rejected: [] }), { status: 200, headers: replayed ? { 'idempotent-replayed': replayed } : {} });

/** Posts one item; answers as the device sync API would, so the sync client decides what to retry. */
function transportFor(userId: string): SyncTransport<QueuedItem> {
  return async ({ samples, recordIds, signal }) => {
    const [item] = samples;
    const [recordId] = recordIds;
    if (!item || !recordId || samples.length !== 1) throw new Error('the offline queue sends one item at a time');
    const res = await request(item, signal);
    if (res.ok) return ok(res.headers.get('idempotent-replayed'));
    // The session ended or the server is busy or down: the client stops (items kept) or tries again.
    if (res.status === 401 || res.status === 403 || isRetryable(res.status)) return res;
    const problem = (await res.json().catch(() => null)) as { error?: { message?: string; details?: { field?: unknown }[] } } | null;
    const field = problem?.error?.details?.find((d) => typeof d.field === 'string')?.field as string | undefined;
    const reason = problem?.error?.message ?? `HTTP ${res.status}`;
    // Kept before the client removes the item from the queue: a crash in between sends it again.
    await saveRefusal(userId, { recordId, item, field: field ?? '', reason, refusedAt: Date.now() });
    return new Response(JSON.stringify({ accepted: 0, duplicates: 0, rejected: [{ index: 0, field: field ?? '', reason }] }), { status: 200 });
  };
}

/** A wait between retries that ends early when the browser comes back online. */
function sleepUntilOnline(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (fn: () => void) => () => {
      clearTimeout(timer);
      window.removeEventListener('online', wake);
      signal.removeEventListener('abort', abort);
      fn();
    };
    const wake = finish(resolve);
    const abort = finish(() => reject(signal.reason));
    const timer = setTimeout(wake, ms);
    window.addEventListener('online', wake);
    signal.addEventListener('abort', abort, { once: true });
  });
}

async function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  return navigator.locks ? navigator.locks.request(name, fn) : fn();
}

export class OfflineQueue {
  private state: QueueState = { loaded: false, waiting: [], refused: [], status: 'idle' };
  private readonly listeners = new Set<() => void>();
  private readonly client: Promise<SyncClient<QueuedItem>>;
  private readonly channel: BroadcastChannel | null;
  private syncing: Promise<void> | null = null;
  private destroyed = false;

  constructor(readonly userId: string) {
    this.client = (async () => {
      const [store, key] = await Promise.all([openIndexedDbStore(queueDatabase(userId)), userKey(userId)]);
      const client = new SyncClient<QueuedItem>({ store, key, batchSize: 1, transport: transportFor(userId), sleep: sleepUntilOnline });
      client.on('error', (e) => {
        if (e.willRetry) this.set({ status: navigator.onLine ? 'retrying' : 'offline' });
      });
      client.on('progress', () => void this.changed());
      return client;
    })();
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`pulse-offline:${userId}`);
    this.channel?.addEventListener('message', () => void this.refresh().catch(() => undefined));
    void this.refresh().catch(() => undefined);
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getState = () => this.state;

  private set(patch: Partial<QueueState>) {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private async refresh() {
    const client = await this.client;
    const [queued, refused] = await Promise.all([client.queued(), loadRefusals<QueuedItem>(this.userId)]);
    this.set({ loaded: true, waiting: queued.map(({ recordId, sample }) => ({ recordId, item: sample })), refused });
  }

  /** The lists changed here: read them again, and tell the other tabs (not once the queue is deleted). */
  private async changed() {
    if (this.destroyed) return;
    await this.refresh().catch(() => undefined);
    if (!this.destroyed) this.channel?.postMessage('changed');
  }

  /** Stores the item (sealed) until the server has it; sends it at once when the browser is online. */
  async enqueue(item: QueuedItem): Promise<void> {
    await (await this.client).enqueue([item]);
    await this.changed();
    void this.sync();
  }

  /** Sends what waits, unless the browser is offline (then `online` calls this again). */
  sync(): Promise<void> {
    if (typeof navigator !== 'undefined' && !navigator.onLine) {
      this.set({ status: 'offline' });
      return Promise.resolve();
    }
    this.syncing ??= (async () => {
      const client = await this.client;
      if ((await client.pending()) === 0) return this.set({ status: 'idle' });
      this.set({ status: 'sending' });
      try {
        await withLock(`pulse-offline-sync:${this.userId}`, () => client.sync());
        this.set({ status: 'idle' });
      } catch (error) {
        const status = error instanceof SyncError && error.kind === 'http' && error.status === 401 ? 'signedOut' : 'stopped';
        if (!(error instanceof SyncError && error.kind === 'stopped')) this.set({ status });
      } finally {
        await this.changed();
      }
    })().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  async dismiss(recordId: string): Promise<void> {
    await dismissRefusal(this.userId, recordId);
    await this.changed();
  }

  async pending(): Promise<number> {
    return (await this.client).pending();
  }

  /** Stops sending and deletes the queue's database (signing out). */
  async destroy(): Promise<void> {
    this.destroyed = true;
    const client = await this.client.catch(() => null);
    await client?.stop();
    this.channel?.close();
    await deleteDatabase(queueDatabase(this.userId));
  }
}

const queues = new Map<string, OfflineQueue>();

export function offlineQueue(userId: string): OfflineQueue {
  let queue = queues.get(userId);
  if (!queue) queues.set(userId, (queue = new OfflineQueue(userId)));
  return queue;
}

/** How many items wait for the user in this browser (0 when it never kept anything for them). */
export async function waitingCount(userId: string): Promise<number> {
  return (await hasKey(userId)) ? offlineQueue(userId).pending() : 0;
}

/** Deletes everything this browser keeps for the user offline: the queue, the key, snapshots and refusals. */
export async function forgetUser(userId: string): Promise<void> {
  const queue = queues.get(userId);
  queues.delete(userId);
  // Another tab's connection to the queue closes itself when asked (the store's versionchange handler).
  await (queue ? queue.destroy() : deleteDatabase(queueDatabase(userId)));
  await forgetUserData(userId);
}
