// Sync → aggregates-visible latency against the production server: DEVICES devices (spread over
// USERS users) each push 100 heart-rate readings at once through the sync client, round after round;
// from the moment its answer has arrived (not once the client has updated its queue) the device's owner
// polls GET /api/v1/users/me/aggregates until the hour holding those readings counts them. Every sync
// gets an hour of its own, so no reading is deduplicated against another device's and "visible" means
// exactly "count ≥ 100".
import { registerDevice } from '../../lib/data/devices';
import { hashPassword } from '../../lib/auth/password';
import { localDate, localDateTime } from '../../lib/time';
import type { SampleStore, SyncClient } from '../../packages/sync-client/src/node';
import { observedFetch, openQueues, strictClient } from '../device-clients';
import { hourlyRows, signIn, waitUntilVisible } from './latency-client';
import { percentile, round } from './stats';
import { createUser } from './store';

export type LatencyResult = { p50: number; p95: number; n: number };

const DEVICES = 10;
const USERS = 5; // two devices per user: the per-user job queue is exercised too
const READINGS = 100;
const HOUR_MS = 3_600_000;
const TIME_ZONE = 'Europe/Berlin';
const POLL_MS = 20;
const TIMEOUT_MS = 60_000;

type Client = {
  client: SyncClient;
  store: SampleStore;
  strict: ReturnType<typeof strictClient>;
  /** Told the time the device's next answer has arrived. */
  answer: { next: ((atMs: number) => void) | null };
  cookie: string;
};

async function setUp(baseUrl: string, queues: Awaited<ReturnType<typeof openQueues>>): Promise<Client[]> {
  const password = `bench-${Math.random().toString(36).slice(2)}-password`;
  const passwordHash = await hashPassword(password);
  const clients: Client[] = [];
  for (let u = 0; u < USERS; u += 1) {
    const user = await createUser({ label: `latency-${u}`, timeZone: TIME_ZONE, passwordHash });
    const cookie = await signIn(baseUrl, user.email, password);
    for (let d = 0; d < DEVICES / USERS; d += 1) {
      const device = await registerDevice(user.id, { name: `Latency ${u}.${d}`, type: d === 0 ? 'watch' : 'phone' });
      const answer: Client['answer'] = { next: null };
      const { client, store } = await queues.open(baseUrl, device, `${u}-${d}`, { fetch: observedFetch((e) => answer.next?.(e.endedMs)) });
      clients.push({ client, store, strict: strictClient(client), answer, cookie });
    }
  }
  return clients;
}

/** One sync of one device into an hour no other sync uses; resolves with the visible latency. */
async function syncAndWait(baseUrl: string, client: Client, slot: number, nowMs: number): Promise<number> {
  const hourStartMs = Math.floor(nowMs / HOUR_MS) * HOUR_MS - (2 + slot) * HOUR_MS; // past, never future
  const samples = Array.from({ length: READINGS }, (_, i) => {
    // 30 s apart, from 90 s past the hour: ten minutes clear of the neighbouring hours' readings, which
    // belong to other devices and would otherwise fall within heart rate's 60 s match window.
    const at = new Date(hourStartMs + 90_000 + i * 30_000).toISOString();
    return { type: 'HEART_RATE', value: 60 + (i % 30), unit: 'count/min', startDate: at, endDate: at, clientRecordId: `lat-${slot}-${i}` };
  });
  const day = localDate(hourStartMs, TIME_ZONE);
  const label = `${localDateTime(hourStartMs, TIME_ZONE).slice(0, 13)}:00:00`;
  await client.client.enqueue(samples);
  const answered = new Promise<number>((resolve) => (client.answer.next = resolve));
  const synced = client.strict.sync();
  // A failed sync fails the round rather than waiting for data that never comes.
  const sinceMs = await Promise.race([answered, synced.then(() => answered)]);
  client.answer.next = null;
  const latency = await waitUntilVisible({
    sinceMs,
    everyMs: POLL_MS,
    timeoutMs: TIMEOUT_MS,
    isVisible: async () => (await hourlyRows(baseUrl, client.cookie, 'HEART_RATE', day)).some((r) => r.periodStart === label && r.count >= READINGS),
  });
  const result = await synced;
  if (result.batches !== 1) throw new Error(`${result.batches} batches for one sync`);
  return latency;
}

export async function measureVisibleLatency(baseUrl: string, rounds: number): Promise<LatencyResult> {
  const queues = await openQueues('bench-latency');
  try {
    const clients = await setUp(baseUrl, queues);
    const nowMs = Date.now();
    // Round 0 warms up the server (connections, route modules) and is not reported.
    const latencies: number[] = [];
    try {
      for (let r = 0; r <= rounds; r += 1) {
        const results = await Promise.all(clients.map((client, d) => syncAndWait(baseUrl, client, r * DEVICES + d, nowMs)));
        if (r > 0) latencies.push(...results);
      }
    } finally {
      await Promise.all(clients.map(async (c) => {
        await c.client.stop();
        await c.store.close();
      }));
    }
    return { p50: round(percentile(latencies, 50), 1), p95: round(percentile(latencies, 95), 1), n: latencies.length };
  } finally {
    await queues.remove();
  }
}
