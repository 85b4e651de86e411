// The patient's timeline: events (mood, symptom, medication, note, assessment; superseded ones hidden)
// merged with notable readings (glucose, blood pressure as one systolic/diastolic item, weight — from any
// source, manual entries included; never the stream of heart-rate samples) and diabetes doses (insulin
// with its kind, carbohydrates), lab results (with their low/high flag), dose logs of medications (taken,
// late, skipped or missed) and questionnaire scores (the current answer), newest first, keyset-paginated
// on (time, key). Values are canonical (mg/dL, mmHg, kg, [iU], g; a lab in its own unit); pages convert
// them to the user's units. A hand-made entry (a manual reading, an event logged in the app, a dose log) carries its
// correction handle (`entry`: its id for PATCH/DELETE …/entries/{id}, and whether it was ever corrected);
// a retracted one is gone from its table, so from here too (its history stays: lib/data/corrections.ts).
import { Prisma } from '../generated/prisma/client';
import { prisma } from '../db/client';
import { getHealthType, type HealthType } from '../health';
import { zonedDayRangeUtc } from '../time';
import { allowedTypes, isUuid, type ReadScope } from './access';
import { correctedEntries, readingIdOfRecord, type EntryRef } from './corrections';
import { MANUAL_DEVICE_IDENTIFIER, MEAL_CONTEXTS } from './entries';
import { decryptDeviceName } from './device-fields';
import { findDisplayNames } from './profile-fields';
import { decryptEventPayload } from './event-fields';
import { decryptSampleMetadata } from './sample-fields';
import { labAnswersByIds, type LabAnswer } from './labs';
import { doseLogsByIds, type DoseStatus } from './medication-doses';
import { questionnaireTimelineItems, type QuestionnaireTimelineItem } from './questionnaires';

export type Person = { id: string; name: string; self: boolean };
export type ReadingSource = { deviceId: string; deviceName: string; deviceType: string; manual: boolean; enteredBy: Person | null };
/** A hand-made entry's correction handle: `reading:<uuid>` or `event:<uuid>`, and whether it was ever corrected. */
export type EntryHandle = { id: string; corrected: boolean };
type Base = { id: string; at: string; entry?: EntryHandle };
export type TimelineItem =
  | (Base & { kind: 'glucose'; value: number; unit: 'mg/dL'; mealContext: string | null; source: ReadingSource })
  | (Base & { kind: 'blood_pressure'; systolic: number; diastolic: number | null; unit: 'mmHg'; source: ReadingSource })
  | (Base & { kind: 'weight'; value: number; unit: 'kg'; source: ReadingSource })
  /** A dose of insulin; `insulinKind` null when the source did not say; `endAt` set for a delivery over an interval. */
  | (Base & { kind: 'insulin'; value: number; unit: '[iU]'; insulinKind: string | null; endAt: string | null; source: ReadingSource })
  | (Base & { kind: 'carbs'; value: number; unit: 'g'; source: ReadingSource })
  | (Base & { kind: 'mood'; score: number | null; note: string | null; recordedBy: Person | null })
  | (Base & { kind: 'symptom'; name: string; severity: number | null; note: string | null; recordedBy: Person | null })
  | (Base & { kind: 'medication'; name: string; dose: string | null; recordedBy: Person | null })
  | (Base & { kind: 'note'; text: string; recordedBy: Person | null })
  | (Base & { kind: 'assessment'; summary: string | null; recordedBy: Person | null })
  /** A lab result (or another LOINC-coded clinical observation), flagged from its reference range. */
  | (Base & { kind: 'lab'; code: string; display: string; value: number; unit: string; flag: LabAnswer['flag']; referenceRange: LabAnswer['referenceRange']; source: string; recordedBy: Person | null })
  /** A dose of a medication logged (or written missed by the schedule: recordedBy null); `at` when taken, else when planned. */
  | (Base & { kind: 'dose'; medicationId: string; medication: string; dose: string | null; status: DoseStatus; scheduledFor: string | null; reason: string | null; recordedBy: Person | null })
  /** A questionnaire's score (the current answer; `corrected` when it replaced an earlier one). */
  | (Base & { kind: 'questionnaire' } & QuestionnaireTimelineItem & { recordedBy: Person | null });
