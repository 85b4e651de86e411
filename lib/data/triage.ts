// Doctor triage (Tidepool TIDE-like): every patient with an active link to the doctor lands in exactly
// one group, the first that matches in order of clinical urgency. Each signal is one set-based query over
// all the doctor's patients (a fixed number of queries, whatever the panel size), and the rules are the
// pure ones in lib/pipeline/insights, so triage and the patient's own insights agree on what "low",
// "rising" or "short" means.
import { z } from 'zod';
import { recordListRead } from '../audit/context';
import type { Caller } from '../auth/session';
import { prisma } from '../db/client';
import type { EmergencyKind, EmergencyStatus, HealthType } from '../generated/prisma/enums';
import { dedupSamples } from '../pipeline';
import {
  activityChange, DEFAULT_ALERT_THRESHOLDS, findAlerts, glucoseTimeInRange, restingHrTrend, sleepDeficit,
  type AlertFinding, type AlertReading, type DailyValue,
} from '../pipeline/insights';
import { formatCount, formatMinutes } from '../pipeline/insights/format';
import { addDays, localDate } from '../time';
import { requireDoctorOf } from './access';
import { maybeDisplayName } from './profile-fields';
import { decryptEmail } from './user-email';
import { rulesFor } from './aggregation/type-rules';

export const TRIAGE_GROUPS = [
  { id: 'emergency', label: 'Active emergency' },
  { id: 'glucose-low', label: 'Low glucose' },
  { id: 'bp-crisis', label: 'Blood pressure crisis' },
  { id: 'rhr-rising', label: 'Rising resting heart rate' },
  { id: 'sleep-deficit', label: 'Sleep deficit' },
  { id: 'activity-drop', label: 'Activity drop' },
  { id: 'no-data', label: 'No data for 3 days or more' },
  { id: 'on-target', label: 'Meeting targets' },
] as const;
export type TriageGroup = (typeof TRIAGE_GROUPS)[number]['id'];
const GROUP_IDS = TRIAGE_GROUPS.map((g) => g.id) as [TriageGroup, ...TriageGroup[]];

