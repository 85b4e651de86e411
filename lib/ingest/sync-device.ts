// The device sync use case: authenticate the bearer token, honour the Idempotency-Key, validate every
// sample (bad ones are rejected by index, good ones stored), store in one transaction, then answer.
import { createHash } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { noteAudit } from '../audit/context';
import { bearerToken } from '../auth/tokens';
import { findDeviceByToken } from '../data/devices';
import { checkIdempotencyKey, storeSyncBatch, type Idempotency, type StoredResponse } from '../data/sync-samples';
import { ApiError, notFound, unauthorized } from '../http/errors';
import { readJson } from '../http/handler';
import { idempotencyKeyOf } from '../http/idempotency';
import { isHealthType } from '../health';
import { metrics } from '../observability/metrics';
import { MAX_BODY_BYTES, parseSyncBatch, type ParsedBatch } from './sync-batch';

// The audit row gets the counts of a sync, never its values.
function noteSyncCounts(body: unknown, replayed: boolean) {
  const { accepted, duplicates, rejected } = (body ?? {}) as { accepted?: unknown; duplicates?: unknown; rejected?: unknown };
  noteAudit({
    details: {
      accepted: typeof accepted === 'number' ? accepted : null,
      duplicates: typeof duplicates === 'number' ? duplicates : null,
      rejected: Array.isArray(rejected) ? rejected.length : null,
      ...(replayed ? { replayed } : {}),
    },
  });
}

function reply(response: StoredResponse, replayed = false): NextResponse {
  noteSyncCounts(response.body, replayed);
  return NextResponse.json(response.body, {
    status: response.status,
    headers: replayed ? { 'Idempotent-Replayed': 'true' } : undefined,
  });
}

/** `onStored` runs once new samples are committed (the route starts the pipeline with it). */
export async function syncDeviceSamples(req: NextRequest, deviceId: string, onStored: (userId: string) => void): Promise<Response> {
  const token = bearerToken(req.headers.get('authorization'));
  if (!token) throw unauthorized('a device token is required (Authorization: Bearer <token>)');
  const device = await findDeviceByToken(token);
  if (!device) throw unauthorized('invalid or revoked device token');
  noteAudit({ actorDeviceId: device.id, patientId: device.userId });
  if (device.id !== deviceId) throw notFound('device');

  const key = idempotencyKeyOf(req);
  const { text, json } = await readJson(req, MAX_BODY_BYTES);
  const idempotency: Idempotency | null = key ? { key, requestHash: createHash('sha256').update(text).digest('hex') } : null;
  if (idempotency) {
    const previous = await checkIdempotencyKey(device.id, idempotency);
    if (previous?.kind === 'replay') return reply(previous.response, true);
    if (previous?.kind === 'key-reused') {
      throw new ApiError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with a different body');
    }
  }

  const batch = parseSyncBatch(json, Date.now());
  countIngested(json, batch);
  if (batch.samples.length === 0) {
    // Nothing valid: not stored, not cached (a corrected retry with the same key is allowed). The body is
    // the usual error shape plus the sync counters, so clients read `rejected` the same way as on a 200.
    const error = { code: 'VALIDATION_ERROR', message: 'every sample was rejected', details: batch.rejected };
    noteAudit({ details: { accepted: 0, duplicates: 0, rejected: batch.rejected.length } });
    return NextResponse.json({ error, accepted: 0, duplicates: 0, rejected: batch.rejected }, { status: 422 });
  }
  const endTimer = metrics().syncDuration.startTimer();
  const outcome = await storeSyncBatch({
    device: { id: device.id, userId: device.userId, timeZone: device.timeZone },
    samples: batch.samples,
    idempotency,
    buildResponse: ({ accepted, duplicates }) => ({
      status: 200,
      body: { accepted, duplicates: duplicates + batch.duplicatesInBatch, rejected: batch.rejected },
    }),
  });
  endTimer();
  if (outcome.kind === 'stored') {
    metrics().samplesIngested.inc({ type: 'ALL', outcome: 'accepted' }, outcome.accepted);
    metrics().samplesIngested.inc({ type: 'ALL', outcome: 'duplicate' }, outcome.duplicates + batch.duplicatesInBatch);
  }
  if (outcome.kind === 'key-reused') throw new ApiError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with a different body');
  if (outcome.kind === 'stored' && outcome.accepted > 0) onStored(device.userId);
  return reply(outcome.response, outcome.kind === 'replay');
}

/** Metrics: valid and rejected samples by health type (the type as sent when it is a known one). */
function countIngested(json: unknown, batch: ParsedBatch): void {
  const { samplesIngested } = metrics();
  // Counted per type first: one increment per type, not one per sample.
  const valid = new Map<string, number>();
  for (const sample of batch.samples) valid.set(sample.type, (valid.get(sample.type) ?? 0) + 1);
  for (const [type, count] of valid) samplesIngested.inc({ type, outcome: 'valid' }, count);
  const raw = (json as { samples?: unknown[] }).samples ?? [];
  for (const r of batch.rejected) {
    const type = (raw[r.index] as { type?: unknown } | undefined)?.type;
    samplesIngested.inc({ type: typeof type === 'string' && isHealthType(type) ? type : 'unknown', outcome: 'rejected' });
  }
}
