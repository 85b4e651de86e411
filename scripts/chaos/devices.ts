// The chaos runs' devices: each produces readings at a steady pace and syncs them with the real sync
// client (@pulse/sync-client, through bench/device-clients.ts): an encrypted queue file, batches of up to
// 1,000 with content-derived Idempotency-Keys, retries with back-off and Retry-After, deletion after a
// 2xx. While the server or its database is down the queues grow; afterwards they drain. Every answer is
// tallied; anything a correct server never answers, or a client that gives up, is a violation.
import { observedFetch, openQueues, type Exchange } from '../../bench/device-clients';
import type { SampleStore, SyncClient, SyncSample } from '../../packages/sync-client/src/node';

export type Device = { id: string; token: string; userId: string };
/** What a device enqueued (and, once drained, the server must hold exactly once). */
export type DeviceRun = { id: string; userId: string; recordIds: string[]; intervals: number };
export type Tally = {
  /** 2xx answers. */
  acks: number;
  statuses: Record<string, number>;
  networkErrors: number;
  /** Attempts the clients retried (network errors, 5xx, 503). */
  retries: number;
  /** Batches the clients saw acknowledged, their samples, and how many the server replayed (a resend). */
  batches: number;
  samples: number;
  replayed: number;
  /** The longest any queue got (samples). */
  maxQueued: number;
  clientRestarts: number;
  violations: string[];
};

const READING_MS = 15_000;
const READINGS_PER_CHUNK = 50;
/** One chunk per device every PACE_MS: about 800 samples/s from 4 devices. */
const PACE_MS = 250;
/** Chunks per device at most: 69 days of readings, from 75 days ago (all in the past). */
const MAX_CHUNKS = 8000;
const DRAIN_TIMEOUT_MS = 180_000;

/** Chunk `b`: 50 heart-rate readings with record ids, one steps interval without one, and every fifth chunk the previous chunk's last 5 readings again (layer-1 dedup). */
export function makeChunk(deviceLabel: string, b: number, startMs: number): { samples: SyncSample[]; recordIds: string[] } {
  const reading = (n: number): SyncSample => {
    const at = new Date(startMs + n * READING_MS).toISOString();
    return { type: 'HEART_RATE', value: 55 + (n % 50), unit: 'count/min', startDate: at, endDate: at, clientRecordId: `${deviceLabel}-hr-${n}` };
  };
  const first = b * READINGS_PER_CHUNK;
  const samples = Array.from({ length: READINGS_PER_CHUNK }, (_, i) => reading(first + i));
  const recordIds = samples.map((s) => String(s.clientRecordId));
  const t = startMs + first * READING_MS;
  samples.push({ type: 'STEPS', value: 100 + b, unit: 'count', startDate: new Date(t).toISOString(), endDate: new Date(t + READINGS_PER_CHUNK * READING_MS).toISOString() });
  if (b > 0 && b % 5 === 0) for (let i = 1; i <= 5; i += 1) samples.push(reading(first - i));
  return { samples, recordIds };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts every device producing and syncing until stop(), which stops the producers, waits until every
 * queue is empty (the server must be up then) and closes the clients. restartClient(i) stops device i's
 * client and starts a new one on the same queue file (an app killed mid-sync).
 */
export async function startDevices(label: string, devices: Device[], baseUrl: string) {
  const tally: Tally = { acks: 0, statuses: {}, networkErrors: 0, retries: 0, batches: 0, samples: 0, replayed: 0, maxQueued: 0, clientRestarts: 0, violations: [] };
  const queues = await openQueues(`chaos-${label}`);
  const observe = (name: string) => (e: Exchange) => {
    if (e.status === null) {
      tally.networkErrors += 1; // the server is down or was killed mid-request: the client retries
      return;
    }
    tally.statuses[e.status] = (tally.statuses[e.status] ?? 0) + 1;
    if (e.status >= 200 && e.status < 300) tally.acks += 1;
    else if (e.status !== 503) tally.violations.push(`unexpected ${e.status} for device ${name}`);
    else if (!e.retryAfter) tally.violations.push(`503 without Retry-After for device ${name}`);
  };

  type State = { name: string; client: SyncClient; store: SampleStore; run: DeviceRun; lock: Promise<unknown> };
  const connect = async (device: Device, name: string) => {
    const { client, store } = await queues.open(baseUrl, device, name, {
      fetch: observedFetch(observe(name)),
      // Shorter than the defaults (0.5 s doubling to 60 s) so a restarted server sees its clients soon.
      backoff: { baseMs: 100, maxMs: 2000 },
    });
    client.on('error', (e) => {
      if (e.willRetry) tally.retries += 1;
      else tally.violations.push(`the client of device ${name} stopped: ${e.error.message}`);
    });
    client.on('rejected', (e) => tally.violations.push(`device ${name}: ${e.rejections.length} valid samples refused (${e.rejections[0]!.field}: ${e.rejections[0]!.reason})`));
    client.on('progress', (e) => {
      tally.batches += 1;
      tally.samples += e.sent;
      if (e.replayed) tally.replayed += 1;
      tally.maxQueued = Math.max(tally.maxQueued, e.remaining + e.sent);
    });
    client.start({ intervalMs: 1000 });
    return { client, store };
  };
  const states: State[] = await Promise.all(
    devices.map(async (device, i) => ({ name: `${label}-${i}`, ...(await connect(device, `${label}-${i}`)), run: { id: device.id, userId: device.userId, recordIds: [], intervals: 0 }, lock: Promise.resolve() })),
  );
  /** One thing at a time on a device's client: an enqueue or a restart. */
  const locked = <T>(state: State, fn: () => Promise<T>): Promise<T> => {
    const next = state.lock.then(fn);
    state.lock = next.catch(() => undefined);
    return next;
  };

  let stopping = false;
  // Readings from 75 days ago on: MAX_CHUNKS stay in the past.
  const startMs = Math.floor(Date.now() / 60_000) * 60_000 - 75 * 86_400_000;
  const producing = Promise.all(
    states.map(async (state) => {
      for (let b = 0; b < MAX_CHUNKS && !stopping; b += 1) {
        const chunk = makeChunk(state.name, b, startMs);
        await locked(state, () => state.client.enqueue(chunk.samples));
        state.run.recordIds.push(...chunk.recordIds);
        state.run.intervals += 1;
        await sleep(PACE_MS);
      }
    }),
  );

  return {
    tally,
    restartClient: (i: number) =>
      locked(states[i]!, async () => {
        const state = states[i]!;
        await state.client.stop();
        await state.store.close();
        Object.assign(state, await connect(devices[i]!, state.name));
        tally.clientRestarts += 1;
      }),
    stop: async (): Promise<{ tally: Tally; devices: DeviceRun[] }> => {
      stopping = true;
      await producing;
      await Promise.all(
        states.map((state) =>
          locked(state, async () => {
            let timer: NodeJS.Timeout | undefined;
            const drained = await Promise.race([
              state.client.sync().then(() => true, () => false), // a client that gives up has said so ('error')
              new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), DRAIN_TIMEOUT_MS))),
            ]);
            clearTimeout(timer);
            await state.client.stop();
            const left = await state.store.count();
            if (!drained || left > 0) tally.violations.push(`device ${state.name}: ${left} samples still queued after ${DRAIN_TIMEOUT_MS / 1000} s`);
            await state.store.close();
          }),
        ),
      );
      await queues.remove();
      return { tally, devices: states.map((s) => s.run) };
    },
  };
}
