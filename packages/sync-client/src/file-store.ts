// The Node store: SQLite (sql.js, SQLite compiled to WebAssembly: nothing native to build) in one file,
// plus a journal beside it. sql.js keeps the database in memory. Each transaction is appended to the
// journal (`<file>.log`: length, CRC-32 and the change) and flushed before it resolves, so a write costs
// what it changes, not the whole queue. Once the journal outgrows the database (and on close) the whole
// database is written to a temporary file, flushed and renamed over the store file: a checkpoint. The
// database records its checkpoint's generation and the journal the generation it follows, so a journal
// a checkpoint already holds is ignored on open; a torn last entry (a crash mid-append) fails its CRC and
// is dropped with its transaction. After a crash the store holds every transaction that resolved.
import { randomUUID } from 'node:crypto';
import { open as openFile, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import type { SampleStore, StoredRecord } from './types.ts';

let sqlJs: Promise<SqlJsStatic> | undefined;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS records (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, data BLOB NOT NULL);
  CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

// The journal: MAGIC, the generation (uint32) it follows, then entries of [payload length][CRC-32 of the
// payload][payload], all uint32 little-endian. A payload is an operation byte and its records or ids.
const MAGIC = Buffer.from('PULSEQJ1');
const HEADER_BYTES = MAGIC.length + 4;
const OP_APPEND = 1;
const OP_SET_INFLIGHT = 2;
const OP_REMOVE = 3;
/** A checkpoint once the journal is larger than this and than the database at the last checkpoint. */
const MIN_CHECKPOINT_BYTES = 4 * 1024 * 1024;

type Op = { op: typeof OP_APPEND; records: StoredRecord[] } | { op: typeof OP_SET_INFLIGHT | typeof OP_REMOVE; ids: string[] };

function encode(change: Op): Buffer {
  const ids = change.op === OP_APPEND ? change.records.map((r) => Buffer.from(r.id, 'utf8')) : change.ids.map((id) => Buffer.from(id, 'utf8'));
  let size = 1 + 4;
  ids.forEach((id, i) => (size += 4 + id.length + (change.op === OP_APPEND ? 4 + change.records[i]!.data.byteLength : 0)));
  const payload = Buffer.allocUnsafe(size);
  let at = payload.writeUInt8(change.op, 0);
  at = payload.writeUInt32LE(ids.length, at);
  ids.forEach((id, i) => {
    at = payload.writeUInt32LE(id.length, at);
    at += id.copy(payload, at);
    if (change.op === OP_APPEND) {
      const data = change.records[i]!.data;
      at = payload.writeUInt32LE(data.byteLength, at);
      payload.set(data, at);
      at += data.byteLength;
    }
  });
  const head = Buffer.allocUnsafe(8);
  head.writeUInt32LE(payload.length, 0);
  head.writeUInt32LE(crc32(payload), 4);
  return Buffer.concat([head, payload]);
}

function decode(payload: Buffer): Op {
  const op = payload.readUInt8(0);
  const count = payload.readUInt32LE(1);
  let at = 5;
  const ids: string[] = [];
  const records: StoredRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    const idLength = payload.readUInt32LE(at);
    const id = payload.toString('utf8', at + 4, at + 4 + idLength);
    at += 4 + idLength;
    if (op === OP_APPEND) {
      const dataLength = payload.readUInt32LE(at);
      records.push({ id, data: new Uint8Array(payload.subarray(at + 4, at + 4 + dataLength)) });
      at += 4 + dataLength;
    } else {
      ids.push(id);
    }
  }
  if (op === OP_APPEND) return { op, records };
  if (op === OP_SET_INFLIGHT || op === OP_REMOVE) return { op, ids };
  throw new Error(`unknown journal operation ${op}`);
}