export type TimelinePage = { items: TimelineItem[]; nextBefore: string | null };

/** Items strictly before this point: (time, key) of the last item seen; key '' means "before the instant". */
export type TimelineCursor = { atMs: number; key: string };

// Doses are summed (lib/health): the copy of a dose relayed by a lower-ranked source is not shown, as it
// does not count in the totals (else two uploaders' copies of one bolus would read as two boluses).
const DOSE_TYPES = ['INSULIN', 'CARBOHYDRATES'] as const satisfies readonly HealthType[];
const READING_TYPES: HealthType[] = ['BLOOD_GLUCOSE', 'BLOOD_PRESSURE_SYSTOLIC', 'WEIGHT', ...DOSE_TYPES];
const KEY = /^([eldq]:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|s:\d{20})$/;
const MAX_DATE_MS = 8.64e15;
const AFTER_EVERY_KEY = '~'; // sorts after 'd:…', 'e:…', 'l:…', 'q:…' and 's:…' in the C collation

export function encodeTimelineCursor(cursor: TimelineCursor): string {
  return Buffer.from(JSON.stringify([cursor.atMs, cursor.key])).toString('base64url');
}

/** Null unless this module could have produced the cursor. */
export function decodeTimelineCursor(value: string): TimelineCursor | null {
  try {
    const [atMs, key] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    if (!Number.isSafeInteger(atMs) || Math.abs(atMs as number) > MAX_DATE_MS) return null;
    if (typeof key !== 'string' || !KEY.test(key)) return null;
    return { atMs: atMs as number, key };
  } catch {
    return null;
  }
}

type Row = {
  source: 'event' | 'sample' | 'lab' | 'dose' | 'questionnaire';
  id: string;
  kind: string;
  at: Date;
  sort_key: string;
  payload: unknown; // encrypted text as read; the parsed object after withDecrypted
  recorded_by_id: string | null;
  device_id: string | null;
  device_name: string | null;
  device_type: string | null;
  device_identifier: string | null;
  value: number | null;
  value2: number | null;
  end_at: Date | null;
  category: string | null; // a dose log's source
  client_record_id: string | null;
  metadata: unknown; // encrypted text as read; the parsed object after withDecrypted
};

/**
 * Per type: the dedup rule that hides a dose's copy (match window, value tolerance, kinds that form their
 * own stream), null for readings. The copy test is pairwise (a better-ranked dose of another device within
 * the window and tolerance, same stream), the aggregation's greedy sweep in all but chains of three or
 * more relays of drifting values.
 */
function copyRules(types: readonly HealthType[]) {
  const rules = types.map((type) => {
    const def = getHealthType(type);
    const dose = (DOSE_TYPES as readonly HealthType[]).includes(type);
    return {
      window: dose ? (def.matchWindowSeconds ?? 0) : null,
      absolute: dose ? (def.tolerance?.absolute ?? 0) : null,
      relative: dose ? (def.tolerance?.relative ?? 0) : null,
      streams: def.categoryStreams ?? {},
    };
  });
  return {
    windows: rules.map((r) => r.window),
    absolutes: rules.map((r) => r.absolute),
    relatives: rules.map((r) => r.relative),
    streams: JSON.stringify(Object.fromEntries(types.map((t, i) => [t, rules[i]!.streams]))),
  };
}

