// What the Nightscout benchmark sends, in the clients' own shapes: a patient's local day of CGM readings
// every 5 minutes (288 on a 24-hour day), as xDrip+ uploads them (NightscoutUploader.java
// populateV1APIBGEntry + doRESTUploadTo: an array POSTed to `<baseUrl>api/v1/entries` with the secret's
// SHA-1 hex in `api-secret`, JSON as okhttp labels it, not gzipped since our server does not claim
// Express) and as AndroidAPS relays the same readings (core/objects GlucoseValueExtension.kt GV.toJson).
import { createHash } from 'node:crypto';
import { localDateTime, offsetMinutesAt, zonedDayRangeUtc } from '../../lib/time';

const FIVE_MIN = 300_000;

export type Reading = { ms: number; sgv: number; delta: number; direction: string };

/** A plausible day: a slow daily wave, three meal rises and a small deterministic wobble, in mg/dL. */
export function dayOfReadings(day: string, timeZone: string): Reading[] {
  const { startMs, endMs } = zonedDayRangeUtc(day, timeZone);
  const readings: Reading[] = [];
  let previous: number | null = null;
  for (let ms = startMs; ms < endMs; ms += FIVE_MIN) {
    const hour = (ms - startMs) / 3_600_000;
    const meal = [7.5, 12.5, 19].reduce((sum, at) => sum + (hour > at && hour < at + 3 ? 70 * Math.sin(((hour - at) / 3) * Math.PI) : 0), 0);
    const sgv = Math.round(105 + 15 * Math.sin((hour / 24) * 2 * Math.PI) + meal + ((readings.length * 7) % 5) - 2);
    const delta = previous === null ? 0 : sgv - previous;
    readings.push({ ms, sgv, delta, direction: directionOf(delta) });
    previous = sgv;
  }
  return readings;
}

// xDrip+'s slope names (BgReading.slopeName) by mg/dL per 5 minutes.
function directionOf(delta: number): string {
  const perMin = delta / 5;
  if (perMin <= -3.5) return 'DoubleDown';
  if (perMin <= -2) return 'SingleDown';
  if (perMin <= -1) return 'FortyFiveDown';
  if (perMin < 1) return 'Flat';
  if (perMin < 2) return 'FortyFiveUp';
  if (perMin < 3.5) return 'SingleUp';
  return 'DoubleUp';
}

/** Java's SimpleDateFormat "yyyy-MM-dd'T'HH:mm:ss.SSSZ" in the phone's zone, e.g. 2026-12-04T08:05:00.000+0100. */
function javaDateString(ms: number, timeZone: string): string {
  const offset = offsetMinutesAt(ms, timeZone);
  const abs = Math.abs(offset);
  const zone = `${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
  return `${localDateTime(ms, timeZone)}.${String(ms % 1000).padStart(3, '0')}${zone}`;
}

/** xDrip+ NightscoutUploader.java populateV1APIBGEntry: every field it puts, in its order. */
export const xdripEntry = (r: Reading, timeZone: string) => ({
  device: 'xDrip-DexcomG6',
  date: r.ms,
  dateString: javaDateString(r.ms, timeZone),
  sgv: r.sgv,
  delta: r.delta,
  direction: r.direction,
  type: 'sgv',
  filtered: r.sgv * 1000 + 176,
  unfiltered: r.sgv * 1000 + 352,
  rssi: 100,
  noise: 1,
  sysTime: javaDateString(r.ms, timeZone),
});

/** AndroidAPS GV.toJson relaying xDrip+'s reading a few seconds later (its own receive time). */
export const aapsEntry = (r: Reading) => ({
  device: 'AndroidAPS-DexcomG6',
  date: r.ms + 3_000,
  dateString: new Date(r.ms + 3_000).toISOString(),
  isValid: true,
  sgv: r.sgv,
  direction: r.direction,
  type: 'sgv',
});

export type Site = { id: string; baseUrl: string; apiSecret: string };

const secretHeader = (site: Site) => ({ 'api-secret': createHash('sha1').update(site.apiSecret).digest('hex') });

/**
 * POSTs documents to `<baseUrl>api/v1/entries` as the clients do; resolves with the milliseconds from
 * sending to the whole answer. Anything but a 200 storing every document fails the run.
 */
export async function postEntries(site: Site, docs: unknown[]): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${site.baseUrl}api/v1/entries`, {
    method: 'POST',
    headers: { ...secretHeader(site), 'content-type': 'application/json; charset=utf-8', 'user-agent': 'okhttp/4.12.0' },
    body: JSON.stringify(docs),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  const stored = res.status === 200 ? (JSON.parse(text) as unknown[]) : [];
  if (res.status !== 200 || stored.length !== docs.length || res.headers.has('x-rejected-entries')) {
    throw new Error(`POST entries (${docs.length} documents): ${res.status} ${res.headers.get('x-rejected-entries') ?? ''} ${text.slice(0, 200)}`);
  }
  return ms;
}

/** GET `<baseUrl>api/v1/<path>` with the secret, as a follower (xDrip+ follower, Nightguard) reads entries. */
export async function readEntries(site: Site, path: string): Promise<unknown[]> {
  const res = await fetch(`${site.baseUrl}api/v1/${path}`, { headers: secretHeader(site) });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as unknown[];
}
