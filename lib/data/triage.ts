// Doctor triage (Tidepool TIDE-like): every patient with an active link to the doctor lands in exactly
// one group, the first that matches in order of clinical urgency (the rules: triage-classify.ts). Each
// signal is loaded for all the doctor's patients at once (triage-signals.ts).
import { z } from 'zod';
import type { UnitPreferences } from '../format/health';
import { triageSparkLabel } from '../format/triage-reason';
import { recordListRead } from '../audit/context';
import type { Caller } from '../auth/session';
import { prisma } from '../db/client';
import type { HealthType } from '../generated/prisma/enums';
import { lastWholeDay, type DailyValue } from '../pipeline/insights';
import { addDays } from '../time';
import { requireDoctorOf } from './access';
import { findDisplayUnits } from './aggregates';
import { maybeDisplayName } from './profile-fields';
import { classify, TRIAGE_GROUPS, type TriageCgm, type TriageGroup, type TriagePatient, type TriageReason } from './triage-classify';
import { loadSignals, WINDOW_DAYS } from './triage-signals';
import { decryptEmail } from './user-email';
import { storableText } from '../http/text';

export { TRIAGE_GROUPS, type TriageCgm, type TriageGroup, type TriageReason } from './triage-classify';
const GROUP_IDS = TRIAGE_GROUPS.map((g) => g.id) as [TriageGroup, ...TriageGroup[]];

export const triageQuery = z.object({
  q: storableText().trim().max(100).default(''),
  group: z.enum(GROUP_IDS).optional(),
  sort: z.enum(['name', 'lastSync', 'lastReviewed']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type TriageQuery = z.infer<typeof triageQuery>;

export type TriageRow = {
  patientId: string;
  name: string;
  group: TriageGroup;
  /** Why, in English (the API's text); `reasonData` is the same as codes and numbers, for a page to word in its reader's language. */
  reason: string;
  reasonData: TriageReason;
  /** A CGM wearer's consensus metrics over the last 14 local days (rounded to 0.1), and which flags they raised. */
  cgm: TriageCgm | null;
  lastSyncAt: string | null;
  lastDataAt: string | null;
  lastReviewedAt: string | null;
  /** `values` in the type's canonical unit; `label` in English. */
  sparkline: { type: HealthType; days: number; label: string; values: number[] };
};
/** `units`: the reading doctor's, which `reason` uses and a page words `reasonData` with. */
export type TriageList = { asOf: string; units: UnitPreferences; groups: { id: TriageGroup; label: string; count: number }[]; patients: TriageRow[] };

// Names are encrypted: decrypted here and searched in the app (a doctor's panel is small).
export async function linkedPatients(doctorId: string, q: string): Promise<TriagePatient[]> {
  const rows = await prisma.$queryRaw<(TriagePatient & { email: string; display_name: string | null })[]>`
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

// Whole days only (ending yesterday): a day just begun would read as a drop at the end of the line.
// `label` is English (the API's); the page names the line from `type` in the reader's language.
function sparkline(values: DailyValue[] | undefined, type: HealthType, lastDay: string) {
  const first = addDays(lastDay, -(WINDOW_DAYS - 1));
  return { type, days: WINDOW_DAYS, label: triageSparkLabel(type, WINDOW_DAYS), values: (values ?? []).filter((v) => v.day >= first && v.day <= lastDay).map((v) => v.value) };
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
  const [signals, units] = await Promise.all([loadSignals(patients.map((p) => ({ id: p.id, timeZone: p.time_zone })), now), findDisplayUnits(caller.id)]);
  const rows = patients.map((p): TriageRow => {
    const { group, reason, reasonData, sparkType, cgm } = classify(p, signals, now, units);
    return {
      patientId: p.id, name: p.name, group, reason, reasonData, cgm,
      lastSyncAt: iso(p.last_sync_at), lastDataAt: iso(signals.lastData.get(p.id)), lastReviewedAt: iso(p.last_reviewed_at),
      sparkline: sparkline(signals.daily.get(p.id)?.get(sparkType), sparkType, lastWholeDay(now.getTime(), p.time_zone)),
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
  return { asOf: now.toISOString(), units, groups, patients: shown };
}

/** Records that the doctor reviewed the patient now (their own link only; 404 for anyone else). */
export async function markPatientReviewed(caller: Caller, patientId: string, now = new Date()): Promise<{ lastReviewedAt: string }> {
  const { linkId } = await requireDoctorOf(caller, patientId);
  await prisma.careRelationship.update({ where: { id: linkId }, data: { lastReviewedAt: now } });
  return { lastReviewedAt: now.toISOString() };
}
