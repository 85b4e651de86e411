// The device sync contract as zod: the sample shape lib/ingest/validate-sample.ts accepts (same limits;
// sync.test.ts checks both agree), the request body and the answers. The validator stays the one that
// runs, because it rejects samples one by one instead of failing the whole batch.
import { z } from 'zod';
import { checkRange, getHealthType, hasKinds, HEALTH_TYPES, isCategoryType, toCanonical, type HealthType } from '../health';
import { isStorableText, UNSTORABLE_TEXT } from '../http/text';
import { parseIsoInstant } from '../ingest/iso-date';
import { MAX_SAMPLES } from '../ingest/sync-batch';
import { errorBody } from './common';

const CLOCK_SKEW_MS = 10 * 60 * 1000;
const MAX_METADATA_BYTES = 4096;
const MAX_METADATA_DEPTH = 8;

function storableDeep(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return isStorableText(value);
  if (typeof value !== 'object' || value === null) return true;
  if (depth > MAX_METADATA_DEPTH) return false;
  const entries = Array.isArray(value) ? value.map((v) => ['', v] as const) : Object.entries(value);
  return entries.every(([key, v]) => isStorableText(key) && storableDeep(v, depth + 1));
}

const isoInstant = z
  .string()
  .refine((s) => parseIsoInstant(s).ok, 'must be ISO-8601 with a time zone offset')
  .meta({ description: 'ISO-8601 date-time with an offset (Z or ±hh:mm); not before 1970.', example: '2026-11-21T08:30:00Z' });

const common = {
  startDate: isoInstant,
  endDate: isoInstant.meta({ description: 'Not before startDate, not more than 10 minutes in the future; the longest interval depends on the type.' }),
  clientRecordId: z
    .string()
    .min(1)
    .max(256)
    .refine(isStorableText, UNSTORABLE_TEXT)
    .nullish()
    .meta({ description: "The device's own record id: a later copy with a higher version replaces it; the same id again is a duplicate." }),
  version: z.int().min(0).max(2_147_483_647).nullish().meta({ description: 'Version of the record; requires clientRecordId.' }),
  metadata: z
    .record(z.string(), z.unknown())
    .refine((m) => storableDeep(m, 0), `must nest at most ${MAX_METADATA_DEPTH} levels and contain no NUL or unpaired surrogates`)
    .refine((m) => Buffer.byteLength(JSON.stringify(m)) <= MAX_METADATA_BYTES, `must be at most ${MAX_METADATA_BYTES} bytes as JSON`)
    .nullish()
    .meta({ description: `Free-form JSON object, at most ${MAX_METADATA_BYTES} bytes.` }),
};

function variant(type: HealthType) {
  const def = getHealthType(type);
  if (isCategoryType(type)) {
    // The catalogue's labels and their accepted aliases (validateSample maps an alias to its label).
    const values = [...(def.categoryValues ?? []), ...Object.keys(def.categoryAliases ?? {})];
    return z.object({
      type: z.literal(type),
      value: z.enum(values as [string, ...string[]]).meta({ description: `${def.displayName}: its label; the stored value is the interval in minutes.` }),
      unit: z.unknown().optional().meta({ description: 'Ignored for labelled intervals.' }),
      ...common,
    });
  }
  return z.object({
    type: z.literal(type),
    value: z.number().meta({ description: `${def.displayName}, in one of the accepted units; plausible range ${def.range.min}–${def.range.max} ${def.canonicalUnit}.` }),
    unit: z.enum(def.acceptedUnits as [string, ...string[]]),
    ...(hasKinds(type)
      ? {
          category: z
            .enum(def.categoryValues as [string, ...string[]])
            .nullish()
            .meta({ description: `${def.displayName}: the kind (optional; absent means unspecified).` }),
        }
      : {}),
    ...common,
  });
}

type Variant = ReturnType<typeof variant>;
const variants = HEALTH_TYPES.map(variant) as unknown as [Variant, ...Variant[]];

/** Checks that span fields: the interval, the plausible range after unit conversion, version needs an id. */
function crossFieldIssues(s: z.output<Variant>, nowMs: number): { path: string; message: string }[] {
  const start = parseIsoInstant(s.startDate) as { ms: number };
  const end = parseIsoInstant(s.endDate) as { ms: number };
  const def = getHealthType(s.type as HealthType);
  const issues: { path: string; message: string }[] = [];
  if (start.ms < Date.UTC(1970, 0, 1)) issues.push({ path: 'startDate', message: 'must not be before 1970-01-01' });
  if (end.ms < start.ms) issues.push({ path: 'endDate', message: 'must not be before startDate' });
  if (end.ms > nowMs + CLOCK_SKEW_MS) issues.push({ path: 'endDate', message: 'must not be in the future' });
  if (end.ms - start.ms > def.maxDurationSeconds * 1000) issues.push({ path: 'endDate', message: `interval longer than ${def.maxDurationSeconds} s` });
  if (typeof s.value === 'number') {
    const converted = toCanonical(def.type, s.value, s.unit as string);
    const outOfRange = converted.ok ? checkRange(def.type, converted.value) : converted.reason;
    if (outOfRange) issues.push({ path: 'value', message: outOfRange });
  }
  if (s.version != null && s.clientRecordId == null) issues.push({ path: 'version', message: 'requires clientRecordId' });
  return issues;
}

export const syncSample = z
  .discriminatedUnion('type', variants)
  .superRefine((s, ctx) => {
    for (const issue of crossFieldIssues(s, Date.now())) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  })
  .meta({
    id: 'SyncSample',
    description:
      'One reading. Numeric types carry a number and a unit of the type (INSULIN may name its kind in `category`); labelled intervals (sleep stages, menstrual flow, workouts) carry a label. A bad sample is rejected on its own; the others are stored.',
    example: { type: 'HEART_RATE', value: 72, unit: 'count/min', startDate: '2026-11-21T08:30:00Z', endDate: '2026-11-21T08:30:00Z', clientRecordId: 'hr-123' },
  });

export const syncRequest = z
  .object({ samples: z.array(syncSample).min(1).max(MAX_SAMPLES) })
  .meta({ id: 'SyncRequest', description: `At most ${MAX_SAMPLES} samples and 8 MiB per request.` });

const rejection = z
  .object({ index: z.int().min(0), field: z.string(), reason: z.string() })
  .meta({ id: 'SampleRejection', description: 'A sample that was not stored: its index in the request, the field and why.' });

export const syncResponse = z
  .object({
    accepted: z.int().min(0).meta({ description: 'Samples newly stored.' }),
    duplicates: z.int().min(0).meta({ description: 'Samples already stored (or repeated within the request).' }),
    rejected: z.array(rejection),
  })
  .meta({ id: 'SyncResult', example: { accepted: 120, duplicates: 3, rejected: [{ index: 7, field: 'unit', reason: 'is not accepted for HEART_RATE' }] } });

export const syncAllRejected = errorBody
  .extend({ accepted: z.literal(0), duplicates: z.literal(0), rejected: z.array(rejection).min(1) })
  .meta({ id: 'SyncAllRejected', description: 'Every sample was rejected: the error shape plus the sync counters; nothing stored.' });
