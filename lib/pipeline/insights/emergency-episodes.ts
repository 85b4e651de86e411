// Emergency episodes: which readings belong to which episode, and what each pass of the pipeline adds.
// Pure: the caller passes the patient's recent observations (lib/pipeline/insights/alerts.ts) and the
// episodes that can still take readings, and applies the returned changes in one transaction.
//
// A reading belongs to an episode by the time it was taken, whenever it arrives. Resolutions cut the
// time line: a reading taken after the last resolution of its kind joins the unresolved episode, or
// opens one; a reading taken before a resolution belongs to the episode that resolution closed (a late
// reading, recorded and shown there). Every alert-level reading of an episode is recorded once; the
// first back-in-range reading after a run of alert-level readings is recorded as a recovery. A reading
// more severe than the episode's worst so far notifies again; so does a late one, measured against the
// worst the resolver saw. What is recorded depends only on the readings, not on their order of arrival.
import type { AlertThresholds } from './alert-thresholds';
import { type AlertKind, type AlertObservation, compareSeverity, observationKey } from './alerts';

export type EpisodeEntryKind = 'READING' | 'RECOVERY';
export type EpisodeReading = { atMs: number; details: Record<string, number> };
export type EpisodeEntry = EpisodeReading & { kind: EpisodeEntryKind };
export type Episode = {
  id: string;
  kind: AlertKind;
  startedAtMs: number; // when its first alert-level reading was taken
  resolvedAtMs: number | null;
  worst: EpisodeReading;
  entries: readonly EpisodeEntry[]; // what is already recorded
};
export type EpisodeNotice = { reason: 'OPENED' | 'WORSENED' | 'LATE_WORSE'; reading: EpisodeReading; previousWorst: EpisodeReading | null };
/** What one pass adds to an episode (episodeId null: a new episode). */
export type EpisodeChange = {
  episodeId: string | null;
  kind: AlertKind;
  startedAtMs: number;
  worst: EpisodeReading;
  add: (EpisodeEntry & { worsened: boolean })[];
  notice: EpisodeNotice | null;
};

const KINDS: readonly AlertKind[] = ['GLUCOSE_LOW', 'GLUCOSE_HIGH', 'BLOOD_PRESSURE_CRISIS'];

export function planEpisodes(args: { observations: readonly AlertObservation[]; episodes: readonly Episode[]; thresholds: AlertThresholds }): EpisodeChange[] {
  const changes: EpisodeChange[] = [];
  for (const kind of KINDS) {
    // Resolved episodes by resolution time, the unresolved one (at most one) last.
    const episodes = args.episodes.filter((e) => e.kind === kind).sort((a, b) => (a.resolvedAtMs ?? Infinity) - (b.resolvedAtMs ?? Infinity));
    const lastResolved = episodes.filter((e) => e.resolvedAtMs !== null).at(-1)?.resolvedAtMs ?? -Infinity;
    // A second unresolved episode (left by a race before episodes were locked) gets an empty window.
    const windows = episodes.map((e, i) => ({ episode: e as Episode | null, from: i === 0 ? -Infinity : (episodes[i - 1]!.resolvedAtMs ?? Infinity), to: e.resolvedAtMs ?? Infinity }));
    if (!episodes.some((e) => e.resolvedAtMs === null)) windows.push({ episode: null, from: lastResolved, to: Infinity });
    for (const w of windows) {
      const inWindow = args.observations.filter((o) => o.kind === kind && o.atMs > w.from && o.atMs <= w.to);
      const change = planOne(kind, w.episode, inWindow, args.thresholds);
      if (change) changes.push(change);
    }
  }
  return changes;
}

