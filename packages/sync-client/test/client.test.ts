// The client against a scripted fetch: batching, the content-derived Idempotency-Key, Retry-After and
// backoff (the waits are recorded, not waited), deletion only after a 2xx, rejections, fatal answers and
// resuming the same batch after a restart. The real server is in sync-client.integration.test.ts.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchBody, canonicalJson, generateKey, idempotencyKey, SyncClient, SyncError, type SampleStore, type SyncSample } from '../src/index';
import { openFileStore } from '../src/node';
import { backoffDelay, retryAfterMs } from '../src/retry';

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pulse-sync-client-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const newFile = () => path.join(dir, `q-${(n += 1)}.db`);

function sample(i: number): SyncSample {
  const at = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
  return { type: 'HEART_RATE', value: 60 + (i % 40), unit: 'count/min', startDate: at, endDate: at, clientRecordId: `hr-${i}` };
}

type Call = { url: string; key: string; auth: string; samples: SyncSample[]; body: string };
type Reply = Response | Error | ((call: Call) => Response | Error | Promise<Response | Error>);

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const ok = (call: Call) => json(200, { accepted: call.samples.length, duplicates: 0, rejected: [] });

/** A fetch answering from `script` in order, then with `ok`. */
function scripted(script: Reply[] = []) {
  const calls: Call[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    const body = String(init?.body);
    const call = { url: String(url), key: headers.get('idempotency-key')!, auth: headers.get('authorization')!, samples: JSON.parse(body).samples, body };
    calls.push(call);
    let reply = script.shift() ?? ok;
    if (typeof reply === 'function') reply = await reply(call);
    if (reply instanceof Error) throw reply;
    return reply;
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

async function setup(opts: { script?: Reply[]; batchSize?: number; store?: SampleStore; key?: CryptoKey } = {}) {
  const store = opts.store ?? (await openFileStore(newFile()));
  const key = opts.key ?? (await generateKey());
  const net = scripted(opts.script);
  const waits: number[] = [];
  const client = new SyncClient({
    baseUrl: 'http://pulse.test/', deviceId: 'dev-1', token: 'tok', store, key, fetch: net.fetch, batchSize: opts.batchSize,
    sleep: async (ms) => { waits.push(ms); },
    random: () => 0.5,
    now: () => Date.UTC(2026, 0, 1, 12, 0, 0),
  });
  const events: string[] = [];
  client.on('error', (e) => events.push(`error:${e.error.kind}:${e.error.status ?? '-'}:${e.willRetry}`));
  client.on('progress', (e) => events.push(`progress:${e.sent}:${e.accepted}:${e.remaining}`));
  client.on('idle', () => events.push('idle'));
  return { client, store, key, calls: net.calls, waits, events };
}

describe('batch body and key', () => {
  it('the body is canonical JSON (keys sorted at every level) and the key the SHA-256 of it', async () => {
    const a = { type: 'STEPS', value: 5, unit: 'count', startDate: 's', endDate: 'e', metadata: { b: 1, a: [2, { d: 1, c: 2 }] } };
    const b = { metadata: { a: [2, { c: 2, d: 1 }], b: 1 }, endDate: 'e', startDate: 's', unit: 'count', value: 5, type: 'STEPS', version: undefined };
    expect(batchBody([a])).toBe(batchBody([b]));
    expect(canonicalJson(b)).toBe('{"endDate":"e","metadata":{"a":[2,{"c":2,"d":1}],"b":1},"startDate":"s","type":"STEPS","unit":"count","value":5}');
    expect(canonicalJson({ at: new Date(0), n: [undefined, 1] })).toBe('{"at":"1970-01-01T00:00:00.000Z","n":[null,1]}');
    const body = batchBody([a]);
    expect(await idempotencyKey(body)).toBe(`sync-v1-${createHash('sha256').update(body).digest('hex')}`);
    expect(await idempotencyKey(batchBody([a, a]))).not.toBe(await idempotencyKey(body));
  });

  it('refuses batches over 1,000', async () => {
    const store = await openFileStore(newFile());
    expect(() => new SyncClient({ baseUrl: 'http://x', deviceId: 'd', token: 't', store, key: {} as CryptoKey, batchSize: 1001 })).toThrow(RangeError);
    await store.close();
  });
});

describe('sync', () => {
  it('sends batches of at most 1,000 in enqueue order with the device token, and empties the store', async () => {
    const t = await setup();
    await t.client.enqueue(Array.from({ length: 1500 }, (_, i) => sample(i)));
    await t.client.enqueue(Array.from({ length: 845 }, (_, i) => sample(1500 + i)));
    const result = await t.client.sync();
    expect(t.calls.map((c) => c.samples.length)).toEqual([1000, 1000, 345]);
    expect(t.calls.flatMap((c) => c.samples.map((s) => s.clientRecordId))).toEqual(Array.from({ length: 2345 }, (_, i) => `hr-${i}`));
    expect(t.calls[0]!.url).toBe('http://pulse.test/api/v1/devices/dev-1/sync');
    expect(t.calls[0]!.auth).toBe('Bearer tok');
    for (const call of t.calls) expect(call.key).toBe(await idempotencyKey(call.body));
    expect(result).toEqual({ batches: 3, sent: 2345, accepted: 2345, duplicates: 0, rejected: 0 });
    expect(t.events).toEqual(['progress:1000:1000:1345', 'progress:1000:1000:345', 'progress:345:345:0', 'idle']);
    expect(await t.store.count()).toBe(0);
    await t.store.close();
  });

  it('honours Retry-After on 503 and 429 (seconds or a date), backs off with jitter otherwise, same key every time, deletes only after the 2xx', async () => {
    let countDuringRetries = -1;
    const t = await setup({
      batchSize: 2,
      script: [
        json(503, { error: { code: 'SERVICE_UNAVAILABLE', message: 'database unavailable' } }, { 'retry-after': '2' }),
        json(429, { error: { code: 'RATE_LIMITED', message: 'slow down' } }, { 'retry-after': 'Thu, 01 Jan 2026 12:00:07 GMT' }),
        new TypeError('fetch failed'),
        new TypeError('fetch failed'),
        json(503, { error: { code: 'SERVICE_UNAVAILABLE', message: 'no header' } }),
        json(502, { error: { code: 'BAD_GATEWAY', message: 'proxy' } }),
        new Response('{"accepted": 2, "dupl', { status: 200 }), // an answer cut short
        async () => {
          countDuringRetries = await t.store.count();
          return new Response(JSON.stringify({ accepted: 2, duplicates: 0, rejected: [] }), { status: 200, headers: { 'idempotent-replayed': 'true' } });
        },
      ],
    });
    await t.client.enqueue([sample(1), sample(2), sample(3)]);
    await t.client.sync();
    // Retry-After exactly; then full jitter (random 0.5) of 500 ms × 2^attempt.
    expect(t.waits).toEqual([2000, 7000, 1000, 2000, 4000, 8000, 16000]);
    expect(new Set(t.calls.slice(0, 8).map((c) => c.key)).size).toBe(1);
    expect(countDuringRetries).toBe(3);
    expect(t.calls).toHaveLength(9);
    expect(t.events.filter((e) => e.startsWith('error'))).toEqual([
      'error:http:503:true', 'error:http:429:true', 'error:network:-:true', 'error:network:-:true', 'error:http:503:true', 'error:http:502:true', 'error:network:200:true',
    ]);
    expect(await t.store.count()).toBe(0);
    await t.store.close();
  });

  it('surfaces per-sample rejections with the sample, and drops them from the queue (also when every sample is refused)', async () => {
    const t = await setup({
      batchSize: 3,
      script: [
        json(200, { accepted: 2, duplicates: 0, rejected: [{ index: 1, field: 'value', reason: 'must be a finite number' }] }),
        json(422, { error: { code: 'VALIDATION_ERROR', message: 'every sample was rejected' }, accepted: 0, duplicates: 0, rejected: [{ index: 0, field: 'unit', reason: 'is required' }] }),
      ],
    });
    const ids = await t.client.enqueue([sample(1), sample(2), sample(3), sample(4)]);
    const rejected: { recordId: string; id: unknown; field: string }[] = [];
    t.client.on('rejected', (e) => rejected.push(...e.rejections.map((r) => ({ recordId: r.recordId, id: r.sample.clientRecordId, field: r.field }))));
    const result = await t.client.sync();
    expect(rejected).toEqual([{ recordId: ids[1], id: 'hr-2', field: 'value' }, { recordId: ids[3], id: 'hr-4', field: 'unit' }]);
    expect(result).toMatchObject({ sent: 4, accepted: 2, rejected: 2 });
    expect(await t.store.count()).toBe(0);
    await t.store.close();
  });

  it('stops on what a retry cannot fix (a revoked token), keeping every sample', async () => {
    const t = await setup({ script: [json(401, { error: { code: 'UNAUTHORIZED', message: 'invalid or revoked device token' } })] });
    await t.client.enqueue([sample(1)]);
    const error = await t.client.sync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ kind: 'http', status: 401, code: 'UNAUTHORIZED', retryable: false, message: 'invalid or revoked device token' });
    expect(t.events).toEqual(['error:http:401:false']);
    expect(await t.store.count()).toBe(1);
    await t.store.close();
  });

  it('halves a batch the server finds too large; a single sample too large is rejected', async () => {
    const t = await setup({
      batchSize: 4,
      script: [json(413, { error: { code: 'PAYLOAD_TOO_LARGE', message: 'too large' } }), ok, json(413, {}), json(413, {}), ok],
    });
    await t.client.enqueue([sample(1), sample(2), sample(3), sample(4)]);
    const rejected: string[] = [];
    t.client.on('rejected', (e) => rejected.push(...e.rejections.map((r) => `${String(r.sample.clientRecordId)}:${r.field}`)));
    await t.client.sync();
    expect(t.calls.map((c) => c.samples.map((s) => s.clientRecordId).join(','))).toEqual(['hr-1,hr-2,hr-3,hr-4', 'hr-1,hr-2', 'hr-3,hr-4', 'hr-3', 'hr-4']);
    expect(rejected).toEqual(['hr-3:(sample)']);
    expect(await t.store.count()).toBe(0);
    await t.store.close();
  });

  it('after a restart mid-batch, the new client sends the same batch with the same key first, even with more samples queued', async () => {
    const file = newFile();
    const key = await generateKey();
    let release: () => void = () => undefined;
    let sent: () => void = () => undefined;
    const inFlight = new Promise<void>((resolve) => { sent = resolve; });
    const first = await setup({
      store: await openFileStore(file), key, batchSize: 3,
      // The request never comes back (until after the stop): the client is stopped while waiting.
      script: [() => new Promise<Error>((resolve) => { release = () => resolve(new Error('connection lost')); sent(); })],
    });
    await first.client.enqueue([sample(1), sample(2)]);
    const syncing = first.client.sync();
    await inFlight;
    expect(first.calls).toHaveLength(1);
    await Promise.all([first.client.stop(), expect(syncing).rejects.toMatchObject({ kind: 'stopped' })]);
    release();
    await first.store.close();

    const second = await setup({ store: await openFileStore(file), key, batchSize: 3 });
    await second.client.enqueue([sample(3), sample(4)]);
    await second.client.sync();
    expect(second.calls[0]!.key).toBe(first.calls[0]!.key);
    expect(second.calls[0]!.body).toBe(first.calls[0]!.body);
    expect(second.calls.map((c) => c.samples.map((s) => s.clientRecordId))).toEqual([['hr-1', 'hr-2'], ['hr-3', 'hr-4']]);
    await second.store.close();
  });
});

