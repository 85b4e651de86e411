// The two ciphers: WebCrypto's (any platform) and node:crypto's (the Node entry) write one format, so a
// queue sealed by one opens with the other; both bind the record id and refuse another key.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importKey, open, seal, SyncClient, type SyncSample } from '../src/index';
import { importNodeKey, openFileStore } from '../src/node';

const raw = randomBytes(32);
const text = JSON.stringify({ type: 'BLOOD_GLUCOSE', value: 143, note: 'marker-ஒரு-மாதிரி' });

describe('node:crypto cipher', () => {
  it('opens what WebCrypto sealed and the other way round', async () => {
    const web = await importKey(raw);
    const node = importNodeKey(raw);
    expect(await node.open('r1', await seal(web, 'r1', text))).toBe(text);
    expect(await open(web, 'r2', await node.seal('r2', text))).toBe(text);
  });

  it('uses a fresh IV per record and refuses another record id, another key or an altered byte', async () => {
    const node = importNodeKey(raw);
    const [a, b] = [await node.seal('r1', text), await node.seal('r1', text)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    await expect(node.open('r2', a)).rejects.toMatchObject({ name: 'SyncError', kind: 'decrypt' });
    await expect(importNodeKey(randomBytes(32)).open('r1', a)).rejects.toMatchObject({ kind: 'decrypt' });
    const altered = Uint8Array.from(a);
    altered[20]! ^= 1;
    await expect(node.open('r1', altered)).rejects.toMatchObject({ kind: 'decrypt' });
    expect(() => importNodeKey(randomBytes(16))).toThrow(RangeError);
  });

  it('a queue sealed by a Node client opens in a WebCrypto client on the same store, nothing in clear on disk', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pulse-sync-cipher-'));
    try {
      const file = path.join(dir, 'queue.db');
      const sample: SyncSample = { type: 'BLOOD_GLUCOSE', value: 143.25, unit: 'mg/dL', startDate: '2026-03-04T05:06:07Z', endDate: '2026-03-04T05:06:07Z', clientRecordId: 'marker-7c1d' };
      const target = { baseUrl: 'http://unused.invalid', deviceId: 'd', token: 't' };
      const first = await openFileStore(file);
      await new SyncClient({ ...target, store: first, key: importNodeKey(raw) }).enqueue([sample]);
      await first.close();
      expect((await readFile(file)).toString('latin1')).not.toContain('marker-7c1d');
      const second = await openFileStore(file);
      const queued = await new SyncClient({ ...target, store: second, key: await importKey(raw) }).queued();
      expect(queued.map((q) => q.sample)).toEqual([sample]);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
