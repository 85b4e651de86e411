// Open mHealth data points (a bare body, or { header, body }) → samples validated like a device sync.
//
// Descriptive statistics: a data point carrying `descriptive_statistic` (a daily minimum, a monthly
// average of steps, ...) is checked like any other and then SKIPPED with the reason "statistics are not
// samples". Stored as a reading it would corrupt our aggregates: a minimum averaged with real heart
// rates drags the mean down, an "average steps per day" spread over a month would be summed as steps.
// The document is accepted (it is valid), it simply adds nothing.
import { checkInstant } from '../http/dates';
import { parseIsoInstant } from '../ingest/iso-date';
import { WORKOUT_ACTIVITIES } from '../health';
import { isObject, rejected, skipped, validateItem, collectReport, type ImportReport, type ItemResult, type RawSample } from './import-result';
import { DESCRIPTIVE_STATISTICS, findOmhSchema, type OmhSchema } from './openmhealth-schemas';

type Frame = { ok: true; start: string; end: string; interval: boolean } | { ok: false; reason: string };

const DURATION_MS: Readonly<Record<string, number>> = { sec: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 };
// Optional unit-values some schemas carry besides their measure; their unit is checked too.
const OPTIONAL_MEASURES: Readonly<Record<string, readonly string[]>> = {
  supplemental_oxygen_flow_rate: ['L/min'],
  distance: ['m', 'km', 'mi', 'ft', 'yd', 'in', 'cm'],
  kcal_burned: ['kcal'],
};

function isoString(value: unknown, field: string): { ok: true; ms: number } | { ok: false; reason: string } {
  const parsed = parseIsoInstant(value);
  return parsed.ok ? parsed : { ok: false, reason: `${field} ${parsed.reason}` };
}

function parseDuration(value: unknown): number | null {
  if (!isObject(value) || typeof value.value !== 'number' || !(value.value >= 0)) return null;
  const scale = typeof value.unit === 'string' ? DURATION_MS[value.unit] : undefined;
  return scale === undefined ? null : value.value * scale;
}

function parseInterval(interval: Record<string, unknown>): Frame {
  const { start_date_time: startText, end_date_time: endText, duration } = interval;
  const start = startText === undefined ? null : isoString(startText, 'time_interval.start_date_time');
  const end = endText === undefined ? null : isoString(endText, 'time_interval.end_date_time');
  if (start && !start.ok) return start;
  if (end && !end.ok) return end;
  const durationMs = duration === undefined ? null : parseDuration(duration);
  if (duration !== undefined && durationMs === null) return { ok: false, reason: 'time_interval.duration must be { value >= 0, unit: sec|min|h|d }' };
  const iso = (ms: number) => new Date(ms).toISOString();
  if (start && end) return { ok: true, start: startText as string, end: endText as string, interval: true };
  const other = durationMs === null ? null : start ? start.ms + durationMs : end ? end.ms - durationMs : null;
  // A duration can put the other end past any date (1e300 days): that record is rejected, not the import.
  if (other !== null && !checkInstant(other).ok) return { ok: false, reason: 'time_interval.duration puts the interval outside any plausible date' };
  if (start && other !== null) return { ok: true, start: startText as string, end: iso(other), interval: true };
  if (end && other !== null) return { ok: true, start: iso(other), end: endText as string, interval: true };
  return { ok: false, reason: 'time_interval needs start_date_time and end_date_time, or one of them and a duration (a date and part of day cannot place a sample)' };
}

function parseTimeFrame(frame: unknown): Frame {
  if (frame === undefined) return { ok: false, reason: 'effective_time_frame is required' };
  if (!isObject(frame)) return { ok: false, reason: 'effective_time_frame must be an object' };
  if (frame.date_time !== undefined) {
    const instant = isoString(frame.date_time, 'effective_time_frame.date_time');
    if (!instant.ok) return instant;
    return { ok: true, start: frame.date_time as string, end: frame.date_time as string, interval: false };
  }
  if (isObject(frame.time_interval)) return parseInterval(frame.time_interval);
  return { ok: false, reason: 'effective_time_frame must hold date_time or time_interval' };
}

function checkUnitValue(value: unknown, field: string, units: readonly string[]): string | null {
  if (!isObject(value)) return `${field} must be { value, unit }`;
  if (typeof value.value !== 'number' || !Number.isFinite(value.value)) return `${field}.value must be a number`;
  if (typeof value.unit !== 'string' || !units.includes(value.unit)) return `${field}.unit must be one of: ${units.join(', ')}`;
  return null;
}

