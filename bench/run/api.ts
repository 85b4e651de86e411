// API read latency with C concurrent clients against the production server: each endpoint in turn,
// every request by a randomly chosen signed-in preloaded user for a random day of their data.
// Latency = request sent → whole body read. A non-200, or a response without the preloaded data, fails
// the run (a fast error must not pass for a fast answer).
import { addDays, zonedDayRangeUtc } from '../../lib/time';
import { signIn } from '../pipeline/latency-client';
import { percentile, round } from '../pipeline/stats';
import { TIME_ZONE } from './preload';

export type Percentiles = { p50: number; p95: number; p99: number; n: number; perSec: number };
type Endpoint = { name: string; path: (day: string) => string; check: (body: unknown) => boolean };

const hasHeartRate = (rows: unknown) => Array.isArray(rows) && rows.length > 0;

export const ENDPOINTS: Endpoint[] = [
  { name: 'summary', path: (day) => `/api/v1/users/me/summary?date=${day}`, check: (b) => typeof (b as { types: Record<string, number> }).types.HEART_RATE === 'number' },
  {
    name: 'aggregatesMonthDaily',
    path: (day) => `/api/v1/users/me/aggregates?types=HEART_RATE,STEPS&period=day&from=${addDays(day, -30)}&to=${day}`,
    check: (b) => hasHeartRate((b as Record<string, unknown>).HEART_RATE),
  },
  {
    name: 'aggregatesWeekHourly',
    path: (day) => `/api/v1/users/me/aggregates?types=HEART_RATE&period=hour&from=${addDays(day, -6)}&to=${day}`,
    check: (b) => hasHeartRate((b as Record<string, unknown>).HEART_RATE),
  },
  {
    name: 'samplesDay',
    path: (day) => {
      const { startMs, endMs } = zonedDayRangeUtc(day, TIME_ZONE);
      return `/api/v1/users/me/samples?type=HEART_RATE&from=${new Date(startMs).toISOString()}&to=${new Date(endMs).toISOString()}&limit=5000`;
    },
    check: (b) => (b as { samples: unknown[] }).samples.length >= 1380, // a full local day of minute readings
  },
];

async function timedGet(baseUrl: string, path: string, cookie: string, check: Endpoint['check']): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  const text = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 200)}`);
  if (!check(JSON.parse(text))) throw new Error(`GET ${path}: the preloaded data is missing from ${text.slice(0, 200)}`);
  return ms;
}

/** A session cookie for each user (signed in once, used by every measurement). */
export async function signInAll(baseUrl: string, users: { email: string }[], password: string): Promise<string[]> {
  const cookies: string[] = [];
  for (const user of users) cookies.push(await signIn(baseUrl, user.email, password));
  return cookies;
}

/**
 * `days`: the local days holding full data (the first and last preloaded days are partial in
 * Europe/Berlin, so callers pass the inner ones).
 */
export async function measureApi(args: {
  /** The instances the clients spread over (client i asks instance i mod n), as behind a load balancer. */
  baseUrls: string[];
  cookies: string[];
  days: string[];
  clients: number;
  requestsPerClient: number;
}): Promise<Record<string, Percentiles>> {
  const { cookies } = args;
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
  const result: Record<string, Percentiles> = {};
  for (const endpoint of ENDPOINTS) {
    const runClients = async (perClient: number) => {
      const latencies: number[] = [];
      await Promise.all(
        Array.from({ length: args.clients }, async (_, c) => {
          const baseUrl = args.baseUrls[c % args.baseUrls.length]!;
          for (let i = 0; i < perClient; i += 1) latencies.push(await timedGet(baseUrl, endpoint.path(pick(args.days)), pick(cookies), endpoint.check));
        }),
      );
      return latencies;
    };
    await runClients(2); // warm-up, not reported
    const started = performance.now();
    const latencies = await runClients(args.requestsPerClient);
    result[endpoint.name] = {
      p50: round(percentile(latencies, 50), 1),
      p95: round(percentile(latencies, 95), 1),
      p99: round(percentile(latencies, 99), 1),
      n: latencies.length,
      perSec: Math.round(latencies.length / ((performance.now() - started) / 1000)),
    };
    const p = result[endpoint.name]!;
    console.log(`  ${endpoint.name} (${args.clients} clients, ${args.baseUrls.length} instance(s)): p50 ${p.p50} ms, p95 ${p.p95} ms, p99 ${p.p99} ms, ${p.perSec} requests/s`);
  }
  return result;
}
