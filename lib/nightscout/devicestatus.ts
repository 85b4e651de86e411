// What the latest devicestatus documents of a site say, pure: the uploader phone's battery, the pump
// (reservoir, battery, suspended, clock) and the closed loop (last run, IOB, COB, the temp basal enacted
// or suggested, why it failed), in the shapes the clients send:
//   Loop (NightscoutKit DeviceStatus/LoopStatus/PumpStatus/UploaderStatus): `loop`, `pump`, `uploader`
//   Trio (NightscoutStatus.swift) and AndroidAPS (nssdk RemoteDeviceStatus): `openaps` {iob, suggested,
//   enacted}, `pump` {clock, reservoir, battery {percent}, status {status, suspended}}, `uploader` or
//   `uploaderBattery`
// Each part comes from the newest document that has it (xDrip+ posts statuses with only its battery
// between the loop's). `warnings` say what needs a look, never a calmer picture than the data.
import { parseInstant } from './document-time';

export const LOOP_STALE_MS = 15 * 60_000;
export const RESERVOIR_LOW_U = 20;
export const BATTERY_LOW_PERCENT = 25;

export type TempBasal = { rate: number | null; durationMin: number | null; atMs: number | null; received: boolean | null; reason: string | null };
export type DeviceStatusSummary = {
  /** The newest status's time and its device ("loop://iPhone", "openaps://…"). */
  atMs: number;
  device: string | null;
  uploader: { battery: number | null; charging: boolean | null; atMs: number; device: string | null } | null;
  pump: { reservoir: number | null; battery: number | null; batteryVoltage: number | null; status: string | null; suspended: boolean | null; clockMs: number | null; atMs: number } | null;
  loop: {
    system: string;
    lastRunMs: number | null;
    iob: number | null;
    cob: number | null;
    enacted: TempBasal | null;
    suggested: TempBasal | null;
    failureReason: string | null;
    atMs: number;
  } | null;
};
export type Warning = 'loop-stale' | 'loop-failed' | 'reservoir-low' | 'pump-battery-low' | 'uploader-battery-low' | 'pump-suspended';

type Status = { doc: Record<string, unknown>; dateMs: number };

const obj = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
const time = (v: unknown): number | null => parseInstant(v);

function tempBasal(v: unknown): TempBasal | null {
  const o = obj(v);
  if (!o) return null;
  const rate = num(o.rate);
  const durationMin = num(o.duration);
  if (rate === null && durationMin === null) return null;
  return { rate, durationMin, atMs: time(o.timestamp ?? o.deliverAt), received: bool(o.received ?? o.recieved), reason: str(o.reason) };
}

function uploaderOf(s: Status): DeviceStatusSummary['uploader'] {
  const u = obj(s.doc.uploader);
  const battery = num(u?.battery) ?? num(s.doc.uploaderBattery);
  if (battery === null) return null;
  return { battery, charging: bool(u?.isCharging) ?? bool(s.doc.isCharging), atMs: time(u?.timestamp) ?? s.dateMs, device: str(s.doc.device) };
}

function pumpOf(s: Status): DeviceStatusSummary['pump'] {
  const p = obj(s.doc.pump);
  if (!p) return null;
  const battery = obj(p.battery);
  const status = obj(p.status);
  const suspended = bool(status?.suspended) ?? bool(p.suspended) ?? (str(status?.status)?.toLowerCase() === 'suspended' ? true : null);
  return {
    reservoir: num(p.reservoir),
    battery: num(battery?.percent),
    batteryVoltage: num(battery?.voltage),
    status: str(status?.status),
    suspended,
    clockMs: time(p.clock),
    atMs: s.dateMs,
  };
}

function loopOf(s: Status): DeviceStatusSummary['loop'] {
  const loop = obj(s.doc.loop);
  if (loop) {
    const failureReason = str(loop.failureReason);
    const at = time(loop.timestamp) ?? s.dateMs;
    return {
      system: str(loop.name) ?? 'Loop',
      lastRunMs: failureReason ? null : at,
      iob: num(obj(loop.iob)?.iob),
      cob: num(obj(loop.cob)?.cob),
      enacted: tempBasal(loop.enacted),
      suggested: tempBasal(obj(loop.automaticDoseRecommendation)?.basalAdjustment),
      failureReason,
      atMs: at,
    };
  }
  const openaps = obj(s.doc.openaps);
  if (!openaps) return null;
  const suggested = obj(openaps.suggested);
  const enacted = obj(openaps.enacted);
  const iobEntry = Array.isArray(openaps.iob) ? obj(openaps.iob[0]) : obj(openaps.iob);
  const enactedAt = enacted && bool(enacted.received ?? enacted.recieved) !== false ? time(enacted.timestamp) : null;
  const suggestedAt = time(suggested?.timestamp ?? suggested?.deliverAt);
  const runs = [enactedAt, suggestedAt].filter((t): t is number => t !== null);
  const device = str(s.doc.device) ?? '';
  return {
    system: device.includes('AndroidAPS') || device.startsWith('openaps://') ? 'AndroidAPS' : device.includes('Trio') ? 'Trio' : 'OpenAPS',
    lastRunMs: runs.length > 0 ? Math.max(...runs) : null,
    iob: num(iobEntry?.iob) ?? num(suggested?.IOB) ?? num(enacted?.IOB),
    cob: num(suggested?.COB) ?? num(enacted?.COB) ?? num(obj(openaps.meal)?.mealCOB),
    enacted: tempBasal(enacted),
    suggested: tempBasal(suggested),
    failureReason: null,
    atMs: runs.length > 0 ? Math.max(...runs) : s.dateMs,
  };
}

/** The summary of a site's newest statuses (newest first), or null when there is none. */
export function summarizeDeviceStatuses(statuses: Status[]): DeviceStatusSummary | null {
  if (statuses.length === 0) return null;
  const firstOf = <T>(read: (s: Status) => T | null): T | null => {
    for (const s of statuses) {
      const v = read(s);
      if (v !== null) return v;
    }
    return null;
  };
  const loop = firstOf(loopOf);
  // The last successful run when the newest one failed (Loop reports each failure in its own status).
  if (loop && loop.lastRunMs === null) {
    loop.lastRunMs = firstOf((s) => {
      const l = loopOf(s);
      return l?.lastRunMs ?? null;
    });
  }
  return { atMs: statuses[0]!.dateMs, device: str(statuses[0]!.doc.device), uploader: firstOf(uploaderOf), pump: firstOf(pumpOf), loop };
}

/** What needs a look at `nowMs`. */
export function deviceStatusWarnings(s: DeviceStatusSummary, nowMs: number): Warning[] {
  const out: Warning[] = [];
  if (s.loop) {
    if (s.loop.lastRunMs === null || nowMs - s.loop.lastRunMs > LOOP_STALE_MS) out.push('loop-stale');
    if (s.loop.failureReason) out.push('loop-failed');
  }
  if (s.pump?.suspended) out.push('pump-suspended');
  if (s.pump?.reservoir !== null && s.pump?.reservoir !== undefined && s.pump.reservoir < RESERVOIR_LOW_U) out.push('reservoir-low');
  if (s.pump?.battery !== null && s.pump?.battery !== undefined && s.pump.battery < BATTERY_LOW_PERCENT) out.push('pump-battery-low');
  if (s.uploader?.battery !== null && s.uploader?.battery !== undefined && s.uploader.battery < BATTERY_LOW_PERCENT) out.push('uploader-battery-low');
  return out;
}