/** Structural checks a schema validator would make; null when the body is valid. */
function checkBody(schema: OmhSchema, body: Record<string, unknown>): string | null {
  const units = Object.keys(schema.units);
  const measures = schema.name === 'blood-pressure' ? ['systolic_blood_pressure', 'diastolic_blood_pressure'] : schema.measure ? [schema.measure] : [];
  for (const field of measures) {
    const problem = checkUnitValue(body[field], field, units);
    if (problem) return problem;
  }
  if (schema.name === 'physical-activity' && (typeof body.activity_name !== 'string' || body.activity_name === '')) return 'activity_name is required';
  for (const [field, allowed] of Object.entries(OPTIONAL_MEASURES)) {
    if (measures.includes(field) || body[field] === undefined) continue;
    const problem = checkUnitValue(body[field], field, allowed);
    if (problem) return problem;
  }
  for (const [field, allowed] of Object.entries(schema.enums)) {
    if (body[field] !== undefined && !allowed.includes(body[field] as string)) return `${field} must be one of: ${allowed.join(', ')}`;
  }
  const statistic = body.descriptive_statistic;
  if (statistic !== undefined && !DESCRIPTIVE_STATISTICS.includes(statistic as string)) return `descriptive_statistic '${String(statistic)}' is not a known statistic`;
  return null;
}

function quantity(body: Record<string, unknown>, field: string, schema: OmhSchema) {
  const measure = body[field] as { value: number; unit: string };
  return { value: measure.value, unit: schema.units[measure.unit] };
}

function toRawSamples(schema: OmhSchema, body: Record<string, unknown>, frame: { start: string; end: string }, recordId: string | null): RawSample[] {
  const metadata: Record<string, unknown> = { source: 'openmhealth', schema: schema.name };
  for (const field of Object.keys(schema.enums)) if (body[field] !== undefined) metadata[field] = body[field];
  const base = { startDate: frame.start, endDate: frame.end, metadata };
  const id = (suffix: string) => (recordId === null ? {} : { clientRecordId: `omh:${recordId}${suffix}` });
  if (schema.name === 'blood-pressure') {
    return [
      { ...base, type: 'BLOOD_PRESSURE_SYSTOLIC', ...quantity(body, 'systolic_blood_pressure', schema), ...id(':systolic') },
      { ...base, type: 'BLOOD_PRESSURE_DIASTOLIC', ...quantity(body, 'diastolic_blood_pressure', schema), ...id(':diastolic') },
    ];
  }
  if (schema.name === 'physical-activity') {
    const name = (body.activity_name as string).toLowerCase();
    const activity = (WORKOUT_ACTIVITIES as readonly string[]).includes(name) ? name : 'other';
    return [{ ...base, type: 'WORKOUT', value: activity, metadata: { ...metadata, activity_name: body.activity_name }, ...id('') }];
  }
  return [{ ...base, type: schema.type, ...quantity(body, schema.measure as string, schema), ...id('') }];
}

/** One data point: a bare body (schema detected from its properties) or { header: { schema_id }, body }. */
export function parseOmhDataPoint(document: unknown, nowMs: number): ItemResult {
  if (!isObject(document)) return rejected('a data point must be a JSON object');
  const wrapped = isObject(document.header) && isObject(document.body);
  const body = wrapped ? (document.body as Record<string, unknown>) : document;
  const header = wrapped ? (document.header as Record<string, unknown>) : null;
  const schemaName = header && isObject(header.schema_id) && typeof header.schema_id.name === 'string' ? header.schema_id.name : null;
  const schema = findOmhSchema(schemaName, body);
  if (!schema) return rejected(schemaName ? `schema '${schemaName}' is not supported` : 'no supported Open mHealth measure found in the data point');

  const problem = checkBody(schema, body);
  if (problem) return rejected(`${schema.name}: ${problem}`);
  const frame = parseTimeFrame(body.effective_time_frame);
  if (!frame.ok) return rejected(`${schema.name}: ${frame.reason}`);
  if (schema.needsInterval && !frame.interval) return rejected(`${schema.name}: an amount over time needs effective_time_frame.time_interval, not a date_time`);
  if (body.descriptive_statistic !== undefined) {
    return skipped(`${schema.name}: statistics are not samples (descriptive_statistic '${String(body.descriptive_statistic)}')`);
  }
  const recordId = header && typeof header.id === 'string' && header.id !== '' ? header.id : null;
  return validateItem(toRawSamples(schema, body, frame, recordId), nowMs);
}

/** One data point or an array of them; indexes in the report are positions in the array. */
export function parseOmh(input: unknown, nowMs: number): ImportReport {
  const documents = Array.isArray(input) ? input : [input];
  return collectReport(documents.map((document) => parseOmhDataPoint(document, nowMs)));
}
