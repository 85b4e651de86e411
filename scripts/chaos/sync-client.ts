// A device that syncs like a well-behaved client: each batch has its own Idempotency-Key and is retried
// with the same key and the same body until the server acknowledges it (2xx); 503s must carry
// Retry-After. Every response is tallied; anything a correct server never answers is a violation.

export type Batch = { key: string; body: string; recordIds: string[] };
export type Tally = { acks: number; statuses: Record<string, number>; networkErrors: number; retries: number; violations: string[] };

export function newTally(): Tally {
  return { acks: 0, statuses: {}, networkErrors: 0, retries: 0, violations: [] };
}

/** `count` batches of `size` minute heart-rate readings (record ids) plus one steps interval without a record id each. */
export function makeBatches(deviceLabel: string, count: number, size: number, startMs: number): Batch[] {
  const batches: Batch[] = [];
  for (let b = 0; b < count; b += 1) {
    const samples: unknown[] = [];
    const recordIds: string[] = [];
    for (let i = 0; i < size; i += 1) {
      const n = b * size + i;
      const at = new Date(startMs + n * 60_000).toISOString();
      const id = `${deviceLabel}-hr-${n}`;
      recordIds.push(id);
      samples.push({ type: 'HEART_RATE', value: 55 + (n % 50), unit: 'count/min', startDate: at, endDate: at, clientRecordId: id });
    }
    const t = startMs + b * size * 60_000;
    samples.push({ type: 'STEPS', value: 100 + b, unit: 'count', startDate: new Date(t).toISOString(), endDate: new Date(t + size * 60_000).toISOString() });
    // Every fifth batch repeats the previous batch's last readings under its own key: layer-1 dedup.
    if (b > 0 && b % 5 === 0) {
      for (let i = 1; i <= 5; i += 1) {
        const n = b * size - i;
        const at = new Date(startMs + n * 60_000).toISOString();
        samples.push({ type: 'HEART_RATE', value: 55 + (n % 50), unit: 'count/min', startDate: at, endDate: at, clientRecordId: `${deviceLabel}-hr-${n}` });
      }
    }
    batches.push({ key: `${deviceLabel}-batch-${b}`, body: JSON.stringify({ samples }), recordIds });
  }
  return batches;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends one batch until a 2xx. `baseUrl()` is read on every attempt (the server may have moved on
 * restart). Gives up (a violation) after `timeoutMs`.
 */
export async function syncUntilAcked(args: { baseUrl: () => string; device: { id: string; token: string }; batch: Batch; tally: Tally; timeoutMs?: number }): Promise<void> {
  const { device, batch, tally } = args;
  const deadline = Date.now() + (args.timeoutMs ?? 180_000);
  for (let attempt = 0; ; attempt += 1) {
    if (attempt > 0) tally.retries += 1;
    if (Date.now() > deadline) {
      tally.violations.push(`batch ${batch.key} never acknowledged`);
      return;
    }
    let res: Response;
    try {
      res = await fetch(`${args.baseUrl()}/api/v1/devices/${device.id}/sync`, {
        method: 'POST',
        headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json', 'idempotency-key': batch.key },
        body: batch.body,
        signal: AbortSignal.timeout(30_000),
      });
      await res.arrayBuffer();
    } catch {
      tally.networkErrors += 1; // the server is down or was killed mid-request: retry
      await sleep(100);
      continue;
    }
    tally.statuses[res.status] = (tally.statuses[res.status] ?? 0) + 1;
    if (res.ok) {
      tally.acks += 1;
      return;
    }
    if (res.status === 503) {
      if (!res.headers.get('retry-after')) tally.violations.push(`503 without Retry-After for ${batch.key}`);
      await sleep(250); // honoured in spirit; the run would take too long at 5 s
      continue;
    }
    tally.violations.push(`unexpected ${res.status} for ${batch.key}`);
    await sleep(250);
  }
}
