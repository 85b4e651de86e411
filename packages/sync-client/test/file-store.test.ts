// The Node file store's journal: a crash (the files copied as they are, the store never closed) keeps
// every transaction that resolved; a torn or damaged last entry is dropped with its transaction and the
// store goes on from there; a journal a checkpoint already holds is ignored; a write costs its change, not
// the queue; and the journal, like the database file, holds samples sealed only.
import { copyFile, mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey, SyncClient, type SampleStore } from '../src/index';
import { openFileStore } from '../src/node';

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pulse-file-store-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const newFile = () => path.join(dir, `q-${(n += 1)}.db`);
const bytes = (s: string) => new TextEncoder().encode(s);
const record = (id: string, size = 8) => ({ id, data: bytes(id.padEnd(size, '.')) });
const exists = (file: string) => stat(file).then(() => true, () => false);

/** The store's files as a crash would leave them (the store is not closed), copied to a new name. */
async function crashCopy(file: string): Promise<string> {
  const to = newFile();
  for (const [from, copy] of [[file, to], [`${file}.log`, `${to}.log`]] as const) {
    if (await exists(from)) await copyFile(from, copy);
  }
  return to;
}

async function state(store: SampleStore) {
  return { ids: (await store.head(100)).map((r) => r.id), inflight: await store.inflight(), count: await store.count() };
}

describe('file store journal', () => {
  it('after a crash, holds every transaction that resolved', async () => {
    const file = newFile();
    const store = await openFileStore(file);
    await store.append([record('a'), record('b')]);
    await store.setInflight(['a']);
    await store.append([record('c')]);
    await store.remove(['a']);
    await store.setInflight(['b', 'c']);
    const copy = await openFileStore(await crashCopy(file));
    expect(await state(copy)).toEqual({ ids: ['b', 'c'], inflight: ['b', 'c'], count: 2 });
    expect(await copy.get(['c'])).toEqual([record('c')]);
    await copy.close();
    await store.close();
  });

  it('drops a torn or damaged last entry with its transaction, and goes on from there', async () => {
    const file = newFile();
    const store = await openFileStore(file);
    await store.append([record('a'), record('b')]);
    const before = (await stat(`${file}.log`)).size;
    await store.setInflight(['a', 'b']);

    // Torn: the last entry only partly written.
    const torn = await crashCopy(file);
    await truncate(`${torn}.log`, before + 10);
    const afterTorn = await openFileStore(torn);
    expect(await state(afterTorn)).toEqual({ ids: ['a', 'b'], inflight: null, count: 2 });
    await afterTorn.append([record('c')]);
    const again = await openFileStore(await crashCopy(torn));
    expect(await state(again)).toEqual({ ids: ['a', 'b', 'c'], inflight: null, count: 3 });
    await again.close();
    await afterTorn.close();

    // Damaged: the last entry whole but one byte changed (its CRC no longer matches).
    const damaged = await crashCopy(file);
    const journal = await readFile(`${damaged}.log`);
    journal[journal.length - 3] ^= 0xff;
    await writeFile(`${damaged}.log`, journal);
    const afterDamage = await openFileStore(damaged);
    expect(await state(afterDamage)).toEqual({ ids: ['a', 'b'], inflight: null, count: 2 });
    await afterDamage.close();
    await store.close();
  });

  it('ignores a journal that a checkpoint already holds (a crash between the two renames)', async () => {
    const file = newFile();
    const store = await openFileStore(file);
    await store.append([record('a'), record('b')]);
    const journal = await readFile(`${file}.log`);
    await store.close(); // the checkpoint: the file holds a and b, the journal is removed
    expect(await exists(`${file}.log`)).toBe(false);
    await writeFile(`${file}.log`, journal);
    const reopened = await openFileStore(file);
    expect(await state(reopened)).toEqual({ ids: ['a', 'b'], inflight: null, count: 2 });
    await reopened.close();
  });

  it('a write appends its change to the journal, not the whole queue to the file', async () => {
    const file = newFile();
    const store = await openFileStore(file);
    await store.append(Array.from({ length: 2000 }, (_, i) => record(`r-${i}`, 100)));
    await store.close();
    const size = (await stat(file)).size;
    const reopened = await openFileStore(file);
    const journalSize = async () => (await stat(`${file}.log`)).size;
    const empty = await journalSize();
    await reopened.setInflight(['r-0']);
    await reopened.remove(['r-0']);
    expect(await journalSize()).toBeLessThan(empty + 100);
    expect((await stat(file)).size).toBe(size);
    await reopened.close();
  });

  it('checkpoints once the journal outgrows the database; a crash afterwards loses nothing', async () => {
    const file = newFile();
    const store = await openFileStore(file);
    await store.append(Array.from({ length: 2500 }, (_, i) => record(`big-${i}`, 2048))); // 5 MB: past the 4 MB mark
    expect((await stat(file)).size).toBeGreaterThan(5_000_000);
    expect((await stat(`${file}.log`)).size).toBeLessThan(100);
    await store.append([record('after')]);
    const copy = await openFileStore(await crashCopy(file));
    expect(await copy.count()).toBe(2501);
    expect((await copy.head(1))[0]!.id).toBe('big-0');
    expect(await copy.get(['after'])).toEqual([record('after')]);
    await copy.close();
    await store.close();
  });

  it('opens a queue file written before the journal (no generation recorded)', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.exec('CREATE TABLE records (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, data BLOB NOT NULL); CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);');
    db.run('INSERT INTO records (id, data) VALUES (?, ?)', ['old', bytes('old.....')]);
    db.run("INSERT INTO meta (name, value) VALUES ('inflight', ?)", [JSON.stringify(['old'])]);
    const file = newFile();
    await writeFile(file, db.export());
    db.close();
    const store = await openFileStore(file);
    expect(await state(store)).toEqual({ ids: ['old'], inflight: ['old'], count: 1 });
    await store.remove(['old']);
    const copy = await openFileStore(await crashCopy(file));
    expect(await state(copy)).toEqual({ ids: [], inflight: null, count: 0 });
    await copy.close();
    await store.close();
  });

  it('the journal holds samples sealed, nothing of them in clear', async () => {
    const file = newFile();
    const store = await openFileStore(file);
    const client = new SyncClient({ baseUrl: 'http://unused.invalid', deviceId: 'd', token: 't', store, key: await generateKey() });
    await client.enqueue([{ type: 'BLOOD_GLUCOSE', value: 187.625, unit: 'mg/dL', startDate: '2025-03-04T05:06:07Z', endDate: '2025-03-04T05:06:07Z', clientRecordId: 'marker-record-5f2e' }]);
    const text = (await readFile(`${file}.log`)).toString('latin1');
    expect(text.length).toBeGreaterThan(100);
    for (const marker of ['187.625', 'marker-record-5f2e', 'BLOOD_GLUCOSE', 'mg/dL']) expect(text).not.toContain(marker);
    await store.close();
  });
});
