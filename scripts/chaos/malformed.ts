// Scenario (c): malformed sync payloads from several devices at once. Every response must be < 500; a
// non-2xx must leave the device's rows unchanged, and a 2xx must add exactly the `accepted` rows.
import type pg from 'pg';
import { generatePayloads, type Payload } from './payloads';

export type MalformedResult = { sent: number; byStatus: Record<string, number>; byKind: Record<string, number>; acceptedBeyondValid: Record<string, number>; violations: string[] };

async function send(baseUrl: string, device: { id: string; token: string }, payload: Payload): Promise<{ status: number; accepted: number }> {
  const headers: Record<string, string> = { authorization: `Bearer ${device.token}` };
  if (payload.contentType !== null) headers['content-type'] = payload.contentType;
  const res = await fetch(`${baseUrl}/api/v1/devices/${device.id}/sync`, { method: 'POST', headers, body: payload.body as BodyInit, signal: AbortSignal.timeout(60_000) });
  const text = await res.text();
  let accepted = 0;
  try {
    accepted = Number((JSON.parse(text) as { accepted?: number }).accepted ?? 0);
  } catch {
    // an error body that is not JSON is itself worth reporting, but not a write
  }
  return { status: res.status, accepted };
}

export async function runMalformed(args: { baseUrl: string; db: pg.Pool; devices: { id: string; token: string }[]; count: number; seed: number }): Promise<MalformedResult> {
  const payloads = generatePayloads(args.count, args.seed);
  const result: MalformedResult = { sent: 0, byStatus: {}, byKind: {}, acceptedBeyondValid: {}, violations: [] };
  const rowsOf = async (deviceId: string) => (await args.db.query<{ n: number }>('SELECT count(*)::int AS n FROM health_samples WHERE device_id = $1', [deviceId])).rows[0]!.n;
  let next = 0;
  await Promise.all(
    args.devices.map(async (device) => {
      let rows = await rowsOf(device.id);
      for (let i = next++; i < payloads.length; i = next++) {
        const payload = payloads[i]!;
        let response: { status: number; accepted: number };
        try {
          response = await send(args.baseUrl, device, payload);
        } catch (error) {
          result.violations.push(`payload ${i} (${payload.kind}): no response (${(error as Error).message})`);
          continue;
        }
        result.sent += 1;
        result.byStatus[response.status] = (result.byStatus[response.status] ?? 0) + 1;
        result.byKind[payload.kind] = (result.byKind[payload.kind] ?? 0) + 1;
        const after = await rowsOf(device.id);
        const ok = response.status >= 200 && response.status < 300;
        if (response.status >= 500) result.violations.push(`payload ${i} (${payload.kind}): ${response.status}`);
        if (!ok && after !== rows) result.violations.push(`payload ${i} (${payload.kind}): ${response.status} but ${after - rows} rows written`);
        if (ok && after - rows !== response.accepted) result.violations.push(`payload ${i} (${payload.kind}): accepted ${response.accepted} but ${after - rows} rows written`);
        // Information, not a violation: a generated "broken" sample can happen to be valid (a null version…).
        if (ok && response.accepted > payload.validSamples) result.acceptedBeyondValid[payload.kind] = (result.acceptedBeyondValid[payload.kind] ?? 0) + 1;
        rows = after;
      }
    }),
  );
  return result;
}