function loadRows(scope: ReadScope, q: { before?: TimelineCursor; limit: number }): Promise<Row[]> {
  const types = allowedTypes(scope, READING_TYPES);
  const copies = copyRules(types);
  const withDiastolic = allowedTypes(scope, ['BLOOD_PRESSURE_DIASTOLIC']).length > 0;
  const withEvents = scope.types === 'ALL'; // a share limited to some health types shows no events, doses or questionnaires
  const floor = new Date(scope.fromDay ? zonedDayRangeUtc(scope.fromDay, scope.timeZone).startMs : 0);
  const ceilingMs = scope.toDay ? zonedDayRangeUtc(scope.toDay, scope.timeZone).endMs - 1 : Date.now() + 86_400_000;
  const useCursor = q.before !== undefined && q.before.atMs <= ceilingMs;
  const top = new Date(useCursor ? q.before!.atMs : ceilingMs);
  const topKey = useCursor ? q.before!.key : AFTER_EVERY_KEY;
  const n = q.limit + 1;
  // Each branch reads at most n rows from its index (newest first); the outer query merges them.
  return prisma.$queryRaw<Row[]>`
    WITH superseded AS (
      SELECT supersedes_id AS id FROM health_events WHERE user_id = ${scope.patientId}::uuid AND supersedes_id IS NOT NULL
    ),
    events AS (
      SELECT 'event'::text AS source, e.id::text AS id, e.kind::text AS kind, e.occurred_at AS at,
             ('e:' || e.id::text) COLLATE "C" AS sort_key, e.payload, e.recorded_by_id::text AS recorded_by_id,
             NULL::text AS device_id, NULL::text AS device_name, NULL::text AS device_type, NULL::text AS device_identifier,
             NULL::float8 AS value, NULL::float8 AS value2, NULL::timestamptz AS end_at, NULL::text AS category,
             NULL::text AS client_record_id, NULL::text AS metadata
      FROM health_events e
      WHERE ${withEvents} AND e.user_id = ${scope.patientId}::uuid
        AND NOT EXISTS (SELECT 1 FROM superseded x WHERE x.id = e.id)
        AND e.occurred_at >= ${floor} AND e.occurred_at <= ${top}
        AND (e.occurred_at < ${top} OR ('e:' || e.id::text) COLLATE "C" < ${topKey})
      ORDER BY e.occurred_at DESC, sort_key DESC
      LIMIT ${n}
    ),
    readings AS (
      SELECT 'sample'::text, r.id::text, r.type::text, r.start_at, ('s:' || lpad(r.id::text, 20, '0')) COLLATE "C", NULL::text, NULL::text,
             r.device_id::text, d.name, d.type::text, d.identifier, r.value, dia.value, r.end_at, r.category, r.client_record_id, r.metadata
      FROM unnest(${types}::text[], ${copies.windows}::float8[], ${copies.absolutes}::float8[], ${copies.relatives}::float8[])
        AS t(type, copy_window, copy_absolute, copy_relative)
      CROSS JOIN LATERAL (
        SELECT s.id, s.user_id, s.device_id, s.type, s.start_at, s.end_at, s.value, s.category, s.client_record_id, s.metadata FROM health_samples s
        WHERE s.user_id = ${scope.patientId}::uuid AND s.type = t.type::"HealthType"
          AND s.start_at >= ${floor} AND s.start_at <= ${top}
          AND (s.start_at < ${top} OR ('s:' || lpad(s.id::text, 20, '0')) COLLATE "C" < ${topKey})
          AND (t.copy_window IS NULL OR NOT EXISTS (${betterCopy(copies.streams)}))
        ORDER BY s.start_at DESC, s.id DESC
        LIMIT ${n}
      ) r
      JOIN devices d ON d.id = r.device_id
      LEFT JOIN LATERAL (
        SELECT x.value FROM health_samples x
        WHERE ${withDiastolic} AND r.type = 'BLOOD_PRESSURE_SYSTOLIC' AND x.user_id = r.user_id AND x.device_id = r.device_id
          AND x.type = 'BLOOD_PRESSURE_DIASTOLIC' AND x.start_at = r.start_at
        ORDER BY x.id DESC LIMIT 1
      ) dia ON true
    ),
    labs AS (
      SELECT 'lab'::text, l.id::text, 'LAB'::text, l.effective_at, ('l:' || l.id::text) COLLATE "C", NULL::text, l.recorded_by_id::text,
             NULL::text, NULL::text, NULL::text, NULL::text, l.value, NULL::float8, NULL::timestamptz, NULL::text, NULL::text, NULL::text
      FROM lab_results l
      WHERE ${withEvents} AND l.user_id = ${scope.patientId}::uuid
        AND l.effective_at >= ${floor} AND l.effective_at <= ${top}
        AND (l.effective_at < ${top} OR ('l:' || l.id::text) COLLATE "C" < ${topKey})
      ORDER BY l.effective_at DESC, ('l:' || l.id::text) COLLATE "C" DESC
      LIMIT ${n}
    ),
    doses AS (
      SELECT 'dose'::text, g.id::text, g.status::text, g.at, ('d:' || g.id::text) COLLATE "C" AS sort_key,
             NULL::text, g.recorded_by_id::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::float8, NULL::float8, NULL::timestamptz, g.source,
             NULL::text, NULL::text
      FROM (SELECT *, COALESCE(taken_at, scheduled_at, created_at) AS at FROM medication_logs WHERE ${withEvents} AND user_id = ${scope.patientId}::uuid) g
      WHERE g.at >= ${floor} AND g.at <= ${top}
        AND (g.at < ${top} OR ('d:' || g.id::text) COLLATE "C" < ${topKey})
      ORDER BY at DESC, sort_key DESC
      LIMIT ${n}
    ),
    questionnaires AS (
      SELECT 'questionnaire'::text, q.id::text, q.questionnaire, q.answered_at, ('q:' || q.id::text) COLLATE "C", NULL::text, q.recorded_by_id::text,
             NULL::text, NULL::text, NULL::text, NULL::text, NULL::float8, NULL::float8, NULL::timestamptz, NULL::text, NULL::text, NULL::text
      FROM questionnaire_responses q
      WHERE ${withEvents} AND q.user_id = ${scope.patientId}::uuid AND q.retracted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM questionnaire_responses c WHERE c.supersedes_id = q.id)
        AND q.answered_at >= ${floor} AND q.answered_at <= ${top}
        AND (q.answered_at < ${top} OR ('q:' || q.id::text) COLLATE "C" < ${topKey})
      ORDER BY q.answered_at DESC, ('q:' || q.id::text) COLLATE "C" DESC
      LIMIT ${n}
    )
    SELECT * FROM events UNION ALL SELECT * FROM readings UNION ALL SELECT * FROM labs UNION ALL SELECT * FROM doses UNION ALL SELECT * FROM questionnaires
    ORDER BY at DESC, sort_key DESC
    LIMIT ${n}`;
}

