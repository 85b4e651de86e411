// Emergency episodes in the database: the pipeline passes the patient's recent readings; the pure plan
// (lib/pipeline/insights/emergency-episodes.ts) says which episodes open, which readings and recoveries
// each records and who is notified again; this applies it in one transaction per patient.
import { connectClient, prisma } from '../db/client';
import { activeUserKey } from '../crypto/user-keys';
import type { Prisma } from '../generated/prisma/client';
import { dedupSamples } from '../pipeline';
import {
  type AlertReading, type AlertThresholds, DEFAULT_ALERT_THRESHOLDS, type Episode, type EpisodeChange, observationKey, observeAlerts, planEpisodes,
} from '../pipeline/insights';
import { loadSamples } from './aggregation/load-samples';
import { rulesFor } from './aggregation/type-rules';
import { emergencyMessage } from './emergency-messages';
import { notifyEmergency } from './notifications';

const ALERT_TYPES = ['BLOOD_GLUCOSE', 'BLOOD_PRESSURE_SYSTOLIC', 'BLOOD_PRESSURE_DIASTOLIC'] as const;
const ALERT_LOOKBACK_MS = 24 * 3600 * 1000; // older readings (imports, late syncs) do not page anyone

/**
 * The patient's readings of the last 24 hours that can raise an alert, deduplicated across devices as
 * in the aggregates. Read from the database each time, so a retried job still sees them.
 */
export async function recentAlertReadings(patientId: string, nowMs = Date.now()): Promise<AlertReading[]> {
  const client = await connectClient();
  try {
    const readings: AlertReading[] = [];
    for (const type of ALERT_TYPES) {
      const samples = await loadSamples(client, { userId: patientId, type, fromMs: nowMs - ALERT_LOOKBACK_MS, toMs: nowMs + 60_000 });
      for (const c of dedupSamples(samples, rulesFor(type))) {
        if (c.startMs >= nowMs - ALERT_LOOKBACK_MS) readings.push({ type, atMs: c.startMs, value: c.sample.value });
      }
    }
    return readings;
  } finally {
    client.release();
  }
}

export async function alertThresholdsFor(patientId: string): Promise<AlertThresholds> {
  const row = await prisma.alertThresholds.findUnique({ where: { patientId } });
  return row
    ? { glucoseLowMgDl: row.glucoseLowMgDl, glucoseHighMgDl: row.glucoseHighMgDl, systolicHigh: row.systolicHigh, diastolicHigh: row.diastolicHigh }
    : DEFAULT_ALERT_THRESHOLDS;
}

type Tx = Prisma.TransactionClient;
type Details = Record<string, number>;

/** Splits stored details (the worst reading, with the instant it was taken as atMs) into the reading. */
function worstOf(details: unknown, fallbackMs: number) {
  const { atMs, ...rest } = (details ?? {}) as Details;
  return { atMs: atMs ?? fallbackMs, details: rest };
}

/** Episodes that can take readings taken since `sinceMs`: unresolved, or resolved after it. */
async function loadEpisodes(tx: Tx, patientId: string, sinceMs: number): Promise<Episode[]> {
  const rows = await tx.emergencyEvent.findMany({
    where: { patientId, OR: [{ status: { not: 'RESOLVED' } }, { resolvedAt: { gte: new Date(sinceMs) } }] },
    include: { updates: { select: { kind: true, readingAt: true, details: true } } },
  });
  // Missed doses (lib/data/medication-alerts.ts) are not episodes of readings.
  return rows.flatMap((r) => {
    if (r.kind === 'MISSED_MEDICATION') return [];
    const worst = worstOf(r.details, r.detectedAt.getTime());
    return {
      id: r.id,
      kind: r.kind,
      // Events from before episodes were recorded have no start: their reading's time stands in.
      startedAtMs: r.startedAt?.getTime() ?? worst.atMs,
      // A resolved event without a time (not written by this app) closes at its detection.
      resolvedAtMs: r.status === 'RESOLVED' ? (r.resolvedAt ?? r.detectedAt).getTime() : null,
      worst,
      entries: r.updates.map((u) => ({ kind: u.kind, atMs: u.readingAt.getTime(), details: u.details as Details })),
    };
  });
}

