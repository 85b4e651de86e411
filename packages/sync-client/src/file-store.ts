// The Node store: SQLite (sql.js, SQLite compiled to WebAssembly: nothing native to build) in one file.
// sql.js keeps the database in memory; after every transaction the whole database is written to a
// temporary file, flushed, and renamed over the store file, so the file always holds a committed state.
import { randomUUID } from 'node:crypto';
import { open as openFile, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import type { SampleStore, StoredRecord } from './types.ts';

let sqlJs: Promise<SqlJsStatic> | undefined;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS records (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, data BLOB NOT NULL);
  CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

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
  // The rename itself is durable only once the directory is flushed (not possible on every platform).
  const dir = await openFile(path.dirname(file), 'r').catch(() => null);
  await dir?.sync().catch(() => undefined);
  await dir?.close();
}

/** Opens (or creates) the queue file at `file`. Only one client may use a file at a time. */
export async function openFileStore(file: string): Promise<SampleStore> {
  const SQL = await (sqlJs ??= initSqlJs());
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  const db: Database = new SQL.Database(bytes);
  db.exec(SCHEMA);
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();

  // Writes one after the other: each commits in memory, then the file is replaced. A failed write closes
  // the store (memory would be ahead of the file); open it again to go on from what the file holds.
  function write(change: () => void): Promise<void> {
    const next = queue.then(async () => {
      if (closed) throw new Error('the store is closed');
      db.exec('BEGIN');
      try {
        change();
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
      try {
        await writeAtomically(file, db.export());
      } catch (error) {
        closed = true;
        db.close();
        throw error;
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
    append: (records) =>
      write(() => {
        const stmt = db.prepare('INSERT INTO records (id, data) VALUES (?, ?)');
        try {
          for (const r of records) stmt.run([r.id, r.data]);
        } finally {
          stmt.free();
        }
      }),
    head: (limit) => read(() => rows('SELECT id, data FROM records ORDER BY seq LIMIT ?', [limit])),
    get: (ids) =>
      read(() => {
        const found = new Map<string, StoredRecord>();
        for (let i = 0; i < ids.length; i += 500) {
          const chunk = ids.slice(i, i + 500);
          for (const r of rows(`SELECT id, data FROM records WHERE id IN (${chunk.map(() => '?').join(',')})`, chunk)) found.set(r.id, r);
        }
        return ids.flatMap((id) => found.get(id) ?? []);
      }),
    inflight: () =>
      read(() => {
        const result = db.exec("SELECT value FROM meta WHERE name = 'inflight'");
        const value = result[0]?.values[0]?.[0];
        return typeof value === 'string' ? (JSON.parse(value) as string[]) : null;
      }),
    setInflight: (ids) => write(() => db.run("INSERT OR REPLACE INTO meta (name, value) VALUES ('inflight', ?)", [JSON.stringify(ids)])),
    remove: (ids) =>
      write(() => {
        const stmt = db.prepare('DELETE FROM records WHERE id = ?');
        try {
          for (const id of ids) stmt.run([id]);
        } finally {
          stmt.free();
        }
        db.run("DELETE FROM meta WHERE name = 'inflight'");
      }),
    count: () => read(() => Number(db.exec('SELECT count(*) FROM records')[0]!.values[0]![0])),
    close: async () => {
      await queue;
      if (!closed) {
        closed = true;
        db.close();
      }
    },
  };
}