// A better-ranked dose of another device (priority, its per-type override, then device id: lib/pipeline's
// order) within the window, agreeing in value, in the same stream: then `s` is its copy.
function betterCopy(streams: string): Prisma.Sql {
  return Prisma.sql`
    SELECT 1 FROM health_samples o
    JOIN devices od ON od.id = o.device_id
    LEFT JOIN device_type_priorities oo ON oo.device_id = o.device_id AND oo.health_type = o.type
    JOIN devices sd ON sd.id = s.device_id
    LEFT JOIN device_type_priorities so ON so.device_id = s.device_id AND so.health_type = s.type
    WHERE o.user_id = s.user_id AND o.type = s.type AND o.device_id <> s.device_id
      AND o.start_at >= s.start_at - make_interval(secs => t.copy_window)
      AND o.start_at <= s.start_at + make_interval(secs => t.copy_window)
      AND abs(o.value - s.value) <= greatest(t.copy_absolute, t.copy_relative * greatest(o.value, s.value)) + 1e-9
      AND (${streams}::jsonb -> t.type ->> o.category) IS NOT DISTINCT FROM (${streams}::jsonb -> t.type ->> s.category)
      AND (COALESCE(oo.priority, od.priority) > COALESCE(so.priority, sd.priority)
        OR (COALESCE(oo.priority, od.priority) = COALESCE(so.priority, sd.priority) AND o.device_id::text < s.device_id::text))`;
}