function planOne(kind: AlertKind, episode: Episode | null, observations: readonly AlertObservation[], t: AlertThresholds): EpisodeChange | null {
  const recorded = new Set((episode?.entries ?? []).map((e) => `${e.kind}:${observationKey({ ...e, kind })}`));
  const isNew = (entryKind: EpisodeEntryKind, r: EpisodeReading) => !recorded.has(`${entryKind}:${observationKey({ ...r, kind })}`);
  const newAlerts = observations.filter((o) => o.state === 'ALERT').map(({ atMs, details }) => ({ atMs, details })).filter((r) => isNew('READING', r));
  // A recovery is identified by its instant alone: one per run of alert-level readings.
  const recoveredAt = new Set((episode?.entries ?? []).filter((e) => e.kind === 'RECOVERY').map((e) => e.atMs));
  const newRecoveries = recoveries(episode?.entries ?? [], observations).filter((r) => !recoveredAt.has(r.atMs));
  if (newAlerts.length === 0 && newRecoveries.length === 0) return null;
  if (!episode && newAlerts.length === 0) return null;
  const worse = (a: EpisodeReading, b: EpisodeReading) => compareSeverity(kind, a.details, b.details, t) > 0 || (compareSeverity(kind, a.details, b.details, t) === 0 && a.atMs < b.atMs);
  const worstNew = newAlerts.reduce<EpisodeReading | null>((w, r) => (w === null || worse(r, w) ? r : w), null);
  const previous = episode?.worst ?? null;
  const worst = worstNew && (previous === null || worse(worstNew, previous)) ? worstNew : previous!;
  // Notifies only when strictly more severe: an equal reading taken earlier moves `worst`, not the alarm.
  const moreSevere = (r: EpisodeReading) => previous !== null && compareSeverity(kind, r.details, previous.details, t) > 0;
  const notice: EpisodeNotice | null = !episode
    ? { reason: 'OPENED', reading: worst, previousWorst: null }
    : worstNew && moreSevere(worstNew)
      ? { reason: episode.resolvedAtMs === null ? 'WORSENED' : 'LATE_WORSE', reading: worstNew, previousWorst: previous }
      : null;
  return {
    episodeId: episode?.id ?? null,
    kind,
    startedAtMs: Math.min(episode?.startedAtMs ?? Infinity, ...newAlerts.map((r) => r.atMs)),
    worst,
    add: [
      ...newAlerts.map((r) => ({ kind: 'READING' as const, ...r, worsened: moreSevere(r) })),
      ...newRecoveries.map((r) => ({ kind: 'RECOVERY' as const, ...r, worsened: false })),
    ].sort((a, b) => a.atMs - b.atMs || a.kind.localeCompare(b.kind) || observationKey({ ...a, kind }).localeCompare(observationKey({ ...b, kind }))),
    notice,
  };
}

/** The first back-in-range reading after each run of alert-level readings (recorded or new). */
function recoveries(entries: readonly EpisodeEntry[], observations: readonly AlertObservation[]): EpisodeReading[] {
  const alertAt = new Set([...entries.filter((e) => e.kind === 'READING').map((e) => e.atMs), ...observations.filter((o) => o.state === 'ALERT').map((o) => o.atMs)]);
  const timeline = [
    ...[...alertAt].map((atMs) => ({ atMs, alert: true, details: {} as Record<string, number> })),
    ...[...entries.filter((e) => e.kind === 'RECOVERY'), ...observations.filter((o) => o.state === 'RECOVERED')]
      .filter((r) => !alertAt.has(r.atMs))
      .map((r) => ({ atMs: r.atMs, alert: false, details: r.details })),
  ].sort((a, b) => a.atMs - b.atMs || Number(b.alert) - Number(a.alert));
  const found: EpisodeReading[] = [];
  let inAlert = false;
  for (const item of timeline) {
    if (item.alert) inAlert = true;
    else if (inAlert && found.at(-1)?.atMs !== item.atMs) {
      found.push({ atMs: item.atMs, details: item.details });
      inAlert = false;
    }
  }
  return found;
}

/** The episodes after a pass's changes (what the database holds once they are applied); for tests and callers that simulate. */
export function applyEpisodeChanges(episodes: readonly Episode[], changes: readonly EpisodeChange[], newId: (c: EpisodeChange) => string): Episode[] {
  const next = episodes.map((e) => ({ ...e }));
  for (const c of changes) {
    const add = c.add.map(({ kind, atMs, details }) => ({ kind, atMs, details }));
    const held = c.episodeId === null ? undefined : next.find((e) => e.id === c.episodeId);
    if (held) Object.assign(held, { startedAtMs: c.startedAtMs, worst: c.worst, entries: [...held.entries, ...add] });
    else next.push({ id: newId(c), kind: c.kind, startedAtMs: c.startedAtMs, resolvedAtMs: null, worst: c.worst, entries: add });
  }
  return next;
}
