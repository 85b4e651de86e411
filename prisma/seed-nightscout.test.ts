// The demo Nightscout uploader, seeded directly against PostgreSQL: 14 days of a type 1 CGM trace from
// xDrip+, the last 24 h relayed again by AndroidAPS, give one reading per moment (read back as a follower
// would), the site lists both uploaders, no secret comes out, and a second run adds nothing; the 14 days
// read as the consensus metrics a doctor would look at twice. The clock is pinned.
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { findNightscoutEntries } from '@/lib/data/nightscout-entries';
import { findActiveNightscoutSite, listNightscoutSites } from '@/lib/data/nightscout-sites';
import { cgmMetrics } from '@/lib/pipeline/glucose-metrics';
import { createUser } from '@/test/factories';
import { DEMO_UPLOADERS, demoReadings, seedNightscoutSite } from './seed-nightscout';

const NOW = new Date('2026-11-21T11:02:00Z');
const ZONE = 'Europe/Berlin';

const DAY_MS = 86_400_000;
const READINGS = 14 * 288 - 26 - 18; // 14 days every 5 minutes, less two sensor gaps

describe('demoReadings', () => {
  const readings = demoReadings(NOW, ZONE);

  it('gives 14 days every 5 minutes up to now, with two sensor gaps, deterministic', () => {
    expect(readings).toHaveLength(READINGS);
    expect(readings.at(-1)!.atMs).toBeLessThanOrEqual(NOW.getTime());
    expect(readings.at(-1)!.atMs - readings[0]!.atMs).toBe((14 * 288 - 1) * 5 * 60_000);
    const gaps = readings.slice(1).map((r, i) => r.atMs - readings[i]!.atMs).filter((gap) => gap > 5 * 60_000);
    expect(gaps).toEqual([27 * 5 * 60_000, 19 * 5 * 60_000]);
    expect(demoReadings(NOW, ZONE)).toEqual(readings);
  });

  it('is a plausible type 1 trace: some lows under their targets, highs, CV near 36 %', () => {
    const m = cgmMetrics(readings.map((r) => ({ atMs: r.atMs, mgdl: r.sgv })), NOW.getTime() - 14 * DAY_MS, NOW.getTime())!;
    // Nothing at or past the default alert thresholds (54 and 300 mg/dL): seeding the demo pages nobody.
    const values = readings.map((r) => r.sgv);
    expect(Math.min(...values)).toBeGreaterThan(54);
    expect(Math.max(...values)).toBeLessThan(300);
    expect(m.ranges.low).toBeGreaterThan(0.5);
    expect(m.ranges.veryLow + m.ranges.low).toBeLessThan(4);
    expect(m.ranges.veryHigh).toBeGreaterThan(5);
    expect(m.ranges.target).toBeGreaterThan(60);
    expect(m.ranges.target).toBeLessThan(75);
    expect(m.cv).toBeGreaterThan(32);
    expect(m.cv).toBeLessThan(40);
    expect(m.activePercent).toBeGreaterThan(95);
  });
});

describe('seedNightscoutSite', () => {
  it('creates one site with two uploaders whose identical readings count once, and returns no secret', async () => {
    const patient = await createUser({ timeZone: ZONE });
    const seeded = await seedNightscoutSite({ patientId: patient.id, timeZone: ZONE, now: NOW });
    expect(seeded).toEqual({ siteId: expect.any(String), samples: READINGS + 288 });

    const [site] = await listNightscoutSites(patient.id);
    expect(site!.uploaders.map((u) => u.name).sort()).toEqual(DEMO_UPLOADERS.map((u) => u.device).sort());
    const uploaderIds = site!.uploaders.map((u) => u.id);
    expect(await prisma.healthSample.count({ where: { userId: patient.id, deviceId: { in: uploaderIds } } })).toBe(READINGS + 288);

    const active = await findActiveNightscoutSite(seeded!.siteId);
    const entries = await findNightscoutEntries(active!, { types: ['sgv'], count: 5000 });
    expect(entries).toHaveLength(READINGS); // one per moment, as sgv.json answers a follower

    // Only hashes are stored: nothing about the site looks like a constant demo secret.
    const stored = await prisma.nightscoutSite.findUniqueOrThrow({ where: { deviceId: seeded!.siteId } });
    expect(stored.secretSha1).toMatch(/^[0-9a-f]{40}$/);

    expect(await seedNightscoutSite({ patientId: patient.id, timeZone: ZONE, now: NOW })).toBeNull(); // safe to run twice
    expect(await prisma.nightscoutSite.count({ where: { device: { userId: patient.id } } })).toBe(1);
    expect(await prisma.healthSample.count({ where: { userId: patient.id } })).toBe(READINGS + 288);
  });

  it('draws a fresh secret each time: two patients never share one', async () => {
    const [a, b] = await Promise.all([createUser({ timeZone: ZONE }), createUser({ timeZone: 'UTC' })]);
    const [sa, sb] = await Promise.all([
      seedNightscoutSite({ patientId: a.id, timeZone: ZONE, now: NOW }),
      seedNightscoutSite({ patientId: b.id, timeZone: 'UTC', now: NOW }),
    ]);
    const rows = await prisma.nightscoutSite.findMany({ where: { deviceId: { in: [sa!.siteId, sb!.siteId] } }, select: { secretSha1: true } });
    expect(new Set(rows.map((r) => r.secretSha1)).size).toBe(2);
  });
});
