// The sync client: enqueue() seals samples into the local store first; sync() sends them in batches of
// at most 1,000, each with an Idempotency-Key derived from its content, and deletes them from the store
// only after a 2xx. The batch being sent is recorded in the store, so after a crash or a restart the
// same batch goes again with the same key and the server stores it once.
import { batchBody, canonicalJson, idempotencyKey, MAX_BATCH } from './batch.ts';
import { recordCipher, type RecordCipher } from './cipher.ts';
import { SyncError } from './errors.ts';
import { abortableSleep, backoffDelay, retryAfterMs, type BackoffOptions } from './retry.ts';
import type { ProgressEvent, QueueItem, SampleRejection, SampleStore, StoredRecord, SyncSample } from './types.ts';

export type SyncErrorEvent = {
  error: SyncError;
  /** The client tries again by itself after `delayMs`; when false the sync stopped (samples stay queued). */
  willRetry: boolean;
  delayMs?: number;
  attempt?: number;
};

export type SyncEvents<S extends QueueItem = SyncSample> = {
  progress: ProgressEvent;
  /** Samples the server refused (by field and reason); they are removed from the queue. At least once. */
  rejected: { rejections: SampleRejection<S>[] };
  error: SyncErrorEvent;
  /** The queue is empty. */
  idle: { remaining: 0 };
};

export type SyncResult = { batches: number; sent: number; accepted: number; duplicates: number; rejected: number };

/** One batch as a transport sends it: the queued items, their record ids, the canonical body and its key. */
export type SyncRequest<S extends QueueItem = SyncSample> = { samples: S[]; recordIds: string[]; body: string; idempotencyKey: string; signal: AbortSignal };

/**
 * Sends one batch somewhere else than the device sync API and answers as that API does: a 2xx with
 * `{accepted, duplicates?, rejected: [{index, field, reason}]}` (the `Idempotent-Replayed` header if any),
 * a 413, 429/503 with Retry-After, 408/5xx (retried), or another 4xx (stops the sync). It must not resolve
 * before the server's answer is known, and should give up when `signal` aborts.
 */
export type SyncTransport<S extends QueueItem = SyncSample> = (request: SyncRequest<S>) => Promise<Response>;

/** Where batches go: Pulse's device sync API (a device and its token), or a transport of the app's own. */
export type SyncTarget<S extends QueueItem = SyncSample> =
  | {
      /** The Pulse server, e.g. https://pulse.example.org */
      baseUrl: string;
      deviceId: string;
      /** The device token (shown once at registration); a function is asked before every request. */
      token: string | (() => string | Promise<string>);
      transport?: never;
    }
  | { transport: SyncTransport<S>; baseUrl?: never; deviceId?: never; token?: never };

export type SyncClientOptions<S extends QueueItem = SyncSample> = SyncTarget<S> & {
  store: SampleStore;
  /** The AES-GCM key the queue is sealed with (generateKey / importKey, or importNodeKey in Node). */
  key: CryptoKey | RecordCipher;
  /** At most 1,000 (the default). */
  batchSize?: number;
  /** For the device sync API (not used with a transport). */
  fetch?: typeof globalThis.fetch;
  /** Waits between attempts (tests pass a fake). Must reject when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
  backoff?: BackoffOptions;
  /** The longest wait a Retry-After may ask for (default 10 minutes). */
  maxRetryAfterMs?: number;
  requestTimeoutMs?: number;
};

type Answer = { kind: 'ok'; accepted: number; duplicates: number; rejected: { index: number; field: string; reason: string }[]; replayed: boolean } | { kind: 'too-large' };

type Listener<T> = (event: T) => void;

// What head() asks for to read the whole queue (IndexedDB's count is an unsigned 32-bit number).
const EVERYTHING = 0xffffffff;

export class SyncClient<S extends QueueItem = SyncSample> {
  private readonly opts: SyncClientOptions<S>;
  private readonly fetch: typeof globalThis.fetch;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly batchSize: number;
  private readonly cipher: RecordCipher;
  private readonly listeners = new Map<keyof SyncEvents<S>, Set<Listener<never>>>();
  private readonly abort = new AbortController();
  private running: Promise<SyncResult> | null = null;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  // Set by enqueue, cleared as a run starts: a sample queued during a run is not left for the next interval.
  private enqueued = false;

