// The demo Nightscout uploader, seeded directly against PostgreSQL: two apps relaying the same 24 h of CGM
// readings give one reading per moment (read back as a follower would), the site lists both uploaders, no
// secret comes out, and a second run adds nothing. The clock is pinned.
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { findNightscoutEntries } from '@/lib/data/nightscout-entries';
import { findActiveNightscoutSite, listNightscoutSites } from '@/lib/data/nightscout-sites';
import { createUser } from '@/test/factories';
import { DEMO_UPLOADERS, demoReadings, seedNightscoutSite } from './seed-nightscout';

const NOW = new Date('2026-11-21T11:02:00Z');
const ZONE = 'Europe/Berlin';

describe('demoReadings', () => {
  it('gives 24 h every 5 minutes up to now, always inside 70–180 mg/dL, with meal rises', () => {
    const readings = demoReadings(NOW, ZONE);
    expect(readings).toHaveLength(288);
    expect(readings.at(-1)!.atMs).toBeLessThanOrEqual(NOW.getTime());
    expect(readings.at(-1)!.atMs - readings[0]!.atMs).toBe(287 * 5 * 60_000);
    const values = readings.map((r) => r.sgv);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(70);
    expect(Math.max(...values)).toBeLessThanOrEqual(180);
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(30); // meals show
    expect(demoReadings(NOW, ZONE)).toEqual(readings); // deterministic
  });
});

describe('seedNightscoutSite', () => {
  it('creates one site with two uploaders whose identical readings count once, and returns no secret', async () => {
    const patient = await createUser({ timeZone: ZONE });
    const seeded = await seedNightscoutSite({ patientId: patient.id, timeZone: ZONE, now: NOW });
    expect(seeded).toEqual({ siteId: expect.any(String), samples: 576 });

    const [site] = await listNightscoutSites(patient.id);
    expect(site!.uploaders.map((u) => u.name).sort()).toEqual(DEMO_UPLOADERS.map((u) => u.device).sort());
    const uploaderIds = site!.uploaders.map((u) => u.id);
    expect(await prisma.healthSample.count({ where: { userId: patient.id, deviceId: { in: uploaderIds } } })).toBe(576);

    const active = await findActiveNightscoutSite(seeded!.siteId);
    const entries = await findNightscoutEntries(active!, { types: ['sgv'], count: 1000 });
    expect(entries).toHaveLength(288); // one per moment, as sgv.json answers a follower

    // Only hashes are stored: nothing about the site looks like a constant demo secret.
    const stored = await prisma.nightscoutSite.findUniqueOrThrow({ where: { deviceId: seeded!.siteId } });
    expect(stored.secretSha1).toMatch(/^[0-9a-f]{40}$/);

    expect(await seedNightscoutSite({ patientId: patient.id, timeZone: ZONE, now: NOW })).toBeNull(); // safe to run twice
    expect(await prisma.nightscoutSite.count({ where: { device: { userId: patient.id } } })).toBe(1);
    expect(await prisma.healthSample.count({ where: { userId: patient.id } })).toBe(576);
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