const str = (o: unknown, key: string): string | null => {
  const v = (o as Record<string, unknown> | null)?.[key];
  return typeof v === 'string' && v.length > 0 ? v : null;
};
const num = (o: unknown, key: string): number | null => {
  const v = (o as Record<string, unknown> | null)?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

// Only the app writes the manual device's "enteredBy"; any other device's metadata is the device's word.
function enteredById(row: Row): string | null {
  const id = row.device_identifier === MANUAL_DEVICE_IDENTIFIER ? str(row.metadata, 'enteredBy') : null;
  return id && isUuid(id) ? id : null;
}

async function loadPeople(ids: string[], patientId: string): Promise<Map<string, Person>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const names = await findDisplayNames(unique);
  return new Map(unique.map((id) => [id, { id, name: names.get(id) || 'Unknown person', self: id === patientId }]));
}

type Details = { people: Map<string, Person>; labs: Map<string, LabAnswer>; doses: Awaited<ReturnType<typeof doseLogsByIds>>; questionnaires: Map<string, QuestionnaireTimelineItem> };

function toItem(row: Row, { people, labs, doses, questionnaires }: Details): TimelineItem | null {
  const base = { id: row.id, at: row.at.toISOString() };
  const recordedBy = row.recorded_by_id ? (people.get(row.recorded_by_id) ?? null) : null;
  if (row.source === 'dose') {
    const dose = doses.get(row.id);
    return dose ? { ...base, kind: 'dose', ...dose, recordedBy: dose.status === 'missed' ? null : recordedBy } : null;
  }
  if (row.source === 'questionnaire') {
    const answer = questionnaires.get(row.id);
    return answer ? { ...base, kind: 'questionnaire', ...answer, recordedBy } : null;
  }
  if (row.source === 'lab') {
    const lab = labs.get(row.id);
    if (!lab) return null;
    return { ...base, kind: 'lab', code: lab.code, display: lab.display, value: lab.value, unit: lab.unit, flag: lab.flag, referenceRange: lab.referenceRange, source: lab.source, recordedBy };
  }
  if (row.source === 'sample') {
    const entered = enteredById(row);
    const source: ReadingSource = {
      deviceId: row.device_id!,
      deviceName: row.device_name!,
      deviceType: row.device_type!,
      manual: row.device_type === 'manual',
      enteredBy: entered ? (people.get(entered) ?? null) : null,
    };
    const value = row.value!;
    if (row.kind === 'BLOOD_GLUCOSE') {
      const meal = str(row.metadata, 'mealContext');
      return { ...base, kind: 'glucose', value, unit: 'mg/dL', mealContext: meal && (MEAL_CONTEXTS as readonly string[]).includes(meal) ? meal : null, source };
    }
    if (row.kind === 'WEIGHT') return { ...base, kind: 'weight', value, unit: 'kg', source };
    if (row.kind === 'INSULIN') {
      const endAt = row.end_at && row.end_at.getTime() > row.at.getTime() ? row.end_at.toISOString() : null;
      return { ...base, kind: 'insulin', value, unit: '[iU]', insulinKind: row.category, endAt, source };
    }
    if (row.kind === 'CARBOHYDRATES') return { ...base, kind: 'carbs', value, unit: 'g', source };
    return { ...base, kind: 'blood_pressure', systolic: value, diastolic: row.value2, unit: 'mmHg', source };
  }
  const p = row.payload;
  switch (row.kind) {
    case 'MOOD':
      return { ...base, kind: 'mood', score: num(p, 'score'), note: str(p, 'note'), recordedBy };
    case 'SYMPTOM':
      return { ...base, kind: 'symptom', name: str(p, 'name') ?? 'Symptom', severity: num(p, 'severity'), note: str(p, 'note'), recordedBy };
    case 'MEDICATION':
      return { ...base, kind: 'medication', name: str(p, 'name') ?? 'Medication', dose: str(p, 'dose'), recordedBy };
    case 'NOTE':
      return { ...base, kind: 'note', text: str(p, 'text') ?? '', recordedBy };
    case 'ASSESSMENT':
      return { ...base, kind: 'assessment', summary: str(p, 'summary') ?? str(p, 'title') ?? str(p, 'text'), recordedBy };
    default:
      return null;
  }
}

