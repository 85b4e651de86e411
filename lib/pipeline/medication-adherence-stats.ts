// Adherence from dose logs (issue 19), pure: over the last 7, 14 and 30 days, the share of planned doses
// taken (on time or late; late also counted apart), with skipped and missed apart, and streaks of planned
// doses taken in a row. Only planned doses count (extra and as-needed doses are not a schedule to keep);
// a dose is counted once its log exists (the sweep writes MISSED when its window passes with no log), so
// a dose still due counts neither way. ≥ 80 % is the usual cut-off for adequate adherence (Osterberg &
// Blaschke, NEJM 2005).
import type { MedicationLogStatus } from './insights/medication-adherence';

const DAY_MS = 86_400_000;
export const ADHERENCE_WINDOWS = [7, 14, 30] as const;

export type DoseLog = { scheduledAtMs: number; status: MedicationLogStatus };
export type AdherenceWindow = { days: number; planned: number; taken: number; late: number; skipped: number; missed: number; percent: number | null };
export type Adherence = {
  windows: AdherenceWindow[];
  /** Planned doses taken in a row up to the latest logged one (0 when it was skipped or missed). */
  currentStreak: number;
  /** The longest such run in the last 30 days. */
  longestStreak: number;
};

// Rounded down: 79.96 % must not read as the 80 % an adequate adherence needs.
const floor1 = (v: number) => Math.floor(v * 10 + 1e-9) / 10;

export function adherenceOf(logs: readonly DoseLog[], nowMs: number): Adherence {
  const inMonth = logs.filter((l) => l.scheduledAtMs > nowMs - 30 * DAY_MS && l.scheduledAtMs <= nowMs).sort((a, b) => a.scheduledAtMs - b.scheduledAtMs);
  const windows = ADHERENCE_WINDOWS.map((days): AdherenceWindow => {
    const w = { days, planned: 0, taken: 0, late: 0, skipped: 0, missed: 0, percent: null as number | null };
    for (const l of inMonth) {
      if (l.scheduledAtMs <= nowMs - days * DAY_MS) continue;
      w.planned += 1;
      if (l.status === 'TAKEN') w.taken += 1;
      else if (l.status === 'TAKEN_LATE') {
        w.taken += 1;
        w.late += 1;
      } else if (l.status === 'SKIPPED') w.skipped += 1;
      else w.missed += 1;
    }
    w.percent = w.planned === 0 ? null : floor1((100 * w.taken) / w.planned);
    return w;
  });
  let run = 0;
  let longestStreak = 0;
  for (const l of inMonth) {
    run = l.status === 'TAKEN' || l.status === 'TAKEN_LATE' ? run + 1 : 0;
    longestStreak = Math.max(longestStreak, run);
  }
  return { windows, currentStreak: run, longestStreak };
}