describe('a transport of the app\'s own', () => {
  type Item = { type: 'entry'; id: string; value: number };
  const item = (i: number): Item => ({ type: 'entry', id: `item-${i}`, value: i });

  it('sends each batch through the transport (items, record ids, body, key), retries what it retries, reports rejections', async () => {
    const store = await openFileStore(newFile());
    const key = await generateKey();
    const requests: { ids: string[]; items: Item[]; key: string; body: string }[] = [];
    const answers: (Response | Error)[] = [
      new TypeError('Failed to fetch'),
      json(503, { error: { code: 'SERVICE_UNAVAILABLE', message: 'down' } }, { 'retry-after': '2' }),
      json(200, { accepted: 1, rejected: [] }),
      json(200, { accepted: 0, rejected: [{ index: 0, field: 'value', reason: 'must be between 20 and 600 mg/dL' }] }),
    ];
    const waits: number[] = [];
    const client = new SyncClient<Item>({
      store, key, batchSize: 1,
      transport: async ({ samples, recordIds, body, idempotencyKey: k }) => {
        requests.push({ ids: recordIds, items: samples, key: k, body });
        const answer = answers.shift() ?? json(500, {});
        if (answer instanceof Error) throw answer;
        return answer;
      },
      sleep: async (ms) => { waits.push(ms); },
      random: () => 0.5,
    });
    const ids = await client.enqueue([item(1), item(2)]);
    expect((await client.queued()).map((q) => [q.recordId, q.sample])).toEqual([[ids[0], item(1)], [ids[1], item(2)]]);
    const rejected: unknown[] = [];
    client.on('rejected', (e) => rejected.push(...e.rejections.map((r) => [r.recordId, r.sample.id, r.field, r.reason])));
    const result = await client.sync();
    // The first item: a network error, a 503 (Retry-After honoured), then stored, all with one key.
    expect(requests.map((r) => r.ids)).toEqual([[ids[0]], [ids[0]], [ids[0]], [ids[1]]]);
    expect(requests[0]!.items).toEqual([item(1)]);
    expect(new Set(requests.slice(0, 3).map((r) => r.key)).size).toBe(1);
    expect(requests[0]!.key).toBe(await idempotencyKey(requests[0]!.body));
    expect(waits).toEqual([250, 2000]);
    expect(rejected).toEqual([[ids[1], 'item-2', 'value', 'must be between 20 and 600 mg/dL']]);
    expect(result).toMatchObject({ sent: 2, accepted: 1, rejected: 1 });
    expect(await client.queued()).toEqual([]);
    await store.close();
  });
});

