// Demo Nightscout uploader (never in production; seedDemo checks): patient@demo.test's CGM (a Dexcom G6)
// relayed by two apps, xDrip+ and AndroidAPS, both posting the same 24 h of readings every 5 minutes (the
// second a few seconds later, same values), as the field's most common duplicate. Everything goes through
// the real code paths: the site is created as POST /api/v1/nightscout-sites creates it (a fresh random
// secret, never printed nor kept: only its hashes are stored, so no demo secret works anywhere), and the
// readings through uploadEntries, the use case behind POST api/v1/entries. The dashboard then shows one
// stream and the site lists two uploaders. Safe to run twice: it stops when the patient has a site.
import { prisma } from '../lib/db/client';
import { recomputeDirtyRanges } from '../lib/data/aggregation/recompute-user';
import { createNightscoutSite, findActiveNightscoutSite } from '../lib/data/nightscout-sites';
import { byEmail } from '../lib/data/user-email';
import { generateApiSecret } from '../lib/nightscout/secret';
import { uploadEntries } from '../lib/nightscout/upload-entries';
import { localDateTime } from '../lib/time';

const MIN_MS = 60_000;
const READINGS = 288; // 24 h every 5 minutes
export const DEMO_UPLOADERS = [
  { device: 'xDrip-DexcomG6', delayMs: 0 },
  { device: 'AndroidAPS-DexcomG6', delayMs: 9_000 }, // relayed by xDrip+'s broadcast, seconds later
] as const;

// A person without diabetes (Alex's profile, fasting ~90 mg/dL): meals raise glucose for about three hours,
// a dawn rise before waking; always inside 70–180, as such a person's CGM is.
const MEALS = [
  { minute: 7 * 60 + 30, rise: 38 },
  { minute: 12 * 60 + 45, rise: 44 },
  { minute: 19 * 60 + 15, rise: 48 },
];

/** mg/dL at a local minute of the day (0–1439), deterministic. */
export function demoGlucose(localMinute: number, instantMs: number): number {
  const hours = localMinute / 60;
  let value = 89 + 6 * Math.exp(-(((hours - 6.5) / 1.2) ** 2)) - 4 * Math.exp(-(((hours - 3) / 1.5) ** 2));
  for (const meal of MEALS) {
    // After midnight, the evening meal's tail belongs to the day before.
    const since = (localMinute - meal.minute + 1440) % 1440;
    if (since < 240) value += meal.rise * (since / 45) * Math.exp(1 - since / 45);
  }
  const t = instantMs / MIN_MS;
  value += 2.5 * Math.sin(t / 5.9) + 1.5 * Math.sin(t / 13.1);
  return Math.min(160, Math.max(74, Math.round(value)));
}

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

/** The 24 h of readings ending at `now` (on the 5-minute grid), oldest first. */
export function demoReadings(now: Date, timeZone: string): { atMs: number; sgv: number; delta: number }[] {
  const lastMs = Math.floor(now.getTime() / (5 * MIN_MS)) * 5 * MIN_MS - 30_000;
  const values = Array.from({ length: READINGS + 1 }, (_, i) => {
    const atMs = lastMs - (READINGS - i) * 5 * MIN_MS;
    const local = localDateTime(atMs, timeZone);
    return { atMs, sgv: demoGlucose(Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)), atMs) };
  });
  return values.slice(1).map((r, i) => ({ ...r, delta: r.sgv - values[i]!.sgv }));
}

/** Creates the demo site of `patientId` and its two uploaders' readings (`samples` posted); null when the patient already has a site. */
export async function seedNightscoutSite(args: { patientId: string; timeZone: string; now: Date }): Promise<{ siteId: string; samples: number } | null> {
  if ((await prisma.nightscoutSite.count({ where: { device: { userId: args.patientId } } })) > 0) return null;
  const { secretSha1, secretSha512 } = generateApiSecret(); // the secret itself is dropped here
  const { id } = await createNightscoutSite(args.patientId, { name: 'Phone: xDrip+ and AndroidAPS', secretSha1, secretSha512 });
  const site = await findActiveNightscoutSite(id);
  if (!site) throw new Error('the demo Nightscout site was not created');
  const readings = demoReadings(args.now, args.timeZone);
  for (const uploader of DEMO_UPLOADERS) {
    const entries = readings.map((r) => ({
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
  }
  await recomputeDirtyRanges(args.patientId);
  return { siteId: id, samples: readings.length * DEMO_UPLOADERS.length };
}

/** The demo's site, for patient@demo.test (seed.ts calls it once the demo accounts exist). */
export async function seedNightscoutDemo(now = new Date()) {
  const patient = await prisma.user.findUniqueOrThrow({ where: byEmail('patient@demo.test'), select: { id: true, profile: { select: { timeZone: true } } } });
  return seedNightscoutSite({ patientId: patient.id, timeZone: patient.profile?.timeZone ?? 'UTC', now });
}