  constructor(opts: SyncClientOptions<S>) {
    const batchSize = opts.batchSize ?? MAX_BATCH;
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH) throw new RangeError(`batchSize must be 1–${MAX_BATCH}`);
    this.opts = opts;
    this.batchSize = batchSize;
    this.cipher = recordCipher(opts.key);
    this.fetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
    this.sleep = opts.sleep ?? abortableSleep;
    this.random = opts.random ?? Math.random;
    this.now = opts.now ?? Date.now;
  }

  on<K extends keyof SyncEvents<S>>(type: K, listener: Listener<SyncEvents<S>[K]>): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  private emit<K extends keyof SyncEvents<S>>(type: K, event: SyncEvents<S>[K]): void {
    for (const listener of this.listeners.get(type) ?? []) {
      try {
        (listener as Listener<SyncEvents<S>[K]>)(event);
      } catch {
        // A listener's own failure must not stop the sync or lose a batch.
      }
    }
  }

  /**
   * Seals the samples into the store (one transaction) and returns their record ids. Once this resolves
   * the samples survive a crash; they are sent by the next sync.
   */
  async enqueue(samples: S[]): Promise<string[]> {
    samples.forEach((sample, i) => {
      if (typeof sample !== 'object' || sample === null || Array.isArray(sample) || typeof sample.type !== 'string') {
        throw new TypeError(`samples[${i}] must be an object with a string "type"`);
      }
    });
    const records: StoredRecord[] = await Promise.all(
      samples.map(async (sample) => {
        const id = globalThis.crypto.randomUUID();
        return { id, data: await this.cipher.seal(id, canonicalJson(sample)) };
      }),
    );
    await this.opts.store.append(records);
    this.enqueued = true;
    this.wake?.();
    return records.map((r) => r.id);
  }

  /** Samples waiting to be acknowledged. */
  pending(): Promise<number> {
    return this.opts.store.count();
  }

  /** The samples waiting to be acknowledged, oldest first, decrypted (e.g. to show them). */
  async queued(): Promise<{ recordId: string; sample: S }[]> {
    const records = await this.opts.store.head(EVERYTHING);
    return Promise.all(records.map(async (r) => ({ recordId: r.id, sample: JSON.parse(await this.cipher.open(r.id, r.data)) as S })));
  }

  /**
   * Sends everything queued, batch after batch, retrying network errors, 5xx, 429 and 503 by itself.
   * Resolves when the queue is empty; rejects with a SyncError on what a retry cannot fix (401, 403,
   * 404, other 4xx, a record that cannot be decrypted) or once stop() was called. Concurrent calls share one run.
   */
  sync(): Promise<SyncResult> {
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Syncs now, after every enqueue and every `intervalMs`, until stop() or an error a retry cannot fix. */
  start(opts: { intervalMs?: number } = {}): void {
    if (this.loop || this.abort.signal.aborted) return;
    const intervalMs = opts.intervalMs ?? 60_000;
    this.loop = (async () => {
      while (!this.abort.signal.aborted) {
        this.enqueued = false;
        try {
          await this.sync();
        } catch (error) {
          if (!(error instanceof SyncError) || !error.retryable) break; // reported as an 'error' event already
        }
        if (this.enqueued) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, intervalMs);
          const signal = this.abort.signal;
          function done() {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
          }
          this.wake = done;
          signal.addEventListener('abort', done, { once: true });
        });
        this.wake = null;
      }
    })().finally(() => {
      this.loop = null; // after an error no retry fixes, start() may be called again (a new token, say)
    });
  }

  /**
   * Stops for good: the request in flight is abandoned (it is sent again, with the same key, by the
   * next client on this store). Resolves once nothing of this client touches the store any more.
   */
  async stop(): Promise<void> {
    this.abort.abort(new SyncError('stopped', 'the sync client was stopped'));
    await Promise.allSettled([this.loop, this.running]);
  }

  private async drain(): Promise<SyncResult> {
    const { store } = this.opts;
    const signal = this.abort.signal;
    const total: SyncResult = { batches: 0, sent: 0, accepted: 0, duplicates: 0, rejected: 0 };
    try {
      for (;;) {
        signal.throwIfAborted();
        let ids = await store.inflight();
        let records: StoredRecord[];
        if (ids) {
          records = await store.get(ids);
        } else {
          records = await store.head(this.batchSize);
          if (records.length === 0) break;
          ids = records.map((r) => r.id);
          signal.throwIfAborted();
          await store.setInflight(ids);
        }
        if (records.length === 0) {
          await store.remove(ids);
          continue;
        }
        const samples = await Promise.all(records.map(async (r) => JSON.parse(await this.cipher.open(r.id, r.data)) as S));
        const answer = await this.send(samples, ids, signal);
        if (answer.kind === 'too-large') {
          if (records.length > 1) {
            // Over the server's byte limit: send the first half on its own (recorded, so a restart agrees).
            await store.setInflight(ids.slice(0, Math.ceil(ids.length / 2)));
            continue;
          }
        }
        const rejected =
          answer.kind === 'ok' ? answer.rejected : [{ index: 0, field: '(sample)', reason: 'larger than the server accepts in one request' }];
        const rejections: SampleRejection<S>[] = rejected
          .filter((r) => r.index >= 0 && r.index < records.length)
          .map((r) => ({ recordId: records[r.index]!.id, sample: samples[r.index]!, field: r.field, reason: r.reason }));
        if (rejections.length > 0) this.emit('rejected', { rejections });
        signal.throwIfAborted();
        await store.remove(ids);
        const accepted = answer.kind === 'ok' ? answer.accepted : 0;
        const duplicates = answer.kind === 'ok' ? answer.duplicates : 0;
        total.batches += 1;
        total.sent += records.length;
        total.accepted += accepted;
        total.duplicates += duplicates;
        total.rejected += rejections.length;
        const remaining = await store.count();
        this.emit('progress', {
          sent: records.length, accepted, duplicates, rejected: rejections.length, replayed: answer.kind === 'ok' && answer.replayed, remaining,
        });
      }
    } catch (error) {
      const reported = error instanceof SyncError ? error : new SyncError('store', `the local store failed: ${String(error)}`, { cause: error });
      if (reported.kind !== 'stopped') this.emit('error', { error: reported, willRetry: false });
      throw reported;
    }
    this.emit('idle', { remaining: 0 });
    return total;
  }

  /** One request of a batch: to the app's transport, else to the device sync API with the device's token. */
  private async request(request: SyncRequest<S>): Promise<Response> {
    const { opts } = this;
    if (opts.transport) return opts.transport(request);
    const url = `${opts.baseUrl.replace(/\/+$/, '')}/api/v1/devices/${encodeURIComponent(opts.deviceId)}/sync`;
    const token = typeof opts.token === 'string' ? opts.token : await opts.token();
    return this.fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': request.idempotencyKey },
      body: request.body,
      signal: request.signal,
    });
  }

  /** One batch until the server decides: a 2xx (or a 422 rejecting every sample), a 413, or an error no retry fixes. */
  private async send(samples: S[], recordIds: string[], signal: AbortSignal): Promise<Answer> {
    const body = batchBody(samples);
    const key = await idempotencyKey(body);
    for (let attempt = 0; ; attempt += 1) {
      let status: number;
      let headers: Headers;
      let text: string;
      try {
        const requestSignal = AbortSignal.any([signal, AbortSignal.timeout(this.opts.requestTimeoutMs ?? 60_000)]);
        const res = await untilAborted(this.request({ samples, recordIds, body, idempotencyKey: key, signal: requestSignal }), requestSignal);
        status = res.status;
        headers = res.headers;
        text = await untilAborted(res.text(), requestSignal);
      } catch (error) {
        signal.throwIfAborted();
        await this.retryLater(new SyncError('network', `network error: ${messageOf(error)}`, { retryable: true, cause: error }), attempt, null, signal);
        continue;
      }
      const json = parseJson(text);
      const code = typeof json?.error?.code === 'string' ? json.error.code : undefined;
      if (status >= 200 && status < 300) {
        if (typeof json?.accepted === 'number' && Array.isArray(json.rejected)) {
          return {
            kind: 'ok', accepted: json.accepted, duplicates: typeof json.duplicates === 'number' ? json.duplicates : 0,
            rejected: json.rejected, replayed: headers.get('idempotent-replayed') === 'true',
          };
        }
        // A 2xx whose body did not arrive whole: ask again; the same key makes the server replay its answer.
        await this.retryLater(new SyncError('network', `unreadable ${status} answer`, { retryable: true, status }), attempt, null, signal);
        continue;
      }
      if (status === 422 && Array.isArray(json?.rejected)) {
        return { kind: 'ok', accepted: 0, duplicates: 0, rejected: json.rejected, replayed: false };
      }
      if (status === 413) return { kind: 'too-large' };
      const message = typeof json?.error?.message === 'string' ? json.error.message : `HTTP ${status}`;
      if (status === 429 || status === 503 || status === 408 || status >= 500) {
        const after = status === 429 || status === 503 ? retryAfterMs(headers.get('retry-after'), this.now()) : null;
        await this.retryLater(new SyncError('http', message, { retryable: true, status, code }), attempt, after, signal);
        continue;
      }
      throw new SyncError('http', message, { status, code });
    }
  }

  private async retryLater(error: SyncError, attempt: number, retryAfter: number | null, signal: AbortSignal): Promise<void> {
    const delayMs = retryAfter !== null
      ? Math.min(retryAfter, this.opts.maxRetryAfterMs ?? 600_000)
      : backoffDelay(attempt, this.random, this.opts.backoff);
    this.emit('error', { error, willRetry: true, delayMs, attempt });
    await this.sleep(delayMs, signal);
  }
}

/** The promise, or its signal's reason once aborted (an injected fetch may not watch the signal itself). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined); // its own failure (an aborted fetch) is this one: not left unhandled
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
  return String(error);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function parseJson(text: string): any {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
