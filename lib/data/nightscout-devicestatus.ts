// The latest device status of a patient's Nightscout sites, read from the document store (the statuses
// Loop, Trio, AndroidAPS and xDrip+ post): per active site, the newest documents of the last day, summed
// up by lib/nightscout/devicestatus.ts. Scoped to the owner: the caller has already been allowed to see
// this patient (the page's access check).
import { prisma } from '../db/client';
import { summarizeDeviceStatuses, type DeviceStatusSummary } from '../nightscout/devicestatus';
import { findDocuments, type SiteScope } from './nightscout-documents';

const DAY_MS = 86_400_000;
// Enough statuses to find each part (a loop posts one every 5 minutes, xDrip+ its battery in between).
const SCANNED = 60;

/** The summary of one site's statuses of the last day, or null when it posted none. */
export async function latestDeviceStatus(site: SiteScope, nowMs = Date.now()): Promise<DeviceStatusSummary | null> {
  const docs = await findDocuments(site, 'devicestatus', { limit: SCANNED, fromMs: nowMs - DAY_MS });
  return summarizeDeviceStatuses(docs.map((d) => ({ doc: d.doc, dateMs: d.dateMs })));
}

/** Each active site of the patient that posted a status in the last day, newest first, and the time they were read at. */
export async function latestDeviceStatusesOf(patientId: string, nowMs = Date.now()): Promise<{ nowMs: number; statuses: (DeviceStatusSummary & { siteId: string })[] }> {
  const sites = await prisma.nightscoutSite.findMany({
    where: { device: { userId: patientId, revokedAt: null } },
    select: { deviceId: true },
  });
  const found = await Promise.all(
    sites.map(async (s) => {
      const summary = await latestDeviceStatus({ id: s.deviceId, userId: patientId }, nowMs);
      return summary ? { ...summary, siteId: s.deviceId } : null;
    }),
  );
  return { nowMs, statuses: found.filter((s) => s !== null).sort((a, b) => b.atMs - a.atMs) };
}