// What a person entered by hand here (a manual reading; an event logged in the app, not a Nightscout
// projection; a dose logged in the app, not one the schedule wrote missed): the entry a correction names.
function entryRefOf(row: Row): EntryRef | null {
  if (row.source === 'dose') return row.kind !== 'MISSED' && row.category === 'app' ? { kind: 'dose', id: row.id } : null;
  if (row.source === 'sample') {
    const id = row.device_identifier === MANUAL_DEVICE_IDENTIFIER ? readingIdOfRecord(row.client_record_id) : null;
    return id ? { kind: 'reading', id } : null;
  }
  if (row.source !== 'event' || !['MOOD', 'SYMPTOM', 'MEDICATION', 'NOTE'].includes(row.kind)) return null;
  return (row.payload as Record<string, unknown> | null)?.nightscout === undefined ? { kind: 'event', id: row.id } : null;
}

// Device names, sample metadata and event payloads are encrypted with the owner's key (a patient's
// samples come from their own devices).
async function withDecrypted(patientId: string, rows: Row[]): Promise<Row[]> {
  const names = new Map<string, Promise<string>>();
  for (const r of rows) {
    if (r.device_id && r.device_name && !names.has(r.device_id)) names.set(r.device_id, decryptDeviceName(patientId, r.device_id, r.device_name));
  }
  return Promise.all(
    rows.map(async (r) => {
      if (r.source === 'event') return { ...r, payload: await decryptEventPayload(patientId, r.id, r.payload as string) };
      if (!r.device_id) return r;
      const identity = { deviceId: r.device_id, clientRecordId: r.client_record_id, type: r.kind, startMs: r.at.getTime(), endMs: r.end_at!.getTime() };
      const metadata = await decryptSampleMetadata(patientId, identity, r.metadata as string | null);
      return { ...r, device_name: await names.get(r.device_id)!, metadata };
    }),
  );
}

export async function findTimeline(scope: ReadScope, q: { before?: TimelineCursor; limit: number }): Promise<TimelinePage> {
  const rows = await loadRows(scope, q);
  const page = await withDecrypted(scope.patientId, rows.slice(0, q.limit));
  const people = await loadPeople(
    page.flatMap((r) => (r.source !== 'sample' ? (r.recorded_by_id ? [r.recorded_by_id] : []) : (enteredById(r) ? [enteredById(r)!] : []))),
    scope.patientId,
  );
  const idsOf = (source: Row['source']) => page.filter((r) => r.source === source).map((r) => r.id);
  const [labs, doses, questionnaires] = await Promise.all([
    labAnswersByIds(scope, idsOf('lab')),
    doseLogsByIds(scope.patientId, idsOf('dose')),
    questionnaireTimelineItems(scope.patientId, idsOf('questionnaire')),
  ]);
  const refs = new Map(page.flatMap((r) => { const ref = entryRefOf(r); return ref ? [[r, ref] as const] : []; }));
  const corrected = await correctedEntries(scope.patientId, [...refs.values()]);
  const last = page[page.length - 1];
  const withHandle = (row: Row, item: TimelineItem | null): TimelineItem | null => {
    const ref = refs.get(row);
    return item && ref ? { ...item, entry: { id: `${ref.kind}:${ref.id}`, corrected: corrected.has(`${ref.kind}:${ref.id}`) } } : item;
  };
  return {
    items: page.flatMap((row) => withHandle(row, toItem(row, { people, labs, doses, questionnaires })) ?? []),
    nextBefore: rows.length > q.limit && last ? encodeTimelineCursor({ atMs: last.at.getTime(), key: last.sort_key }) : null,
  };
}