describe('start / stop', () => {
  it('syncs after each enqueue until stopped, and ends its loop on an error a retry cannot fix', async () => {
    const t = await setup({ script: [ok, ok, json(403, { error: { code: 'FORBIDDEN', message: 'no' } })] });
    const idle = () => new Promise<void>((resolve) => { const off = t.client.on('idle', () => { off(); resolve(); }); });
    let next = idle();
    t.client.start({ intervalMs: 3_600_000 });
    await next; // the first run finds nothing
    next = idle();
    await t.client.enqueue([sample(1)]);
    await next;
    next = idle();
    await t.client.enqueue([sample(2)]);
    await next;
    const failed = new Promise<void>((resolve) => { t.client.on('error', (e) => { if (!e.willRetry) resolve(); }); });
    await t.client.enqueue([sample(3)]);
    await failed;
    await t.client.stop();
    expect(t.calls.map((c) => c.samples.map((x) => x.clientRecordId))).toEqual([['hr-1'], ['hr-2'], ['hr-3']]);
    expect(await t.store.count()).toBe(1);
    await t.store.close();
  });
});

describe('retry timing', () => {
  it('reads Retry-After as seconds or a date; backoff stays under its cap', () => {
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs('Thu, 01 Jan 1970 00:00:05 GMT', 1000)).toBe(4000);
    expect(retryAfterMs('Thu, 01 Jan 1970 00:00:05 GMT', 9000)).toBe(0);
    expect(retryAfterMs('soon', 0)).toBeNull();
    expect(retryAfterMs(null, 0)).toBeNull();
    expect(backoffDelay(40, () => 0.999999, { baseMs: 100, maxMs: 5000 })).toBeLessThan(5000);
    expect(backoffDelay(3, () => 0, {})).toBe(0);
  });
});
