// stop() at any moment: here while the client awaits the token, so that the request starts with its
// signal already aborted. The request's own rejection must not be left unhandled (it would end a Node
// process), and the samples stay queued.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { generateKey, SyncClient } from '../src/index';
import { openFileStore } from '../src/node';

it('stop() while the token is asked for leaves no rejection unhandled and every sample queued', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'pulse-sync-stop-'));
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const store = await openFileStore(path.join(dir, 'q.db'));
    let giveToken: (token: string) => void = () => undefined;
    let asked: () => void = () => undefined;
    const tokenAsked = new Promise<void>((resolve) => (asked = resolve));
    const client = new SyncClient({
      baseUrl: 'http://pulse.test', deviceId: 'd', token: () => new Promise<string>((resolve) => { giveToken = resolve; asked(); }), store, key: await generateKey(),
      // As fetch does: a request whose signal is already aborted fails at once.
      fetch: async (_url, init) => {
        init?.signal?.throwIfAborted();
        return new Response('{"accepted":1,"duplicates":0,"rejected":[]}', { status: 200 });
      },
    });
    await client.enqueue([{ type: 'STEPS', value: 5, unit: 'count', startDate: '2025-01-01T10:00:00Z', endDate: '2025-01-01T10:10:00Z' }]);
    const syncing = client.sync();
    await tokenAsked;
    const stopped = client.stop();
    giveToken('t');
    await expect(syncing).rejects.toMatchObject({ kind: 'stopped' });
    await stopped;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
    expect(await store.count()).toBe(1);
    await store.close();
  } finally {
    process.off('unhandledRejection', onUnhandled);
    await rm(dir, { recursive: true, force: true });
  }
});
