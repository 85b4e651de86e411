import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { objectStore, s3ObjectStore } from './object-store';
import { tempStore } from './test-factories';

const bytes = new Uint8Array([1, 2, 3, 250]);

describe('local directory store', async () => {
  const { dir, store, cleanup } = await tempStore();
  afterAll(cleanup);

  it('creates directories, writes atomically and reads back', async () => {
    expect(await store.exists('samples/u1/2011-01.parquet')).toBe(false);
    expect(await store.get('samples/u1/2011-01.parquet')).toBeNull();
    await store.put('samples/u1/2011-01.parquet', bytes);
    await store.put('samples/u1/2011-01.parquet', bytes); // overwriting is fine
    expect(await store.exists('samples/u1/2011-01.parquet')).toBe(true);
    expect(await store.get('samples/u1/2011-01.parquet')).toEqual(bytes);
    expect(await readdir(`${dir}/samples/u1`)).toEqual(['2011-01.parquet']); // no temp files left
    expect(store.locate('samples/u1/2011-01.parquet')).toBe(`file://${dir}/samples/u1/2011-01.parquet`);
    await store.delete('samples/u1/2011-01.parquet');
    await store.delete('samples/u1/2011-01.parquet'); // deleting twice is fine
    expect(await store.exists('samples/u1/2011-01.parquet')).toBe(false);
  });

  it('refuses keys that could leave the directory', async () => {
    for (const key of ['../x', '/etc/passwd', 'a/../../b', 'a//b', 'a\\b', '']) {
      await expect(store.put(key, bytes), key).rejects.toThrow(/invalid object key/);
    }
  });

  it('is what objectStore() gives for an explicit directory', async () => {
    await objectStore({ dir }).put('k.bin', bytes);
    expect(await store.get('k.bin')).toEqual(bytes);
  });
});

// A minimal S3 stand-in: keeps objects in memory and records what each request looked like.
async function fakeS3() {
  const objects = new Map<string, Buffer>();
  const requests: { method: string; url: string; auth: string; payloadHash: string }[] = [];
  const read = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const server = createServer(async (req, res) => {
    const body = await read(req);
    const url = req.url ?? '';
    requests.push({ method: req.method ?? '', url, auth: String(req.headers.authorization), payloadHash: String(req.headers['x-amz-content-sha256']) });
    if (url.includes('fail')) return res.writeHead(500).end();
    const stored = objects.get(url);
    if (req.method === 'PUT') objects.set(url, body);
    if (req.method === 'DELETE') objects.delete(url);
    if (req.method === 'PUT' || req.method === 'DELETE') return res.writeHead(req.method === 'PUT' ? 200 : 204).end();
    if (!stored) return res.writeHead(404).end();
    res.writeHead(200, { 'content-length': stored.length }).end(req.method === 'HEAD' ? undefined : stored);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { endpoint, objects, requests, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('S3-compatible store', async () => {
  const s3 = await fakeS3();
  afterAll(s3.close);
  const store = s3ObjectStore(
    { endpoint: `${s3.endpoint}/`, bucket: 'archive', region: 'eu-central-1', accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    { retries: 0 },
  );

  it('puts, reads, checks and deletes with signed path-style requests', async () => {
    await store.put('samples/u1/2011-01.parquet', bytes);
    expect(s3.objects.has('/archive/samples/u1/2011-01.parquet')).toBe(true);
    expect(await store.exists('samples/u1/2011-01.parquet')).toBe(true);
    expect(await store.get('samples/u1/2011-01.parquet')).toEqual(bytes);
    await store.delete('samples/u1/2011-01.parquet');
    expect(await store.exists('samples/u1/2011-01.parquet')).toBe(false);
    expect(await store.get('samples/u1/2011-01.parquet')).toBeNull();
    expect(store.locate('samples/u1/2011-01.parquet')).toBe('s3://archive/samples/u1/2011-01.parquet');

    const put = s3.requests.find((r) => r.method === 'PUT')!;
    expect(put.auth).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/eu-central-1\/s3\/aws4_request/);
    expect(put.payloadHash).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(s3.requests.map((r) => r.method)).toEqual(['PUT', 'HEAD', 'GET', 'DELETE', 'HEAD', 'GET']);
  });

  it('fails loudly on a server error, naming the status but no secret', async () => {
    const error = await store.put('fail/x', bytes).catch((e: unknown) => e);
    expect(String(error)).toMatch(/S3 PUT fail\/x failed with HTTP 500/);
    expect(String(error)).not.toContain('secret');
  });
});
