// Preloads "already stored" data for the at-scale measurements: users (Europe/Berlin, password known so
// they can sign in) with a watch, a phone and a scale, and `days` local days up to yesterday of minute
// heart rate, watch steps per 10 min (07–22 h UTC), phone steps per 15 min at noon (overlapping the
// watch: dedup has work), hourly SpO2, four glucose readings and one weigh-in a day. Rows go in with
// COPY (not through sync), so no dirty ranges are marked: aggregates come from the real recompute
// (recomputeAll), not from generated rows.
import pg from 'pg';
import { copySamples } from '../ingest-measure';
import { createBenchUser } from '../server';

const MIN = 60_000;
const DAY = 86_400_000;
export const TIME_ZONE = 'Europe/Berlin';

export type PreloadedUser = { id: string; email: string; samples: number };

type Device = { id: string };
type Devices = { watch: Device; phone: Device; scale: Device };

const csv = (userId: string, deviceId: string, type: string, startMs: number, endMs: number, value: number, recordId: string) =>
  `${userId},${deviceId},${type},${new Date(startMs).toISOString()},${new Date(endMs).toISOString()},${value},,${recordId},,\n`;

/** One user's rows, day by day (a generator: 570k rows a year are never all in memory). */
function* userRows(userId: string, d: Devices, firstDayMs: number, days: number): Generator<string> {
  for (let day = 0; day < days; day += 1) {
    const dayMs = firstDayMs + day * DAY;
    const rows: string[] = [];
    for (let m = 0; m < 1440; m += 1) {
      const t = dayMs + m * MIN;
      const hour = m / 60;
      rows.push(csv(userId, d.watch.id, 'HEART_RATE', t, t, 58 + ((m * 7 + day * 3) % 45), `hr-${t}`));
      if (m % 10 === 0 && hour >= 7 && hour < 22) rows.push(csv(userId, d.watch.id, 'STEPS', t, t + 10 * MIN, (m * 13 + day) % 700, `st-${t}`));
      if (m % 15 === 0 && hour >= 12 && hour < 14) rows.push(csv(userId, d.phone.id, 'STEPS', t, t + 15 * MIN, (m * 11 + day) % 900, `pst-${t}`));
      if (m % 60 === 30) rows.push(csv(userId, d.watch.id, 'OXYGEN_SATURATION', t, t, 94 + ((m + day) % 6), `spo2-${t}`));
      if (m === 7 * 60 + 15 || m === 12 * 60 + 40 || m === 18 * 60 + 50 || m === 22 * 60) rows.push(csv(userId, d.phone.id, 'BLOOD_GLUCOSE', t, t, 90 + ((m + day * 7) % 60), `bg-${t}`));
      if (m === 6 * 60 + 45) rows.push(csv(userId, d.scale.id, 'WEIGHT', t, t, 78 - day * 0.005 + ((day * 37) % 10) / 20, `w-${t}`));
    }
    yield rows.join('');
  }
}

/** Per user and day: 1,440 + 90 + 8 + 24 + 4 + 1 rows. */
export const ROWS_PER_DAY = 1440 + 90 + 8 + 24 + 4 + 1;

/** UTC midnight `days` days before today: the first preloaded day (the last is yesterday). */
export const firstPreloadDayMs = (days: number) => Math.floor(Date.now() / DAY) * DAY - days * DAY;

/** Creates a user with its three devices and COPYs its rows; the monthly partitions must exist. */
export async function preloadUser(client: pg.Client, opts: { index: number; days: number; passwordHash: string }): Promise<PreloadedUser> {
  const { registerDevice } = await import('../../lib/data/devices');
  const user = await createBenchUser({ email: `preload-${opts.index}-${Date.now()}@bench.test`, passwordHash: opts.passwordHash, name: `Preload ${opts.index}`, timeZone: TIME_ZONE });
  const devices: Devices = {
    watch: await registerDevice(user.id, { name: 'Watch', type: 'watch' }),
    phone: await registerDevice(user.id, { name: 'Phone', type: 'phone' }),
    scale: await registerDevice(user.id, { name: 'Scale', type: 'scale' }),
  };
  await copySamples(client, userRows(user.id, devices, firstPreloadDayMs(opts.days), opts.days));
  return { ...user, samples: ROWS_PER_DAY * opts.days };
}

/** Monthly partitions from the first preloaded day to three months ahead. */
export async function ensurePartitions(client: pg.Client, days: number): Promise<void> {
  const from = new Date(firstPreloadDayMs(days)).toISOString().slice(0, 10);
  await client.query(`SELECT ensure_health_sample_partitions($1::date, (CURRENT_DATE + INTERVAL '3 months')::date)`, [from]);
}

/**
 * The real aggregate step over every preloaded user: the user's whole history marked dirty, then
 * recomputeDirtyRanges (the pipeline's own function), one user at a time (marked just before, so the
 * server's sweep has no time to take the work). Resolves with the seconds the recomputes took.
 */
export async function recomputeAll(userIds: string[]): Promise<number> {
  const { markHistoryDirty, recomputeDirtyRanges } = await import('../../lib/data/aggregation/recompute-user');
  let seconds = 0;
  for (const id of userIds) {
    await markHistoryDirty(id);
    const started = performance.now();
    const result = await recomputeDirtyRanges(id);
    seconds += (performance.now() - started) / 1000;
    if (result.ranges === 0) throw new Error(`user ${id}: nothing was dirty (the server's sweep took the work)`);
  }
  return seconds;
}
