// What the doctor's triage looks at, loaded for all of the doctor's patients at once: one set-based query
// per signal (glucose: one to find who has readings, then the same loader as the patient's insight,
// triage-glucose.ts, so triage and insight judge the same deduplicated readings and CGM stream).
import { prisma } from '../db/client';
import type { EmergencyKind, EmergencyStatus, HealthType } from '../generated/prisma/enums';
import { DEFAULT_ALERT_THRESHOLDS, type AlertReading, type DailyValue, type MedicationLog } from '../pipeline/insights';
import { addDays, localDate } from '../time';
import { loadGlucoseWindows, type GlucoseWindow } from './triage-glucose';

export const DAY_MS = 86_400_000;
export const WINDOW_DAYS = 14; // blood pressure looks back as far as the glucose targets
export const RECENT_DAYS = 35; // enough daily values for every rule (activity: this week + 4 weeks before)
const ADHERENCE_DAYS = 30; // the medication rule's longest window
const DAILY_TYPES: HealthType[] = ['RESTING_HEART_RATE', 'SLEEP_STATE', 'SLEEP_ANALYSIS', 'STEPS', 'BLOOD_GLUCOSE', 'BLOOD_PRESSURE_SYSTOLIC'];

export type Emergency = { patient_id: string; kind: EmergencyKind; status: EmergencyStatus; details: Record<string, number>; open_count: number };
type Insight = { user_id: string; kind: string; data: Record<string, number> };
export type Signals = {
  emergencies: Map<string, Emergency>;
  glucose: Map<string, GlucoseWindow>;
  bloodPressure: Map<string, AlertReading[]>;
  thresholds: Map<string, typeof DEFAULT_ALERT_THRESHOLDS>;
  daily: Map<string, Map<HealthType, DailyValue[]>>;
  medication: Map<string, MedicationLog[]>;
  insights: Map<string, Map<string, Record<string, number>>>;
  lastData: Map<string, Date>;
};

function groupBy<T, V>(rows: T[], key: (r: T) => string, value: (r: T) => V): Map<string, V[]> {
  const map = new Map<string, V[]>();
  for (const row of rows) {
    const list = map.get(key(row)) ?? [];
    list.push(value(row));
    map.set(key(row), list);
  }
  return map;
}