/** The journal's entries when it follows `generation`: up to the first incomplete or damaged one. */
function readJournal(bytes: Buffer | undefined, generation: number): { ops: Op[]; stale: boolean } {
  if (!bytes || bytes.length < HEADER_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC) || bytes.readUInt32LE(MAGIC.length) !== generation) {
    return { ops: [], stale: bytes !== undefined };
  }
  const ops: Op[] = [];
  let at = HEADER_BYTES;
  while (at + 8 <= bytes.length) {
    const length = bytes.readUInt32LE(at);
    const payload = bytes.subarray(at + 8, at + 8 + length);
    if (payload.length !== length || crc32(payload) !== bytes.readUInt32LE(at + 4)) break;
    ops.push(decode(payload));
    at += 8 + length;
  }
  return { ops, stale: at !== bytes.length };
}

async function syncDirectory(file: string): Promise<void> {
  // A rename or a new file is durable only once the directory is flushed (not possible on every platform).
  const dir = await openFile(path.dirname(file), 'r').catch(() => null);
  await dir?.sync().catch(() => undefined);
  await dir?.close();
}

async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${file}.${randomUUID()}.tmp`;
  const handle = await openFile(tmp, 'w', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  await rename(tmp, file);
  await syncDirectory(file);
}

async function readIfThere(file: string): Promise<Buffer | undefined> {
  return readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}

/**
 * Opens (or creates) the queue file at `file` (and its journal, `file` + ".log"). Only one client may use
 * a file at a time.
 */
export async function openFileStore(file: string): Promise<SampleStore> {
  const SQL = await (sqlJs ??= initSqlJs());
  const journalFile = `${file}.log`;
  const db: Database = new SQL.Database(await readIfThere(file));
  db.exec(SCHEMA);
  // The disk copy is the journal's and the checkpoint's business: SQLite's own rollback journal stays in
  // memory (set again after each export, which reopens the database).
  const pragmas = () => db.exec('PRAGMA journal_mode = MEMORY');
  pragmas();

  function generationOf(): number {
    const value = db.exec("SELECT value FROM meta WHERE name = 'generation'")[0]?.values[0]?.[0];
    return typeof value === 'string' ? Number(value) : 0;
  }
  function setGeneration(value: number): void {
    db.run("INSERT OR REPLACE INTO meta (name, value) VALUES ('generation', ?)", [String(value)]);
  }

  function apply(change: Op): void {
    if (change.op === OP_APPEND) {
      const stmt = db.prepare('INSERT INTO records (id, data) VALUES (?, ?)');
      try {
        for (const r of change.records) stmt.run([r.id, r.data]);
      } finally {
        stmt.free();
      }
    } else if (change.op === OP_SET_INFLIGHT) {
      db.run("INSERT OR REPLACE INTO meta (name, value) VALUES ('inflight', ?)", [JSON.stringify(change.ids)]);
    } else {
      const stmt = db.prepare('DELETE FROM records WHERE id = ?');
      try {
        for (const id of change.ids) stmt.run([id]);
      } finally {
        stmt.free();
      }
      db.run("DELETE FROM meta WHERE name = 'inflight'");
    }
  }

  function transaction(change: Op): void {
    db.exec('BEGIN');
    try {
      apply(change);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }

  let generation = generationOf();
  let journal: FileHandle | null = null;
  let journalBytes = 0;
  let checkpointAt = MIN_CHECKPOINT_BYTES;

  async function newJournal(): Promise<void> {
    const header = Buffer.alloc(HEADER_BYTES);
    MAGIC.copy(header);
    header.writeUInt32LE(generation, MAGIC.length);
    await writeAtomically(journalFile, header);
    journal = await openFile(journalFile, 'a');
    journalBytes = 0;
  }

  /**
   * The whole database into the store file under the next generation, then a new, empty journal. Until
   * the rename the old file and journal hold everything; after it the old journal is stale (ignored).
   */
  async function checkpoint(keepJournal: boolean): Promise<void> {
    const next = generation + 1;
    setGeneration(next);
    let bytes: Uint8Array;
    try {
      bytes = db.export();
      pragmas();
      await writeAtomically(file, bytes);
    } catch (error) {
      setGeneration(generation);
      throw error;
    }
    generation = next;
    checkpointAt = Math.max(MIN_CHECKPOINT_BYTES, bytes.byteLength);
    const old = journal;
    journal = null; // never appended to again: it belongs to the last generation
    await old?.close();
    if (keepJournal) await newJournal();
    else await unlink(journalFile).catch(() => undefined);
  }

  const found = readJournal(await readIfThere(journalFile), generation);
  for (const change of found.ops) transaction(change);
  if (found.ops.length > 0 || found.stale) await checkpoint(true);
  else await newJournal();

  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();

  // Writes one after the other: each commits in memory, then is appended to the journal and flushed. A
  // failed append closes the store (memory would be ahead of the disk); open it again to go on from what
  // the disk holds. A failed checkpoint changes nothing on disk: it is tried again once the journal has
  // doubled. A new journal that cannot be made after a checkpoint closes the store at the next write.
  function write(change: Op): Promise<void> {
    const next = queue.then(async () => {
      if (closed) throw new Error('the store is closed');
      transaction(change);
      try {
        if (!journal) throw new Error('the journal could not be reopened after a checkpoint');
        const entry = encode(change);
        await journal.write(entry);
        await journal.datasync();
        journalBytes += entry.length;
      } catch (error) {
        closed = true;
        db.close();
        await journal?.close().catch(() => undefined);
        throw error;
      }
      if (journalBytes > checkpointAt) {
        await checkpoint(true).catch(() => {
          checkpointAt = journalBytes * 2;
        });
      }
    });
    queue = next.catch(() => undefined);
    return next;
  }

  function read<T>(fn: () => T): Promise<T> {
    const next = queue.then(() => {
      if (closed) throw new Error('the store is closed');
      return fn();
    });
    queue = next.catch(() => undefined);
    return next;
  }

  function rows(sql: string, params: (string | number)[]): StoredRecord[] {
    const stmt = db.prepare(sql, params);
    const out: StoredRecord[] = [];
    try {
      while (stmt.step()) {
        const [id, data] = stmt.get() as [string, Uint8Array];
        out.push({ id, data });
      }
    } finally {
      stmt.free();
    }
    return out;
  }

  return {
    append: (records) => write({ op: OP_APPEND, records }),
    head: (limit) => read(() => rows('SELECT id, data FROM records ORDER BY seq LIMIT ?', [limit])),
    get: (ids) =>
      read(() => {
        const byId = new Map<string, StoredRecord>();
        for (let i = 0; i < ids.length; i += 500) {
          const chunk = ids.slice(i, i + 500);
          for (const r of rows(`SELECT id, data FROM records WHERE id IN (${chunk.map(() => '?').join(',')})`, chunk)) byId.set(r.id, r);
        }
        return ids.flatMap((id) => byId.get(id) ?? []);
      }),
    inflight: () =>
      read(() => {
        const value = db.exec("SELECT value FROM meta WHERE name = 'inflight'")[0]?.values[0]?.[0];
        return typeof value === 'string' ? (JSON.parse(value) as string[]) : null;
      }),
    setInflight: (ids) => write({ op: OP_SET_INFLIGHT, ids }),
    remove: (ids) => write({ op: OP_REMOVE, ids }),
    count: () => read(() => Number(db.exec('SELECT count(*) FROM records')[0]!.values[0]![0])),
    // A last checkpoint: the store file alone then holds the queue (the journal is removed).
    close: async () => {
      await queue;
      if (closed) return;
      closed = true;
      try {
        if (journalBytes > 0) {
          await checkpoint(false);
        } else {
          await journal?.close();
          journal = null;
          await unlink(journalFile).catch(() => undefined); // it holds no entry
        }
      } finally {
        await journal?.close().catch(() => undefined);
        db.close();
      }
    },
  };
}
