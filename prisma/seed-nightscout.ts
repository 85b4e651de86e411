// Demo Nightscout uploader (never in production; seedDemo checks): patient@demo.test, who has type 1 diabetes,
// wears a CGM (a Dexcom G6) relayed by two apps: xDrip+ uploads 14 days of readings every 5 minutes (with a
// sensor change's warm-up and a signal loss as gaps), and AndroidAPS relays the last 24 h of them again a few
// seconds later with the same values, the field's most common duplicate. The trace is a plausible type 1
// one (lib/demo/cgm-type1.ts: meals, some lows at night, highs, CV near 36 %), the same function the demo
// meter's readings come from. Everything goes through the real code paths: the site is created as
// POST /api/v1/nightscout-sites creates it (a fresh random secret, never printed nor kept: only its hashes
// are stored, so no demo secret works anywhere), and the readings through uploadEntries, the use case
// behind POST api/v1/entries. The dashboard then shows one stream and the site lists two uploaders. Safe to
// run twice: it stops when the patient has a site.
import { prisma } from '../lib/db/client';
import { recomputeDirtyRanges } from '../lib/data/aggregation/recompute-user';
import { createNightscoutSite, findActiveNightscoutSite } from '../lib/data/nightscout-sites';
import { byEmail } from '../lib/data/user-email';
import { DEMO_PROFILES } from '../lib/demo';
import { type1Glucose } from '../lib/demo/cgm-type1';
import { generateApiSecret } from '../lib/nightscout/secret';
import { uploadEntries } from '../lib/nightscout/upload-entries';
import { zoneClock } from '../lib/time';

const MIN_MS = 60_000;
const STEP_MS = 5 * MIN_MS;
export const DEMO_CGM_DAYS = 14;
const PER_DAY = 288;
/** Sensor gaps, as slots counted back from the newest reading: a sensor change's 2 h warm-up, a 1.5 h signal loss. */
const GAPS = [
  { fromBack: Math.round(9.4 * PER_DAY), slots: 26 },
  { fromBack: Math.round(3.7 * PER_DAY), slots: 18 },
];
export const DEMO_UPLOADERS = [
  { device: 'xDrip-DexcomG6', delayMs: 0, days: DEMO_CGM_DAYS },
  { device: 'AndroidAPS-DexcomG6', delayMs: 9_000, days: 1 }, // relayed by xDrip+'s broadcast, seconds later
] as const;

// cgm-remote-monitor's arrows by the rate of change (mg/dL per minute).
function direction(deltaPer5: number): string {
  const rate = deltaPer5 / 5;
  if (rate > 3) return 'DoubleUp';
  if (rate > 2) return 'SingleUp';
  if (rate > 1) return 'FortyFiveUp';
  if (rate >= -1) return 'Flat';
  if (rate >= -2) return 'FortyFiveDown';
  if (rate >= -3) return 'SingleDown';
  return 'DoubleDown';
}

const inGap = (back: number) => GAPS.some((g) => back < g.fromBack && back >= g.fromBack - g.slots);

/**
 * The 14 days of readings ending at `now` (on the 5-minute grid, 30 s after each step as a G6 reads),
 * oldest first, without the sensor gaps; `delta` against the reading 5 minutes before (0 after a gap).
 */
export function demoReadings(now: Date, timeZone: string, seed: number = DEMO_PROFILES[0]!.seed): { atMs: number; sgv: number; delta: number }[] {
  const clock = zoneClock(timeZone);
  const lastMs = Math.floor(now.getTime() / STEP_MS) * STEP_MS - 30_000;
  const count = DEMO_CGM_DAYS * PER_DAY;
  const out: { atMs: number; sgv: number; delta: number }[] = [];
  let previous: { atMs: number; sgv: number } | null = null;
  for (let back = count - 1; back >= 0; back--) {
    if (inGap(back)) continue;
    const atMs = lastMs - back * STEP_MS;
    const sgv = type1Glucose(seed, atMs, clock.offsetAt(atMs));
    out.push({ atMs, sgv, delta: previous && atMs - previous.atMs === STEP_MS ? sgv - previous.sgv : 0 });
    previous = { atMs, sgv };
  }
  return out;
}

/** Creates the demo site of `patientId` and its two uploaders' readings (`samples` posted); null when the patient already has a site. */
export async function seedNightscoutSite(args: { patientId: string; timeZone: string; now: Date; seed?: number }): Promise<{ siteId: string; samples: number } | null> {
  if ((await prisma.nightscoutSite.count({ where: { device: { userId: args.patientId } } })) > 0) return null;
  const { secretSha1, secretSha512 } = generateApiSecret(); // the secret itself is dropped here
  const { id } = await createNightscoutSite(args.patientId, { name: 'Phone: xDrip+ and AndroidAPS', secretSha1, secretSha512 });
  const site = await findActiveNightscoutSite(id);
  if (!site) throw new Error('the demo Nightscout site was not created');
  const readings = demoReadings(args.now, args.timeZone, args.seed);
  let samples = 0;
  for (const uploader of DEMO_UPLOADERS) {
    const sinceMs = args.now.getTime() - uploader.days * 86_400_000;
    const entries = readings.filter((r) => r.atMs >= sinceMs).map((r) => ({
      type: 'sgv',
      device: uploader.device,
      date: r.atMs + uploader.delayMs,
      dateString: new Date(r.atMs + uploader.delayMs).toISOString(),
      sgv: r.sgv,
      delta: r.delta,
      direction: direction(r.delta),
      noise: 1,
    }));
    const result = await uploadEntries(site, entries, args.now.getTime());
    if (result.rejected.length > 0) throw new Error(`demo Nightscout entries rejected: ${JSON.stringify(result.rejected[0])}`);
    samples += entries.length;
  }
  await recomputeDirtyRanges(args.patientId);
  return { siteId: id, samples };
}

/** The demo's site, for patient@demo.test (seed.ts calls it once the demo accounts exist). */
export async function seedNightscoutDemo(now = new Date()) {
  const patient = await prisma.user.findUniqueOrThrow({ where: byEmail('patient@demo.test'), select: { id: true, profile: { select: { timeZone: true } } } });
  return seedNightscoutSite({ patientId: patient.id, timeZone: patient.profile?.timeZone ?? 'UTC', now, seed: DEMO_PROFILES[0]!.seed });
}
