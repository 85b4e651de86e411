// The benchmark's side of the sync client: request slots, the time some request was in flight, and a
// strict client that fails a measurement at the first error instead of retrying it into the figures.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coveredMs, observedFetch, openQueues, requestSlots, strictClient, type Exchange } from './device-clients';

let server: Server;
let baseUrl: string;
// Answers by the device id in the path: "ok" accepts every sample, "busy" answers 503 (retry in an hour),
// "short" accepts one sample fewer than sent.
beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const samples = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { samples: unknown[] }).samples;
      const device = req.url!.split('/')[4];
      if (device === 'busy') {
        res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '3600' }).end(JSON.stringify({ error: { code: 'SERVICE_UNAVAILABLE', message: 'database unavailable' } }));
        return;
      }
      const accepted = device === 'short' ? samples.length - 1 : samples.length;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted, duplicates: 0, rejected: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const sample = (i: number) => {
  const at = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
  return { type: 'HEART_RATE', value: 60, unit: 'count/min', startDate: at, endDate: at, clientRecordId: `hr-${i}` };
};

describe('coveredMs', () => {
  it('counts time covered by at least one interval once', () => {
    const at = (startedMs: number, endedMs: number) => ({ startedMs, endedMs });
    expect(coveredMs([])).toBe(0);
    expect(coveredMs([at(10, 20), at(0, 5), at(15, 30), at(16, 18), at(40, 41)])).toBe(5 + 20 + 1);
  });
});

describe('requestSlots', () => {
  it('lets n through, the next once one is released, in order', async () => {
    const slots = requestSlots(2);
    await slots.acquire();
    await slots.acquire();
    const order: number[] = [];
    const third = slots.acquire().then(() => order.push(3));
    const fourth = slots.acquire().then(() => order.push(4));
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([]);
    slots.release();
    await third;
    expect(order).toEqual([3]);
    slots.release();
    await fourth;
    expect(order).toEqual([3, 4]);
  });
});

describe('the sync client in a measurement', () => {
  it('sends through the real client and reports each exchange', async () => {
    const queues = await openQueues('test-ok');
    const exchanges: Exchange[] = [];
    const { client, store } = await queues.open(baseUrl, { id: 'ok', token: 't' }, 'ok', { batchSize: 3, fetch: observedFetch((e) => exchanges.push(e), requestSlots(1)) });
    await client.enqueue(Array.from({ length: 7 }, (_, i) => sample(i)));
    expect(await strictClient(client).sync()).toEqual({ batches: 3, sent: 7, accepted: 7, duplicates: 0, rejected: 0 });
    expect(exchanges.map((e) => e.status)).toEqual([200, 200, 200]);
    for (const e of exchanges) expect(e.calledMs <= e.startedMs && e.startedMs <= e.endedMs).toBe(true);
    await store.close();
    await queues.remove();
  });

  it('fails at the first error instead of waiting for the retry', async () => {
    const queues = await openQueues('test-busy');
    const { client, store } = await queues.open(baseUrl, { id: 'busy', token: 't' }, 'busy');
    await client.enqueue([sample(1)]);
    await expect(strictClient(client).sync()).rejects.toThrow(/database unavailable \(503 SERVICE_UNAVAILABLE\)/);
    expect(await store.count()).toBe(1);
    await store.close();
    await queues.remove();
  });

  it('fails when the server accepts fewer samples than were sent', async () => {
    const queues = await openQueues('test-short');
    const { client, store } = await queues.open(baseUrl, { id: 'short', token: 't' }, 'short');
    await client.enqueue([sample(1), sample(2)]);
    await expect(strictClient(client).sync()).rejects.toThrow('2 samples sent but 1 accepted');
    await store.close();
    await queues.remove();
  });
});
