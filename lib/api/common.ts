// Schemas shared by every part of the public API's description: the one error shape, health types,
// days and instants. The `id` in `.meta()` makes a schema a named component of the OpenAPI document.
import { z } from 'zod';
import type { ErrorCode } from '../http/errors';
import { day } from '../http/dates';
import { healthType } from '../http/read-handlers';

const ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'TWO_FACTOR_ENROLMENT_REQUIRED',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'VALIDATION_ERROR',
  'IDEMPOTENCY_KEY_REUSED',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'PUSH_NOT_CONFIGURED',
  'INTERNAL',
] as const satisfies readonly ErrorCode[];
// Fails to compile when lib/http/errors.ts gains a code this list lacks.
const everyCodeListed: Exclude<ErrorCode, (typeof ERROR_CODES)[number]> extends never ? true : never = true;
void everyCodeListed;

export const fieldIssue = z
  .object({ field: z.string(), reason: z.string() })
  .meta({ id: 'FieldIssue', description: 'What is wrong with one input field ("samples.3.unit", "from", …).' });

export const errorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.unknown().optional().meta({ description: 'For validation errors, usually an array of FieldIssue.' }),
    }),
  })
  .meta({
    id: 'Error',
    description: 'The one error shape of every endpoint.',
    example: { error: { code: 'VALIDATION_ERROR', message: 'request validation failed', details: [{ field: 'from', reason: 'must be a date YYYY-MM-DD' }] } },
  });

export const healthTypeSchema = healthType.meta({ id: 'HealthType', description: 'A health type of the catalogue.' });
export const daySchema = day.meta({ id: 'Day', description: 'A local calendar date, YYYY-MM-DD.', example: '2026-11-21' });
export const instantSchema = z.iso.datetime({ offset: true }).meta({ description: 'An instant, ISO-8601 with an offset.', example: '2026-11-21T08:30:00.000Z' });
export const uuidSchema = z.uuid();
export const nullableInstant = instantSchema.nullable();

/** The Idempotency-Key request header of a write that may be retried safely, and the answer's replay mark. */
export const idempotencyKeyHeader = {
  'Idempotency-Key': { description: '1–255 visible ASCII characters; reuse it to retry safely.', schema: z.string().min(1).max(255).regex(/^[\x21-\x7e]+$/) },
};
export const replayedHeader = {
  'Idempotent-Replayed': { description: '"true" when this is the stored answer to an earlier request with the same key.', schema: z.literal('true') },
};
