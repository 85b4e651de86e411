// The benchmarks' and the chaos runs' devices sync through the real client, @pulse/sync-client: samples
// are sealed into an encrypted file queue, sent in batches with content-derived Idempotency-Keys,
// retried (back-off, Retry-After) and deleted after a 2xx. Here: a folder of queue files for a run, and
// the client's fetch wrapped so a run sees every exchange (when it was in flight and what came back),
// to tell the server's time from the client's and to tally the answers.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importNodeKey, openFileStore, SyncClient, type SampleStore, type SyncClientOptions, type SyncResult } from '../packages/sync-client/src/node';

/** One request: asked for (`calledMs`), sent (`startedMs`, after waiting for a slot), answered or failed (`endedMs`). */
export type Exchange = { calledMs: number; startedMs: number; endedMs: number; status: number | null; retryAfter: string | null };

/** At most `n` requests in flight among the clients that share these slots (first come, first served). */
export function requestSlots(n: number) {
  let free = n;
  const waiting: (() => void)[] = [];
  return {
    acquire: (): Promise<void> => {
      if (free > 0) {
        free -= 1;
        return Promise.resolve();
      }
      return new Promise((resolve) => waiting.push(resolve));
    },
    release: (): void => {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    },
  };
}

/**
 * fetch, reporting each exchange (request sent → whole answer read, or the failure: status null). With
 * `slots`, a request waits for a free slot first (not part of the exchange's time).
 */
export function observedFetch(observe: (exchange: Exchange) => void, slots?: ReturnType<typeof requestSlots>): typeof fetch {
  return async (input, init) => {
    const calledMs = performance.now();
    await slots?.acquire();
    const startedMs = performance.now();
    try {
      const res = await fetch(input, init);
      const body = await res.arrayBuffer();
      observe({ calledMs, startedMs, endedMs: performance.now(), status: res.status, retryAfter: res.headers.get('retry-after') });
      return new Response(body.byteLength === 0 ? null : body, { status: res.status, statusText: res.statusText, headers: res.headers });
    } catch (error) {
      observe({ calledMs, startedMs, endedMs: performance.now(), status: null, retryAfter: null });
      throw error;
    } finally {
      slots?.release();
    }
  };
}

export type Device = { id: string; token: string };
/** What the benchmarks and chaos runs set beside the device, store and key. */
type ClientOptions = Pick<SyncClientOptions, 'batchSize' | 'fetch' | 'backoff'>;

/** A temporary folder of queue files, one key for all of them; `remove()` deletes the folder. */
export async function openQueues(label: string) {
  const dir = await mkdtemp(path.join(tmpdir(), `pulse-${label}-`));
  const key = importNodeKey(randomBytes(32));
  return {
    /** The device's store (the same file each time for the same name) and a client on it. */
    open: async (baseUrl: string, device: Device, name: string, opts: ClientOptions = {}): Promise<{ client: SyncClient; store: SampleStore }> => {
      const store = await openFileStore(path.join(dir, `${name}.db`));
      return { store, client: new SyncClient({ baseUrl, deviceId: device.id, token: device.token, store, key, ...opts }) };
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * A device for a measurement: its client fails the run at the first sign of trouble (an error, retried or
 * not, a refused sample, a sample not accepted) instead of retrying it into the figures.
 */
export function strictClient(client: SyncClient): { sync: () => Promise<SyncResult> } {
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    void client.stop();
  };
  client.on('error', (e) => fail(new Error(`sync failed: ${e.error.message}${e.error.status ? ` (${e.error.status} ${e.error.code ?? ''})` : ''}`)));
  client.on('rejected', (e) => fail(new Error(`samples refused: ${JSON.stringify(e.rejections.slice(0, 3).map((r) => `${r.field}: ${r.reason}`))}`)));
  client.on('progress', (e) => {
    if (e.accepted !== e.sent) fail(new Error(`${e.sent} samples sent but ${e.accepted} accepted (${e.duplicates} duplicates)`));
  });
  return {
    sync: async () => {
      try {
        const result = await client.sync();
        if (failure) throw failure;
        return result;
      } catch (error) {
        throw failure ?? error;
      }
    },
  };
}

/** Milliseconds of [start, end) intervals covered by at least one of them. */
export function coveredMs(intervals: { startedMs: number; endedMs: number }[]): number {
  const sorted = [...intervals].sort((a, b) => a.startedMs - b.startedMs);
  let total = 0;
  let end = -Infinity;
  for (const { startedMs, endedMs } of sorted) {
    if (endedMs <= end) continue;
    total += endedMs - Math.max(startedMs, end);
    end = endedMs;
  }
  return total;
}