/** `patients`: the doctor's, with their time zones (a CGM wearer's 14 days are their local days). */
export async function loadSignals(patients: readonly { id: string; timeZone: string }[], now: Date): Promise<Signals> {
  const ids = patients.map((p) => p.id);
  const from = new Date(now.getTime() - WINDOW_DAYS * DAY_MS);
  const firstDay = addDays(localDate(now.getTime(), 'UTC'), -(RECENT_DAYS + 2)); // covers every zone's "today"
  const { systolicHigh, diastolicHigh } = DEFAULT_ALERT_THRESHOLDS;
  const [emergencies, glucose, bloodPressure, thresholds, daily, medication, insights, lastData] = await Promise.all([
    prisma.$queryRaw<Emergency[]>`
      SELECT DISTINCT ON (patient_id) patient_id::text, kind, status, details,
             count(*) OVER (PARTITION BY patient_id)::int AS open_count
      FROM emergency_events WHERE patient_id = ANY(${ids}::uuid[]) AND status <> 'RESOLVED'
      ORDER BY patient_id, detected_at DESC`,
    loadGlucoseWindows(patients, now.getTime()),
    // Only patients with a reading past their own thresholds (else the defaults).
    prisma.$queryRaw<{ user_id: string; type: AlertReading['type']; at_ms: number; value: number }[]>`
      SELECT s.user_id::text, s.type, (extract(epoch FROM s.start_at) * 1000)::float8 AS at_ms, s.value
      FROM health_samples s
      WHERE s.type IN ('BLOOD_PRESSURE_SYSTOLIC', 'BLOOD_PRESSURE_DIASTOLIC') AND s.start_at > ${from} AND s.start_at <= ${now}
        AND s.user_id IN (
          SELECT DISTINCT c.user_id FROM health_samples c LEFT JOIN alert_thresholds t ON t.patient_id = c.user_id
          WHERE c.user_id = ANY(${ids}::uuid[]) AND c.type IN ('BLOOD_PRESSURE_SYSTOLIC', 'BLOOD_PRESSURE_DIASTOLIC')
            AND c.start_at > ${from} AND c.start_at <= ${now}
            AND ((c.type = 'BLOOD_PRESSURE_SYSTOLIC' AND c.value >= COALESCE(t.systolic_high, ${systolicHigh}))
              OR (c.type = 'BLOOD_PRESSURE_DIASTOLIC' AND c.value >= COALESCE(t.diastolic_high, ${diastolicHigh}))))`,
    prisma.alertThresholds.findMany({ where: { patientId: { in: ids } } }),
    prisma.$queryRaw<{ user_id: string; type: HealthType; day: string; value: number }[]>`
      SELECT user_id::text, type, to_char(period_start, 'YYYY-MM-DD') AS day, value FROM health_aggregates
      WHERE user_id = ANY(${ids}::uuid[]) AND period = 'DAY' AND type = ANY(${DAILY_TYPES}::"HealthType"[])
        AND period_start >= ${firstDay}::date
      ORDER BY period_start`,
    prisma.medicationLog.findMany({
      where: { userId: { in: ids }, scheduledAt: { gt: new Date(now.getTime() - ADHERENCE_DAYS * DAY_MS), lte: now } },
      select: { userId: true, scheduledAt: true, status: true },
    }),
    prisma.$queryRaw<Insight[]>`
      SELECT user_id::text, kind, data FROM insights
      WHERE user_id = ANY(${ids}::uuid[]) AND status = 'ACTIVE' AND kind IN ('RESTING_HR_TREND', 'SLEEP_DEFICIT', 'ACTIVITY_CHANGE')`,
    prisma.$queryRaw<{ user_id: string; last_at: Date }[]>`
      SELECT user_id::text, max(start_at) AS last_at FROM health_samples
      WHERE user_id = ANY(${ids}::uuid[]) AND start_at > ${new Date(now.getTime() - RECENT_DAYS * DAY_MS)} AND start_at <= ${now}
      GROUP BY user_id`,
  ]);
  const dailyByUser = new Map<string, Map<HealthType, DailyValue[]>>();
  for (const [userId, rows] of groupBy(daily, (r) => r.user_id, (r) => r)) {
    dailyByUser.set(userId, groupBy(rows, (r) => r.type, (r) => ({ day: r.day, value: r.value })) as Map<HealthType, DailyValue[]>);
  }
  const insightsByUser = new Map<string, Map<string, Record<string, number>>>();
  for (const [userId, rows] of groupBy(insights, (r) => r.user_id, (r) => r)) {
    insightsByUser.set(userId, new Map(rows.map((r) => [r.kind, r.data])));
  }
  return {
    emergencies: new Map(emergencies.map((e) => [e.patient_id, e])),
    glucose,
    bloodPressure: groupBy(bloodPressure, (r) => r.user_id, (r) => ({ type: r.type, atMs: r.at_ms, value: r.value })),
    thresholds: new Map(thresholds.map((t) => [t.patientId, { glucoseLowMgDl: t.glucoseLowMgDl, glucoseHighMgDl: t.glucoseHighMgDl, systolicHigh: t.systolicHigh, diastolicHigh: t.diastolicHigh }])),
    daily: dailyByUser,
    medication: groupBy(medication.filter((r) => r.scheduledAt !== null), (r) => r.userId, (r) => ({ scheduledAtMs: (r.scheduledAt as Date).getTime(), status: r.status })),
    insights: insightsByUser,
    lastData: new Map(lastData.map((r) => [r.user_id, r.last_at])),
  };
}