export const triageQuery = z.object({
  q: z.string().trim().max(100).default(''),
  group: z.enum(GROUP_IDS).optional(),
  sort: z.enum(['name', 'lastSync', 'lastReviewed']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type TriageQuery = z.infer<typeof triageQuery>;

export type TriageRow = {
  patientId: string;
  name: string;
  group: TriageGroup;
  reason: string;
  lastSyncAt: string | null;
  lastDataAt: string | null;
  lastReviewedAt: string | null;
  sparkline: { label: string; values: number[] };
};
export type TriageList = { asOf: string; groups: { id: TriageGroup; label: string; count: number }[]; patients: TriageRow[] };

const DAY_MS = 86_400_000;
const WINDOW_DAYS = 14; // glucose and blood pressure look back as far as the time-in-range consensus
const STALE_MS = 3 * DAY_MS;
const RECENT_DAYS = 35; // enough daily values for every rule (activity: this week + 4 weeks before)
const DAILY_TYPES: HealthType[] = ['RESTING_HEART_RATE', 'SLEEP_STATE', 'SLEEP_ANALYSIS', 'STEPS', 'BLOOD_GLUCOSE', 'BLOOD_PRESSURE_SYSTOLIC'];
const EMERGENCY_LABELS: Record<EmergencyKind, string> = {
  GLUCOSE_LOW: 'Very low glucose',
  GLUCOSE_HIGH: 'Very high glucose',
  BLOOD_PRESSURE_CRISIS: 'Blood pressure crisis',
};

type Patient = { id: string; name: string; time_zone: string; last_reviewed_at: Date | null; last_sync_at: Date | null };
type Emergency = { patient_id: string; kind: EmergencyKind; status: EmergencyStatus; details: Record<string, number>; open_count: number };
type Insight = { user_id: string; kind: string; data: Record<string, number> };
type Signals = {
  emergencies: Map<string, Emergency>;
  glucose: Map<string, { id: string; deviceId: string; priority: number; startMs: number; endMs: number; value: number }[]>;
  bloodPressure: Map<string, AlertReading[]>;
  thresholds: Map<string, typeof DEFAULT_ALERT_THRESHOLDS>;
  daily: Map<string, Map<HealthType, DailyValue[]>>;
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

// Names are encrypted: decrypted here and searched in the app (a doctor's panel is small).
async function linkedPatients(doctorId: string, q: string): Promise<Patient[]> {
  const rows = await prisma.$queryRaw<(Patient & { email: string; display_name: string | null })[]>`
    SELECT u.id::text AS id, u.email_ciphertext AS email, p.display_name, COALESCE(p.time_zone, 'UTC') AS time_zone,
           cr.last_reviewed_at, (SELECT max(d.last_sync_at) FROM devices d WHERE d.user_id = u.id) AS last_sync_at
    FROM care_relationships cr
    JOIN users u ON u.id = cr.patient_id AND u.disabled_at IS NULL
    LEFT JOIN profiles p ON p.user_id = u.id
    WHERE cr.carer_id = ${doctorId}::uuid AND cr.kind = 'DOCTOR' AND cr.revoked_at IS NULL`;
  const patients = await Promise.all(
    rows.map(async ({ email, display_name, ...row }) => ({ ...row, name: (await maybeDisplayName(row.id, display_name)) ?? (await decryptEmail(row.id, email)) })),
  );
  return q === '' ? patients : patients.filter((p) => p.name.toLowerCase().includes(q.toLowerCase()));
}

async function loadSignals(ids: string[], now: Date): Promise<Signals> {
  const from = new Date(now.getTime() - WINDOW_DAYS * DAY_MS);
  const firstDay = addDays(localDate(now.getTime(), 'UTC'), -(RECENT_DAYS + 2)); // covers every zone's "today"
  const { systolicHigh, diastolicHigh } = DEFAULT_ALERT_THRESHOLDS;
  const [emergencies, glucose, bloodPressure, thresholds, daily, insights, lastData] = await Promise.all([
    prisma.$queryRaw<Emergency[]>`
      SELECT DISTINCT ON (patient_id) patient_id::text, kind, status, details,
             count(*) OVER (PARTITION BY patient_id)::int AS open_count
      FROM emergency_events WHERE patient_id = ANY(${ids}::uuid[]) AND status <> 'RESOLVED'
      ORDER BY patient_id, detected_at DESC`,
    // Only patients with a reading under 70 can reach the low-glucose group; theirs are loaded whole,
    // with device priorities, so the same reading seen by two devices counts once (as in the insights).
    prisma.$queryRaw<{ user_id: string; id: string; device_id: string; priority: number; start_ms: number; end_ms: number; value: number }[]>`
      SELECT s.user_id::text, s.id::text, s.device_id::text, COALESCE(o.priority, d.priority) AS priority,
             (extract(epoch FROM s.start_at) * 1000)::float8 AS start_ms, (extract(epoch FROM s.end_at) * 1000)::float8 AS end_ms, s.value
      FROM health_samples s
      JOIN devices d ON d.id = s.device_id
      LEFT JOIN device_type_priorities o ON o.device_id = s.device_id AND o.health_type = s.type
      WHERE s.type = 'BLOOD_GLUCOSE' AND s.start_at > ${from} AND s.start_at <= ${now}
        AND s.user_id IN (SELECT DISTINCT user_id FROM health_samples WHERE user_id = ANY(${ids}::uuid[])
                          AND type = 'BLOOD_GLUCOSE' AND start_at > ${from} AND start_at <= ${now} AND value < 70)`,
    // Likewise only patients with a reading past their own thresholds (else the defaults).
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
    glucose: groupBy(glucose, (r) => r.user_id, (r) => ({ id: r.id, deviceId: r.device_id, priority: r.priority, startMs: r.start_ms, endMs: r.end_ms, value: r.value })),
    bloodPressure: groupBy(bloodPressure, (r) => r.user_id, (r) => ({ type: r.type, atMs: r.at_ms, value: r.value })),
    thresholds: new Map(thresholds.map((t) => [t.patientId, { glucoseLowMgDl: t.glucoseLowMgDl, glucoseHighMgDl: t.glucoseHighMgDl, systolicHigh: t.systolicHigh, diastolicHigh: t.diastolicHigh }])),
    daily: dailyByUser,
    insights: insightsByUser,
    lastData: new Map(lastData.map((r) => [r.user_id, r.last_at])),
  };
}

function emergencyReason(e: Emergency): string {
  const d = e.details;
  const value = d.mgdl !== undefined ? ` (${Math.round(d.mgdl)} mg/dL)` : d.systolic !== undefined || d.diastolic !== undefined ? ` (${d.systolic !== undefined ? Math.round(d.systolic) : '–'}/${d.diastolic !== undefined ? Math.round(d.diastolic) : '–'} mmHg)` : '';
  const more = e.open_count > 1 ? `; ${e.open_count - 1} more open` : '';
  return `${EMERGENCY_LABELS[e.kind]}${value}, ${e.status.toLowerCase()}${more}`;
}

function bloodPressureReason(f: AlertFinding, limits: { systolicHigh: number; diastolicHigh: number }, timeZone: string): string {
  const reading = `${f.details.systolic !== undefined ? Math.round(f.details.systolic) : '–'}/${f.details.diastolic !== undefined ? Math.round(f.details.diastolic) : '–'} mmHg`;
  return `${reading} on ${localDate(f.atMs, timeZone)} (crisis at ${limits.systolicHigh}/${limits.diastolicHigh})`;
}

/** The first group whose rule matches, with the reason in words for the doctor. */
function classify(p: Patient, s: Signals, now: Date): { group: TriageGroup; reason: string; sparkType: HealthType } {
  const today = localDate(now.getTime(), p.time_zone);
  const emergency = s.emergencies.get(p.id);
  if (emergency) {
    return { group: 'emergency', reason: emergencyReason(emergency), sparkType: emergency.kind === 'BLOOD_PRESSURE_CRISIS' ? 'BLOOD_PRESSURE_SYSTOLIC' : 'BLOOD_GLUCOSE' };
  }
  const glucose = s.glucose.get(p.id);
  if (glucose) {
    const readings = dedupSamples(glucose, rulesFor('BLOOD_GLUCOSE')).map((c) => ({ atMs: c.startMs, mgdl: c.sample.value }));
    const tir = glucoseTimeInRange({ readings, nowMs: now.getTime(), timeZone: p.time_zone });
    // HIGH severity is exactly the consensus low targets missed: ≥ 1 % under 54 or ≥ 4 % under 70.
    if (tir?.severity === 'HIGH') {
      const reason = `${tir.data.below54} % of readings under 54 mg/dL, ${tir.data.below70} % under 70 (${tir.data.readings} readings, 14 days)`;
      return { group: 'glucose-low', reason, sparkType: 'BLOOD_GLUCOSE' };
    }
  }
  const bp = s.bloodPressure.get(p.id);
  if (bp) {
    const limits = s.thresholds.get(p.id) ?? DEFAULT_ALERT_THRESHOLDS;
    const crisis = findAlerts(bp, limits).find((f) => f.kind === 'BLOOD_PRESSURE_CRISIS');
    if (crisis) return { group: 'bp-crisis', reason: bloodPressureReason(crisis, limits, p.time_zone), sparkType: 'BLOOD_PRESSURE_SYSTOLIC' };
  }
  const days = s.daily.get(p.id) ?? new Map<HealthType, DailyValue[]>();
  const insights = s.insights.get(p.id) ?? new Map<string, Record<string, number>>();
  const rhr = restingHrTrend({ days: days.get('RESTING_HEART_RATE') ?? [], today })?.data ?? insights.get('RESTING_HR_TREND');
  if (rhr && Number(rhr.slopePerDay) > 0) {
    return { group: 'rhr-rising', reason: `Up about ${Number(rhr.changePerWeek).toFixed(1)} bpm per week over 30 days (${rhr.days} days of data)`, sparkType: 'RESTING_HEART_RATE' };
  }
  const sleepType: HealthType = days.has('SLEEP_STATE') ? 'SLEEP_STATE' : 'SLEEP_ANALYSIS';
  const sleep = sleepDeficit({ nights: days.get(sleepType) ?? [], today })?.data ?? insights.get('SLEEP_DEFICIT');
  if (sleep) {
    return { group: 'sleep-deficit', reason: `Sleeping ${formatMinutes(Number(sleep.averageMinutes))} a night on average over 14 days (${sleep.nights} nights)`, sparkType: sleepType };
  }
  const activity = activityChange({ steps: days.get('STEPS') ?? [], today })?.data ?? insights.get('ACTIVITY_CHANGE');
  if (activity && Number(activity.changePercent) < 0) {
    const reason = `${Math.abs(Math.round(Number(activity.changePercent)))} % fewer steps this week: ${formatCount(Number(activity.thisWeek))} against a usual ${formatCount(Number(activity.baselineWeekly))}`;
    return { group: 'activity-drop', reason, sparkType: 'STEPS' };
  }
  const lastData = s.lastData.get(p.id);
  if (!lastData || now.getTime() - lastData.getTime() >= STALE_MS) {
    const reason = lastData
      ? `No data for ${Math.floor((now.getTime() - lastData.getTime()) / DAY_MS)} days`
      : p.last_sync_at ? `No data in the last ${RECENT_DAYS} days` : 'No device has synced yet';
    return { group: 'no-data', reason, sparkType: 'STEPS' };
  }
  return { group: 'on-target', reason: 'No alerts or worrying trends in the last 14 days', sparkType: 'STEPS' };
}

const SPARK_LABELS: Partial<Record<HealthType, string>> = {
  BLOOD_GLUCOSE: 'Daily mean glucose (mg/dL)',
  BLOOD_PRESSURE_SYSTOLIC: 'Daily mean systolic pressure (mmHg)',
  RESTING_HEART_RATE: 'Daily resting heart rate (bpm)',
  SLEEP_STATE: 'Minutes asleep per night',
  SLEEP_ANALYSIS: 'Minutes asleep per night',
  STEPS: 'Daily steps',
};

function sparkline(values: DailyValue[] | undefined, type: HealthType, today: string) {
  const first = addDays(today, -(WINDOW_DAYS - 1));
  return { label: `${SPARK_LABELS[type] ?? type}, last 14 days`, values: (values ?? []).filter((v) => v.day >= first && v.day <= today).map((v) => v.value) };
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
// Oldest first; "never" counts as longest ago.
const byTime = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : Date.parse(a) - Date.parse(b));

function compareRows(sort: TriageQuery['sort']): (a: TriageRow, b: TriageRow) => number {
  if (sort === 'lastSync') return (a, b) => byTime(a.lastSyncAt, b.lastSyncAt);
  if (sort === 'lastReviewed') return (a, b) => byTime(a.lastReviewedAt, b.lastReviewedAt);
  return (a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
}

/** The doctor's patients, grouped in triage order; counts are per group before the group filter. */
export async function findTriageList(caller: Caller, query: TriageQuery, now = new Date()): Promise<TriageList> {
  const patients = caller.role === 'DOCTOR' ? await linkedPatients(caller.id, query.q) : [];
  const signals = await loadSignals(patients.map((p) => p.id), now);
  const rows = patients.map((p): TriageRow => {
    const { group, reason, sparkType } = classify(p, signals, now);
    return {
      patientId: p.id, name: p.name, group, reason,
      lastSyncAt: iso(p.last_sync_at), lastDataAt: iso(signals.lastData.get(p.id)), lastReviewedAt: iso(p.last_reviewed_at),
      sparkline: sparkline(signals.daily.get(p.id)?.get(sparkType), sparkType, localDate(now.getTime(), p.time_zone)),
    };
  });
  const groups = TRIAGE_GROUPS.map((g) => ({ ...g, count: rows.filter((r) => r.group === g.id).length }));
  const rank = (r: TriageRow) => GROUP_IDS.indexOf(r.group);
  const compare = compareRows(query.sort);
  const direction = query.order === 'desc' ? -1 : 1;
  const shown = rows
    .filter((r) => !query.group || r.group === query.group)
    .sort((a, b) => rank(a) - rank(b) || direction * compare(a, b) || a.patientId.localeCompare(b.patientId));
  await recordListRead('doctor-triage', shown.map((r) => r.patientId), caller.id); // before any of it is shown
  return { asOf: now.toISOString(), groups, patients: shown };
}

/** Records that the doctor reviewed the patient now (their own link only; 404 for anyone else). */
export async function markPatientReviewed(caller: Caller, patientId: string, now = new Date()): Promise<{ lastReviewedAt: string }> {
  const { linkId } = await requireDoctorOf(caller, patientId);
  await prisma.careRelationship.update({ where: { id: linkId }, data: { lastReviewedAt: now } });
  return { lastReviewedAt: now.toISOString() };
}
