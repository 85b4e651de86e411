// The document use case against the real database, at pinned times (no server): API v3 documents as
// AndroidAPS sends them (nssdk RemoteTreatment: `date`, no identifier, pump ids), a temp basal still
// running when uploaded (its dose so far, the rest once it has run), extended carbs dated ahead, and
// removal with the projection in one go.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '../db/client';
import { createNightscoutSite, findActiveNightscoutSite } from '../data/nightscout-sites';
import { createUser } from '@/test/factories';
import { removeDocument, saveDocuments } from './documents';
import { generateApiSecret } from './secret';
import { v3Identifier } from './identifier';

const MIN = 60_000;
const T = Date.UTC(2026, 10, 20, 8, 0, 0);

async function newSite() {
  const user = await createUser();
  const { id } = await createNightscoutSite(user.id, { name: 'AAPS', ...generateApiSecret() });
  return (await findActiveNightscoutSite(id))!;
}
const insulin = (userId: string) => prisma.healthSample.findMany({ where: { userId, type: 'INSULIN' }, orderBy: { startAt: 'asc' } });

describe('saveDocuments (API v3 shapes)', () => {
  it('AndroidAPS without an identifier: cgm-remote-monitor’s v3 rule; the same document again is unchanged', async () => {
    const site = await newSite();
    const smb = { eventType: 'Correction Bolus', insulin: 0.4, type: 'SMB', isSMB: true, date: T, utcOffset: 60, app: 'AAPS', device: 'Omnipod Dash' };
    const first = await saveDocuments(site, 'treatments', [smb], T + MIN, { api: 'v3' });
    expect(first.results).toEqual([expect.objectContaining({ index: 0, outcome: 'created', identifier: v3Identifier(smb) })]);
    expect(first.samplesChanged).toBe(true);
    const again = await saveDocuments(site, 'treatments', [{ ...smb }], T + 2 * MIN, { api: 'v3' });
    expect(again).toMatchObject({ results: [{ outcome: 'unchanged' }], samplesChanged: false });
    expect((await insulin(site.userId)).map((s) => [s.value, s.category])).toEqual([[0.4, 'smb']]);
  });

  it('a temp basal still running counts its dose so far, and its full dose once it has run', async () => {
    const site = await newSite();
    const temp = { eventType: 'Temp Basal', absolute: 1.2, rate: 1.2, duration: 60, created_at: new Date(T).toISOString(), syncIdentifier: `tb-${randomUUID()}`, enteredBy: 'Loop' };
    await saveDocuments(site, 'treatments', [temp], T + 15 * MIN);
    expect((await insulin(site.userId)).map((s) => [s.value, s.endAt.getTime() - T])).toEqual([[0.3, 15 * MIN]]);
    // An hour later another upload of the site brings it up to date.
    const later = { eventType: 'Note', created_at: new Date(T + 70 * MIN).toISOString(), notes: 'x', syncIdentifier: `n-${randomUUID()}` };
    const { samplesChanged } = await saveDocuments(site, 'treatments', [later], T + 75 * MIN);
    expect(samplesChanged).toBe(true);
    expect((await insulin(site.userId)).map((s) => [s.value, s.endAt.getTime() - T, s.version])).toEqual([[1.2, 60 * MIN, 1]]);
  });

  it('carbs dated ahead (AndroidAPS extended carbs) are counted once their time has come', async () => {
    const site = await newSite();
    const ahead = { eventType: 'Carb Correction', carbs: 15, date: T + 60 * MIN, device: 'AAPS', app: 'AAPS' };
    const stored = await saveDocuments(site, 'treatments', [ahead], T, { api: 'v3' });
    expect(stored.results[0]).toMatchObject({ outcome: 'created' });
    expect(await prisma.healthSample.count({ where: { userId: site.userId } })).toBe(0);
    await saveDocuments(site, 'treatments', [{ eventType: 'Note', notes: 'later', date: T + 65 * MIN, device: 'AAPS', app: 'AAPS' }], T + 66 * MIN, { api: 'v3' });
    expect((await prisma.healthSample.findMany({ where: { userId: site.userId } })).map((s) => [s.type, s.value])).toEqual([['CARBOHYDRATES', 15]]);
  });

  it('removeDocument: soft delete, samples and note gone, dirty days marked, a second removal finds nothing', async () => {
    const site = await newSite();
    const docs = [
      { eventType: 'Meal Bolus', insulin: 3, carbs: 30, date: T, device: 'AAPS', app: 'AAPS', identifier: 'aaps-meal-1' },
      { eventType: 'Site Change', notes: 'belly', date: T, device: 'AAPS', app: 'AAPS', identifier: 'aaps-site-1' },
    ];
    await saveDocuments(site, 'treatments', docs, T + MIN, { api: 'v3' });
    await prisma.dirtyRange.deleteMany({ where: { userId: site.userId } });
    const removed = await removeDocument(site, 'treatments', 'aaps-meal-1', T + 2 * MIN);
    expect(removed).toMatchObject({ removed: { identifier: 'aaps-meal-1' }, samplesChanged: true });
    expect(await prisma.healthSample.count({ where: { userId: site.userId } })).toBe(0);
    expect((await prisma.dirtyRange.findMany({ where: { userId: site.userId } })).map((d) => d.type).sort()).toEqual(['CARBOHYDRATES', 'INSULIN']);
    expect(await prisma.healthEvent.count({ where: { userId: site.userId } })).toBe(1);
    await removeDocument(site, 'treatments', 'aaps-site-1', T + 2 * MIN);
    expect(await prisma.healthEvent.count({ where: { userId: site.userId } })).toBe(0);
    expect(await removeDocument(site, 'treatments', 'aaps-meal-1', T + 3 * MIN)).toEqual({ removed: null, samplesChanged: false });
    const rows = await prisma.nightscoutDocument.findMany({ where: { siteId: site.id }, orderBy: { identifier: 'asc' } });
    expect(rows.map((r) => [r.identifier, r.isValid, r.srvModified.getTime()])).toEqual([
      ['aaps-meal-1', false, T + 2 * MIN],
      ['aaps-site-1', false, T + 2 * MIN],
    ]);
  });
});
