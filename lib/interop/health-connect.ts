// Reads Health Connect's own export: a zip holding health_connect_export.db (or that SQLite file on its
// own), through sql.js (SQLite compiled to WebAssembly: nothing native to build or download). The
// database is read whole into memory, so its size is capped (and, inside a zip, its compression ratio,
// as for Apple Health exports). Records come out in batches, in a fixed table order, so an import can
// resume after the records it already committed.
import { open, readFile } from 'node:fs/promises';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import yauzl from 'yauzl';
import type { NormalizedSample } from '../ingest/validate-sample';
import type { ZipLimits } from './apple-health';
import { HEALTH_CONNECT_TABLES, type Row } from './health-connect-records';
import { validateItem } from './import-result';

export const HEALTH_CONNECT_DB = 'health_connect_export.db';
/** sql.js holds the database in WebAssembly memory (at most 4 GB, and the copy we read it from). */
export const MAX_HEALTH_CONNECT_DB_BYTES = 1024 * 1024 * 1024;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type HealthConnectApp = { key: string; packageName: string; appName: string | null };
export type HealthConnectBatch = {
  samples: { app: HealthConnectApp; sample: NormalizedSample }[];
  rejected: { record: number; reason: string }[];
  position: { records: number; totalRecords: number };
};

let sqlJs: Promise<SqlJsStatic> | undefined;
const loadSqlJs = () => (sqlJs ??= initSqlJs());

function readZipEntry(path: string, limits: ZipLimits): Promise<Buffer> {
  const cap = Math.min(limits.maxUncompressedBytes, MAX_HEALTH_CONNECT_DB_BYTES);
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (openError, zip) => {
      if (openError || !zip) return reject(openError ?? new Error('cannot open the zip'));
      let found = false;
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.split('/').pop() !== HEALTH_CONNECT_DB) return zip.readEntry();
        found = true;
        if (entry.uncompressedSize > cap) return reject(new Error(`${HEALTH_CONNECT_DB} is larger than ${cap} bytes, the import limit`));
        if (entry.uncompressedSize > entry.compressedSize * limits.maxRatio) {
          return reject(new Error(`${HEALTH_CONNECT_DB} inflates to more than ${limits.maxRatio} times its compressed size; refused as a zip bomb`));
        }
        // yauzl checks while inflating that the entry ends at the size its header declares.
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('cannot read the zip entry'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => resolve(Buffer.concat(chunks)));
        });
      });
      zip.on('end', () => found || reject(new Error(`the zip holds no ${HEALTH_CONNECT_DB}`)));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

async function openDatabase(path: string, limits: ZipLimits): Promise<Database> {
  const head = Buffer.alloc(16);
  const handle = await open(path, 'r');
  let size: number;
  try {
    await handle.read(head, 0, 16, 0);
    size = (await handle.stat()).size;
  } finally {
    await handle.close();
  }
  let bytes: Buffer;
  if (head.subarray(0, 2).toString('latin1') === 'PK') bytes = await readZipEntry(path, limits);
  else if (head.equals(SQLITE_HEADER)) {
    if (size > MAX_HEALTH_CONNECT_DB_BYTES) throw new Error(`${HEALTH_CONNECT_DB} is larger than ${MAX_HEALTH_CONNECT_DB_BYTES} bytes, the import limit`);
    bytes = await readFile(path);
  } else throw new Error(`not a Health Connect export (a zip holding ${HEALTH_CONNECT_DB}, or that file)`);
  if (!bytes.subarray(0, 16).equals(SQLITE_HEADER)) throw new Error(`${HEALTH_CONNECT_DB} is not a SQLite database`);
  const SQL = await loadSqlJs();
  return new SQL.Database(bytes);
}

function rows(db: Database, sql: string, params: (number | string)[] = []): Row[] {
  const statement = db.prepare(sql);
  try {
    statement.bind(params);
    const out: Row[] = [];
    while (statement.step()) out.push(statement.getAsObject() as Row);
    return out;
  } finally {
    statement.free();
  }
}

function tablesIn(db: Database): Set<string> {
  return new Set(rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'").map((r) => String(r.name)));
}

function appsIn(db: Database, tables: Set<string>): Map<number, HealthConnectApp> {
  const apps = new Map<number, HealthConnectApp>();
  if (!tables.has('application_info_table')) return apps;
  for (const r of rows(db, 'SELECT row_id, package_name, app_name FROM application_info_table')) {
    const packageName = String(r.package_name);
    apps.set(Number(r.row_id), { key: packageName, packageName, appName: typeof r.app_name === 'string' && r.app_name ? r.app_name : null });
  }
  return apps;
}

const UNKNOWN_APP: HealthConnectApp = { key: 'unknown', packageName: 'unknown', appName: null };

/** Batches of validated samples after `skipRecords` records (counted across the tables, in order). */
export async function* readHealthConnectExport(opts: { path: string; nowMs: number; batchSize: number; skipRecords: number; zipLimits: ZipLimits }): AsyncIterable<HealthConnectBatch> {
  const db = await openDatabase(opts.path, opts.zipLimits);
  try {
    const tables = tablesIn(db);
    const apps = appsIn(db, tables);
    const specs = HEALTH_CONNECT_TABLES.filter((spec) => tables.has(spec.table) && (spec.table !== 'sleep_session_record_table' || tables.has('sleep_stages_table')));
    const counts = specs.map((spec) => Number(rows(db, `SELECT count(*) AS n FROM ${spec.table}`)[0]?.n ?? 0));
    const totalRecords = counts.reduce((a, b) => a + b, 0);
    let before = 0; // records in the tables already passed
    for (const [i, spec] of specs.entries()) {
      const count = counts[i]!;
      for (let offset = Math.max(0, opts.skipRecords - before); offset < count; offset += opts.batchSize) {
        const batch: HealthConnectBatch = { samples: [], rejected: [], position: { records: 0, totalRecords } };
        const page = rows(db, `${spec.sql} LIMIT ? OFFSET ?`, [opts.batchSize, offset]);
        page.forEach((row, j) => {
          const record = before + offset + j;
          const result = validateItem(spec.toRaws(row), opts.nowMs);
          if (result.status !== 'accepted') return void batch.rejected.push({ record, reason: `${spec.table}: ${result.reason}` });
          const app = apps.get(Number(row.app_info_id)) ?? UNKNOWN_APP;
          for (const sample of result.samples) batch.samples.push({ app, sample });
        });
        batch.position.records = before + Math.min(count, offset + page.length);
        yield batch;
      }
      before += count;
    }
  } finally {
    db.close();
  }
}
