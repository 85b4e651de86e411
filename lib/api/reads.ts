// Reads of samples, aggregates and the daily summary (own data or a cared-for patient's), and the
// export query. The read queries are the ones the handlers parse (lib/http/read-handlers.ts).
import { z } from 'zod';
import { HEALTH_TYPES } from '../health';
import { day } from '../http/dates';
import { daySchema, healthTypeSchema, instantSchema, uuidSchema } from './common';

export { aggregatesQuery, samplesQuery, summaryQuery } from '../http/read-handlers';

// Answers state values as precisely as they are worth (lib/health/precision.ts); computation keeps more.
const ANSWER_PRECISION =
  'In the canonical unit, rounded to the type’s precision: whole steps, metres, kcal, bpm, breaths/min, mmHg, %SpO2, mg/dL glucose and minutes; body fat to 0.1 %; weight to 0.01 kg and temperature to 0.01 °C (fine enough for lb and °F to one decimal); insulin to 0.001 [iU] and carbohydrates to 0.1 g. The values are computed at full precision and rounded only here.';

const sample = z
  .object({
    id: z.string().regex(/^\d+$/),
    deviceId: uuidSchema,
    type: healthTypeSchema,
    value: z.union([z.number(), z.string()]).meta({
      description: 'In the canonical unit, exactly as stored (never rounded: a raw sample is evidence), cut to 12 significant digits to drop binary noise; the label for sleep stages, flow and workouts.',
    }),
    unit: z.string().nullable().meta({ description: 'Canonical unit; null for labelled intervals.' }),
    category: z
      .string()
      .nullable()
      .optional()
      .meta({ description: 'Only on types with kinds (INSULIN): bolus, correction, smb, temp_basal or basal; null when the source named none.' }),
    startDate: instantSchema,
    endDate: instantSchema,
    clientRecordId: z.string().nullable(),
    version: z.int().nullable(),
    metadata: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'Sample', description: 'A stored raw sample, as the device sent it (before dedup).' });

export const samplePage = z
  .object({
    samples: z.array(sample),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
  })
  .meta({ id: 'SamplePage' });

const column = <T extends z.ZodType>(of: T, description: string) => z.array(of).meta({ description });

export const sampleColumns = z
  .object({
    format: z.literal('columns'),
    type: healthTypeSchema,
    unit: z.string().nullable().meta({ description: 'Canonical unit of every value; null for labelled intervals.' }),
    devices: column(uuidSchema, 'The device ids of this page, in order of first appearance; `device` indexes into it.'),
    device: column(z.int().min(0), 'Per sample: the index of its device in `devices`.'),
    id: column(z.string().regex(/^\d+$/), 'Per sample: its id.'),
    start: column(z.int(), 'Per sample: its start, in milliseconds since 1970-01-01T00:00:00Z (the `startDate` of the default answer).'),
    end: column(z.int(), 'Per sample: its end, in milliseconds since the epoch; equal to `start` for an instant.'),
    value: column(z.union([z.number(), z.string()]), 'Per sample: as `value` of the default answer (exactly as stored; the label for sleep stages, flow and workouts).'),
    category: column(z.string().nullable(), 'Only on types with kinds (INSULIN): per sample, the kind the source named, or null.').optional(),
    clientRecordId: column(z.string().nullable(), 'Per sample: the id the source gave it, or null.'),
    version: column(z.int().nullable(), 'Per sample: the version the source gave it, or null.'),
    metadata: column(z.record(z.string(), z.unknown()).nullable(), 'Per sample: its metadata, or null.'),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page (the same cursor as the default answer’s); null on the last page.' }),
  })
  .meta({
    id: 'SampleColumns',
    description: 'The same page as SamplePage, of one type, one array per field: the i-th entry of every per-sample array is the i-th sample, in the same order as the default answer. Asked with `format=columns`.',
  });

const aggregate = z
  .object({
    periodStart: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/).meta({ description: 'Local wall-clock start of the period (no offset).', example: '2026-11-21T00:00:00' }),
    value: z.number().meta({ description: ANSWER_PRECISION }),
    min: z.number().nullable(),
    max: z.number().nullable(),
    count: z.int(),
    sources: z.record(z.string(), z.number()).meta({ description: 'Device id → its contribution after dedup (an amount of the type for summed types, rounded alike; a reading count for the others).' }),
  })
  .meta({ id: 'Aggregate', description: 'A period of one type. value, min and max are rounded to the type’s precision; see `value`.' });

export const aggregatesByType = z
  .partialRecord(healthTypeSchema, z.array(aggregate))
  .meta({ id: 'AggregatesByType', description: 'One list per requested type, in period order (after dedup across devices).' });

export const dailySummary = z
  .object({ date: daySchema, types: z.partialRecord(healthTypeSchema, z.number()).meta({ description: `Daily value per type that has one. ${ANSWER_PRECISION}` }) })
  .meta({ id: 'DailySummary', example: { date: '2026-11-21', types: { STEPS: 8412, RESTING_HEART_RATE: 58 } } });

// Mirrors the export route's query (app/api/v1/users/me/export/route.ts).
export const exportQuery = z.object({
  format: z.enum(['csv', 'fhir']).meta({ description: 'csv, or fhir (an R4 Bundle of vital-signs Observations).' }),
  kind: z.enum(['samples', 'daily']).default('samples').meta({ description: 'Readings after dedup, or daily aggregates (csv only).' }),
  types: z.string().optional().meta({ description: `Comma-separated health types; all but SLEEP_STATE when absent. One of: ${HEALTH_TYPES.join(', ')}.` }),
  from: day.meta({ description: 'First local day, YYYY-MM-DD (from 1900-01-01 to two days after today, as every date parameter).' }),
  to: day.meta({ description: 'Last local day, YYYY-MM-DD; at most 3660 days after from.' }),
});

export const fhirBundle = z
  .looseObject({ resourceType: z.literal('Bundle'), type: z.string(), entry: z.array(z.unknown()).optional() })
  .meta({ id: 'FhirBundle', description: 'A FHIR R4 Bundle (https://hl7.org/fhir/R4/bundle.html) of vital-signs Observations.' });