/** Applies one change; returns the episode's id when the change opened it. */
async function applyChange(tx: Tx, patientId: string, change: EpisodeChange, episodes: Episode[], now: Date): Promise<string | null> {
  const details = { ...change.worst.details, atMs: change.worst.atMs };
  const startedAt = new Date(change.startedAtMs);
  const { id, escalationLevel } = change.episodeId
    ? await tx.emergencyEvent.update({ where: { id: change.episodeId }, data: { details, startedAt }, select: { id: true, escalationLevel: true } })
    : await tx.emergencyEvent.create({ data: { patientId, kind: change.kind, details, startedAt, detectedAt: now }, select: { id: true, escalationLevel: true } });
  const episode = episodes.find((e) => e.id === change.episodeId);
  const afterResolution = episode?.resolvedAtMs != null;
  await tx.emergencyEventUpdate.createMany({
    data: change.add.map((a) => ({
      emergencyEventId: id,
      kind: a.kind,
      readingKey: observationKey({ kind: change.kind, atMs: a.atMs, details: a.details }),
      readingAt: new Date(a.atMs),
      details: a.details,
      worsened: a.worsened,
      afterResolution,
    })),
    skipDuplicates: true,
  });
  const notice = change.notice;
  if (notice) {
    // Told to everyone the episode has reached so far (doctors join as it escalates).
    await notifyEmergency({
      db: tx,
      patientId,
      emergencyEventId: id,
      level: escalationLevel,
      message: (units, locale) => emergencyMessage({ kind: change.kind, reason: notice.reason, reading: notice.reading.details, previous: notice.previousWorst?.details, units, locale }),
    });
  }
  if (!afterResolution) await resolveRecoveredLow(tx, id, change, episode);
  return change.episodeId ? null : id;
}

/**
 * A low is over when a reading is back in range (the rule of 15's re-check): the episode resolves at
 * that reading when it is the latest of the episode. A reading taken after it opens a new episode;
 * one taken before it and synced late is recorded in this one. Highs and blood pressure stay open until
 * someone resolves them.
 */
async function resolveRecoveredLow(tx: Tx, id: string, change: EpisodeChange, episode: Episode | undefined) {
  if (change.kind !== 'GLUCOSE_LOW') return;
  const entries = [...(episode?.entries ?? []), ...change.add].sort((a, b) => a.atMs - b.atMs || (a.kind === 'RECOVERY' ? 1 : -1));
  const last = entries.at(-1);
  if (last?.kind !== 'RECOVERY') return;
  await tx.emergencyEvent.update({ where: { id }, data: { status: 'RESOLVED', resolvedAt: new Date(last.atMs), resolvedById: null } });
}

/** Serializes writers of one patient's episodes (passes of the pipeline, resolutions) until the transaction ends. */
export async function lockPatientEmergencies(tx: Tx, patientId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`emergency:${patientId}`}, 0))`;
}

/**
 * Opens, updates and closes the books on the patient's emergency episodes for these readings, and
 * notifies; returns how many episodes changed and the ids of those it opened (their escalation starts). Every recompute passes the recent readings again: a
 * reading already recorded changes nothing. Runs under a per-patient lock, so overlapping passes for
 * one patient (two aggregate runs, a sweep) neither open an episode twice nor notify twice.
 */
export async function raiseAlerts(patientId: string, readings: AlertReading[], now = new Date()): Promise<{ changed: number; opened: string[] }> {
  const thresholds = await alertThresholdsFor(patientId);
  const observations = observeAlerts(readings, thresholds);
  if (observations.length === 0) return { changed: 0, opened: [] };
  // Notification texts are encrypted with the patient's key inside the transaction: load it first, so
  // the transaction does not wait for a second pool connection while it holds the lock.
  await activeUserKey(patientId);
  const sinceMs = Math.min(...observations.map((o) => o.atMs));
  return prisma.$transaction(
    async (tx) => {
      await lockPatientEmergencies(tx, patientId);
      const episodes = await loadEpisodes(tx, patientId, sinceMs);
      const changes = planEpisodes({ observations, episodes, thresholds });
      const opened: string[] = [];
      for (const change of changes) {
        const id = await applyChange(tx, patientId, change, episodes, now);
        if (id) opened.push(id);
      }
      return { changed: changes.length, opened };
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
}
