// The phone-bridge use case, shared by every bridge route: authenticate the device token, read the body
// (gzip allowed), take the Idempotency-Key or, when the app sends none (neither Health Auto Export nor
// HC Webhook does), the SHA-256 of the body, map the app's payload with the bridge's mapper, validate
// every item as a sync does (bad items refused by JSON path, good ones stored), and store them in the
// same transaction as a device sync (layer-1 dedup, dirty ranges, idempotency record), then answer.
import { createHash } from 'node:crypto';
import { NextResponse } from 'next/server';
import { noteAudit } from '../audit/context';
import { bearerToken } from '../auth/tokens';
import { findDeviceByToken } from '../data/devices';
import { checkIdempotencyKey, storeSyncBatch, type Idempotency, type StoredResponse } from '../data/sync-samples';
import { ApiError, unauthorized } from '../http/errors';
import { readJson } from '../http/handler';
import { idempotencyKeyOf } from '../http/idempotency';
import { sampleKey } from '../ingest/sync-batch';
import { validateItem } from '../interop/import-result';
import type { NormalizedSample, Rejection } from '../ingest/validate-sample';
import { metrics } from '../observability/metrics';
import type { BridgePayload } from './items';

/** More than a sync's 5,000: one delivery may hold a day of per-second heart rate. */
export const MAX_BRIDGE_SAMPLES = 50_000;
/** Past the sync route's 8 MB once inflated: the app sends a day or two of second-by-second heart rate in one body. */
const MAX_BRIDGE_BODY_BYTES = 8 * 1024 * 1024;
const MAX_BRIDGE_INFLATED_BYTES = 32 * 1024 * 1024;

export type Bridge = { name: string; map: (body: unknown) => BridgePayload | null; shape: string };

/**
 * The device token, from `Authorization: Bearer <token>` or `X-Device-Token: <token>` (for an app whose
 * header settings make an Authorization value awkward); never from the URL, which logs keep.
 */
export function bridgeToken(headers: Headers): string | null {
  const bearer = bearerToken(headers.get('authorization'));
  if (bearer) return bearer;
  const header = headers.get('x-device-token')?.trim();
  return header && /^\S{1,512}$/.test(header) ? header : null;
}

function reply(response: StoredResponse, replayed = false): NextResponse {
  const body = (response.body ?? {}) as { accepted?: number; duplicates?: number; rejected?: unknown[] };
  noteAudit({ details: { accepted: body.accepted ?? null, duplicates: body.duplicates ?? null, rejected: body.rejected?.length ?? null, ...(replayed ? { replayed } : {}) } });
  return NextResponse.json(response.body, { status: response.status, headers: replayed ? { 'Idempotent-Replayed': 'true' } : undefined });
}

/** Validates every item; folds exact duplicates inside the delivery (the highest version wins). */
function validate(payload: BridgePayload, nowMs: number) {
  const rejected: Rejection[] = [];
  const byKey = new Map<string, NormalizedSample>();
  let received = 0;
  payload.items.forEach((item, index) => {
    if ('error' in item) return void rejected.push({ index, field: `${item.path}.${item.error.field}`, reason: item.error.reason });
    const result = validateItem(item.raws, nowMs);
    if (result.status !== 'accepted') return void rejected.push({ index, field: item.path, reason: result.reason });
    for (const sample of result.samples) {
      received += 1;
      const previous = byKey.get(sampleKey(sample));
      if (!previous || (sample.version ?? -1) > (previous.version ?? -1)) byKey.set(sampleKey(sample), sample);
    }
  });
  return { samples: [...byKey.values()], rejected, duplicatesInBatch: received - byKey.size };
}

export async function receiveBridge(req: Request, bridge: Bridge, onStored: (userId: string) => void): Promise<Response> {
  const token = bridgeToken(req.headers);
  if (!token) throw unauthorized('a device token is required (Authorization: Bearer <token> or X-Device-Token: <token>)');
  const device = await findDeviceByToken(token);
  if (!device) throw unauthorized('invalid or revoked device token');
  noteAudit({ actorDeviceId: device.id, patientId: device.userId, details: { bridge: bridge.name } });

  const given = idempotencyKeyOf(req);
  const { text, json } = await readJson(req, MAX_BRIDGE_BODY_BYTES, { gzipInflatedMax: MAX_BRIDGE_INFLATED_BYTES });
  const requestHash = createHash('sha256').update(text).digest('hex');
  // Without a key, the body is its own key: a delivery the app retries (or re-sends unchanged) is a replay.
  const idempotency: Idempotency = { key: given ?? `${bridge.name}:sha256:${requestHash}`, requestHash };
  const previous = await checkIdempotencyKey(device.id, idempotency);
  if (previous?.kind === 'replay') return reply(previous.response, true);
  if (previous?.kind === 'key-reused') throw new ApiError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with a different body');

  const payload = bridge.map(json);
  if (!payload) throw new ApiError('VALIDATION_ERROR', `body is not ${bridge.shape}`, [{ field: '(body)', reason: `expected ${bridge.shape}` }]);
  const batch = validate(payload, Date.now());
  if (batch.samples.length > MAX_BRIDGE_SAMPLES) {
    throw new ApiError('PAYLOAD_TOO_LARGE', `at most ${MAX_BRIDGE_SAMPLES} samples per delivery (got ${batch.samples.length}); choose a shorter export period`);
  }
  const counts = { rejected: batch.rejected, skipped: payload.skipped };
  if (batch.samples.length === 0) {
    // Nothing to store (every item refused, or nothing the catalogue knows): not cached, so a corrected
    // retry is not a replay. Refusals answer 422 as a sync does; a body of only skipped data is a 200.
    const status = batch.rejected.length > 0 ? 422 : 200;
    const error = status === 422 ? { error: { code: 'VALIDATION_ERROR', message: 'every item was rejected', details: batch.rejected } } : {};
    noteAudit({ details: { accepted: 0, duplicates: 0, rejected: batch.rejected.length } });
    return NextResponse.json({ ...error, accepted: 0, duplicates: batch.duplicatesInBatch, ...counts }, { status });
  }
  const endTimer = metrics().syncDuration.startTimer();
  const outcome = await storeSyncBatch({
    device: { id: device.id, userId: device.userId, timeZone: device.timeZone },
    samples: batch.samples,
    idempotency,
    buildResponse: ({ accepted, duplicates }) => ({ status: 200, body: { accepted, duplicates: duplicates + batch.duplicatesInBatch, ...counts } }),
  });
  endTimer();
  if (outcome.kind === 'key-reused') throw new ApiError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with a different body');
  if (outcome.kind === 'stored') {
    metrics().samplesIngested.inc({ type: 'ALL', outcome: 'accepted' }, outcome.accepted);
    if (outcome.accepted > 0) onStored(device.userId);
  }
  return reply(outcome.response, outcome.kind === 'replay');
}
