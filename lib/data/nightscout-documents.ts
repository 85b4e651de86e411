// The Nightscout document store (issue 16): treatments, devicestatus, profile, food, settings and activity
// documents of a site, as clients posted them, for API v1 and v3 reads. Every function is scoped by the
// site (and its owner); the document's JSON is encrypted with the owner's data key, bound to site,
// collection and identifier. Filters the database cannot see through the encryption (a field of the
// document) run after decryption, over a bounded scan. A deleted document is kept with is_valid = false
// and a new srv_modified (API v3 history). Functions take an optional connection so a caller can run
// them inside its own transaction (a delete and the removal of its projection, together). The rows a
// document is projected into (samples of its uploader, a timeline note) are found and removed here too.
import type pg from 'pg';
import { decryptField, encryptField } from '../crypto/fields';
import { pool, prisma } from '../db/client';
import type { HealthType } from '../health';
import { objectIdFor, type Collection } from '../nightscout/identifier';
import { localDate } from '../time';
import { decryptEventPayload, newEventRow } from './event-fields';
import { recordIdIn } from './record-ids';

export type SiteScope = { id: string; userId: string };
type Db = pg.Pool | pg.PoolClient;

export type StoredDocument = {
  collection: Collection;
  identifier: string;
  /** The 24-hex `_id` answered to v1 clients. */
  objectId: string;
  uploaderDeviceId: string | null;
  dateMs: number;
  eventType: string | null;
  doc: Record<string, unknown>;
  srvCreatedMs: number;
  srvModifiedMs: number;
  isValid: boolean;
};

export type DocumentInput = {
  collection: Collection;
  identifier: string;
  uploaderDeviceId: string | null;
  dateMs: number;
  eventType: string | null;
  doc: Record<string, unknown>;
};

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

/** The `_id` a new document would be answered with already names another document of the collection. */
export class ObjectIdTakenError extends Error {
  constructor() {
    super('the _id already names another document');
    this.name = 'ObjectIdTakenError';
  }
}
const OBJECT_ID_KEY = 'nightscout_documents_site_id_collection_object_id_key';
const isObjectIdConflict = (e: unknown) => (e as { code?: string; constraint?: string }).code === '23505' && (e as { constraint?: string }).constraint === OBJECT_ID_KEY;

type Row = {
  collection: Collection;
  identifier: string;
  object_id: string;
  uploader_device_id: string | null;
  date_ms: string;
  event_type: string | null;
  doc: string;
  srv_created: Date;
  srv_modified: Date;
  is_valid: boolean;
};

const COLUMNS = `collection, identifier, object_id, uploader_device_id::text, date_ms::text, event_type, doc, srv_created, srv_modified, is_valid`;

const ref = (siteId: string, collection: string, identifier: string) => ({
  table: 'nightscout_documents',
  column: 'doc',
  rowId: `${siteId}:${collection}:${identifier}`,
});

/** The same row identity in SQL (lib/crypto/encrypted-columns.ts). */
export const DOCUMENT_ROW_ID_SQL = `site_id::text || ':' || collection || ':' || identifier`;

async function fromRow(site: SiteScope, row: Row): Promise<StoredDocument> {
  const json = await decryptField(site.userId, ref(site.id, row.collection, row.identifier), row.doc);
  return {
    collection: row.collection,
    identifier: row.identifier,
    objectId: row.object_id,
    uploaderDeviceId: row.uploader_device_id,
    dateMs: Number(row.date_ms),
    eventType: row.event_type,
    doc: JSON.parse(json) as Record<string, unknown>,
    srvCreatedMs: row.srv_created.getTime(),
    srvModifiedMs: row.srv_modified.getTime(),
    isValid: row.is_valid,
  };
}

/** JSON with keys sorted, so two equal documents compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Stores a document under its identifier: `created` when new, `updated` when it replaced another
 * version (or revived a deleted one), `unchanged` when the same document was already stored (a retry,
 * or a second app sending the same record): then nothing is written, srv_modified included.
 */
export async function upsertDocument(
  site: SiteScope,
  input: DocumentInput,
  nowMs: number,
  db: Db = pool(),
): Promise<{ outcome: UpsertOutcome; document: StoredDocument; previous: StoredDocument | null }> {
  const { collection, identifier } = input;
  const doc = await encryptField(site.userId, ref(site.id, collection, identifier), JSON.stringify(input.doc));
  const now = new Date(nowMs);
  const objectId = objectIdFor(site.id, collection, identifier);
  for (let attempt = 0; ; attempt++) {
    const found = await db.query<Row>(
      `SELECT ${COLUMNS} FROM nightscout_documents WHERE site_id = $1 AND collection = $2 AND identifier = $3`,
      [site.id, collection, identifier],
    );
    const existing = found.rows[0];
    if (!existing) {
      const inserted = await db
        .query<Row>(
          `INSERT INTO nightscout_documents (site_id, collection, identifier, object_id, user_id, uploader_device_id, date_ms, event_type, doc, srv_created, srv_modified)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
           ON CONFLICT (site_id, collection, identifier) DO NOTHING RETURNING ${COLUMNS}`,
          [site.id, collection, identifier, objectId, site.userId, input.uploaderDeviceId, input.dateMs, input.eventType, doc, now],
        )
        .catch((e: unknown) => {
          throw isObjectIdConflict(e) ? new ObjectIdTakenError() : e;
        });
      if (inserted.rows[0]) return { outcome: 'created', document: await fromRow(site, inserted.rows[0]), previous: null };
      if (attempt > 0) throw new Error('nightscout document upsert kept conflicting');
      continue; // stored meanwhile by a concurrent request: compare with it
    }
    const previous = await fromRow(site, existing);
    const same =
      previous.isValid && previous.dateMs === input.dateMs && previous.eventType === input.eventType && canonical(previous.doc) === canonical(input.doc);
    if (same) return { outcome: 'unchanged', document: previous, previous };
    // Only over the version read (a concurrent change wins the race and this one compares again).
    const updated = await db.query<Row>(
      `UPDATE nightscout_documents SET uploader_device_id = coalesce($4, uploader_device_id), date_ms = $5, event_type = $6, doc = $7,
              srv_modified = greatest($8, srv_modified + interval '1 millisecond'), is_valid = true
       WHERE site_id = $1 AND collection = $2 AND identifier = $3 AND doc = $9 RETURNING ${COLUMNS}`,
      [site.id, collection, identifier, input.uploaderDeviceId, input.dateMs, input.eventType, doc, now, existing.doc],
    );
    if (updated.rows[0]) return { outcome: 'updated', document: await fromRow(site, updated.rows[0]), previous };
    if (attempt > 2) throw new Error('nightscout document upsert kept conflicting');
  }
}

export async function getDocument(site: SiteScope, collection: Collection, identifier: string, db: Db = pool()): Promise<StoredDocument | null> {
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM nightscout_documents WHERE site_id = $1 AND collection = $2 AND identifier = $3`,
    [site.id, collection, identifier],
  );
  return rows[0] ? fromRow(site, rows[0]) : null;
}

/** The document answered to v1 clients with this `_id`. */
export async function getDocumentByObjectId(site: SiteScope, collection: Collection, objectId: string, db: Db = pool()): Promise<StoredDocument | null> {
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM nightscout_documents WHERE site_id = $1 AND collection = $2 AND object_id = $3`,
    [site.id, collection, objectId.toLowerCase()],
  );
  return rows[0] ? fromRow(site, rows[0]) : null;
}

export type DocumentQuery = {
  /** At most this many (newest first by date, or oldest first by srv_modified with `modifiedSinceMs`). */
  limit: number;
  skip?: number;
  /** Inclusive bounds on the document's own time (ms). */
  fromMs?: number;
  toMs?: number;
  eventType?: string;
  identifier?: string;
  /** Deleted documents too (API v3 history); default false. */
  includeDeleted?: boolean;
  /** Only documents modified after this instant, oldest modification first (API v3 history). */
  modifiedSinceMs?: number;
  /** A filter on the decrypted document (e.g. `find[enteredBy]=Loop`), applied before `skip`/`limit`. */
  match?: (doc: Record<string, unknown>) => boolean;
  /** Order by date ascending instead of descending. */
  ascending?: boolean;
};

// A filter on the decrypted document reads at most this many rows.
const MAX_SCANNED = 20_000;
const BATCH = 500;

export async function findDocuments(site: SiteScope, collection: Collection, query: DocumentQuery, db: Db = pool()): Promise<StoredDocument[]> {
  const where = ['site_id = $1', 'collection = $2'];
  const params: unknown[] = [site.id, collection];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (query.fromMs !== undefined) add('date_ms >= ?', Math.ceil(query.fromMs));
  if (query.toMs !== undefined) add('date_ms <= ?', Math.floor(query.toMs));
  if (query.eventType !== undefined) add('event_type = ?', query.eventType);
  if (query.identifier !== undefined) add('identifier = ?', query.identifier);
  if (query.modifiedSinceMs !== undefined) add('srv_modified > ?', new Date(query.modifiedSinceMs));
  if (!query.includeDeleted) where.push('is_valid');
  const order =
    query.modifiedSinceMs !== undefined ? 'srv_modified ASC, identifier ASC' : `date_ms ${query.ascending ? 'ASC' : 'DESC'}, srv_created DESC, identifier ASC`;
  const skip = query.skip ?? 0;
  const sql = `SELECT ${COLUMNS} FROM nightscout_documents WHERE ${where.join(' AND ')} ORDER BY ${order}`;
  if (!query.match) {
    const { rows } = await db.query<Row>(`${sql} LIMIT ${Math.max(0, Math.floor(query.limit))} OFFSET ${Math.max(0, Math.floor(skip))}`, params);
    return Promise.all(rows.map((r) => fromRow(site, r)));
  }
  const out: StoredDocument[] = [];
  let skipped = 0;
  for (let offset = 0; offset < MAX_SCANNED && out.length < query.limit; offset += BATCH) {
    const { rows } = await db.query<Row>(`${sql} LIMIT ${BATCH} OFFSET ${offset}`, params);
    for (const row of rows) {
      const document = await fromRow(site, row);
      if (!query.match(document.doc)) continue;
      if (skipped < skip) skipped++;
      else if (out.length < query.limit) out.push(document);
    }
    if (rows.length < BATCH) break;
  }
  return out;
}

/**
 * Marks a document deleted (kept as evidence and for API v3 history); returns it as it was, or null
 * when there is no such valid document.
 */
export async function softDeleteDocument(site: SiteScope, collection: Collection, identifier: string, nowMs: number, db: Db = pool()): Promise<StoredDocument | null> {
  const { rows } = await db.query<Row>(
    `UPDATE nightscout_documents SET is_valid = false, srv_modified = greatest($4, srv_modified + interval '1 millisecond')
     WHERE site_id = $1 AND collection = $2 AND identifier = $3 AND is_valid RETURNING ${COLUMNS}`,
    [site.id, collection, identifier, new Date(nowMs)],
  );
  return rows[0] ? fromRow(site, { ...rows[0], is_valid: true }) : null;
}

// ───────────── the projection's own rows (samples and timeline notes derived from a document) ─────────────

/**
 * Deletes derived samples of an uploader device by record id and marks the local days they covered
 * dirty, so the aggregates are recomputed without them. Runs in the caller's transaction.
 */
export async function deleteDerivedSamples(db: pg.PoolClient, owner: { userId: string; timeZone: string }, deviceId: string, recordIds: string[]): Promise<number> {
  if (recordIds.length === 0) return 0;
  const { rows } = await db.query<{ type: HealthType; start_at: Date; end_at: Date }>(
    `DELETE FROM health_samples WHERE user_id = $1 AND device_id = $2 AND ${recordIdIn('$3')} RETURNING type, start_at, end_at`,
    [owner.userId, deviceId, recordIds],
  );
  if (rows.length > 0) {
    const days = rows.map((r) => ({ type: r.type, from: localDate(r.start_at.getTime(), owner.timeZone), to: localDate(r.end_at.getTime(), owner.timeZone) }));
    await db.query(
      `INSERT INTO dirty_ranges (user_id, type, day_from, day_to)
       SELECT $1, t::"HealthType", f::date, d::date FROM unnest($2::text[], $3::text[], $4::text[]) AS u(t, f, d)`,
      [owner.userId, days.map((d) => d.type), days.map((d) => d.from), days.map((d) => d.to)],
    );
  }
  return rows.length;
}

/** The derived samples of an uploader device stored under these record ids (to version a changed one). */
export async function findDerivedRecords(userId: string, deviceId: string, recordIds: string[]) {
  type Found = { client_record_id: string; value: number; category: string | null; version: number | null; start_ms: number; end_ms: number };
  if (recordIds.length === 0) return new Map<string, { value: number; category: string | null; version: number | null; startMs: number; endMs: number }>();
  const { rows } = await pool().query<Found>(
    `SELECT client_record_id, value, category, version, (extract(epoch FROM start_at) * 1000)::float8 AS start_ms, (extract(epoch FROM end_at) * 1000)::float8 AS end_ms
     FROM health_samples WHERE user_id = $1 AND device_id = $2 AND ${recordIdIn('$3')}`,
    [userId, deviceId, recordIds],
  );
  return new Map(rows.map((r) => [r.client_record_id, { value: r.value, category: r.category, version: r.version, startMs: r.start_ms, endMs: r.end_ms }]));
}

/** What a projected timeline note carries to be found again (inside its encrypted payload). */
export type NoteOrigin = { site: string; collection: Collection; identifier: string };

type EventRow = { id: string; payload: string; supersedes_id: string | null; occurred_at: Date };

/**
 * The timeline note projected from a document at `atMs` (its time when projected), with the chain of
 * notes it superseded: null when there is none. Notes are found by instant and kind, then by the
 * origin in their decrypted payload.
 */
export async function findProjectedNote(site: SiteScope, origin: NoteOrigin, atMs: number, db: Db = pool()) {
  const { rows } = await db.query<EventRow>(
    `SELECT id::text, payload, supersedes_id::text, occurred_at FROM health_events WHERE user_id = $1 AND kind = 'NOTE' AND occurred_at = $2`,
    [site.userId, new Date(atMs)],
  );
  const ours: (EventRow & { text: string })[] = [];
  for (const row of rows) {
    const payload = await decryptEventPayload(site.userId, row.id, row.payload).catch(() => null);
    const from = payload?.nightscout as Partial<NoteOrigin> | undefined;
    if (from?.site === origin.site && from.collection === origin.collection && from.identifier === origin.identifier) {
      ours.push({ ...row, text: typeof payload?.text === 'string' ? payload.text : '' });
    }
  }
  const superseded = new Set(ours.map((r) => r.supersedes_id));
  const head = ours.find((r) => !superseded.has(r.id));
  if (!head) return null;
  // The chain: every note of this origin it supersedes, at any instant (earlier versions moved in time).
  const { rows: chain } = await db.query<{ id: string }>(
    `WITH RECURSIVE c AS (SELECT id, supersedes_id FROM health_events WHERE id = $1 AND user_id = $2
       UNION SELECT e.id, e.supersedes_id FROM health_events e JOIN c ON e.id = c.supersedes_id WHERE e.user_id = $2)
     SELECT id::text FROM c`,
    [head.id, site.userId],
  );
  return { id: head.id, text: head.text, chain: chain.map((r) => r.id) };
}

/** Records a projected note (superseding the previous version of it, if any); recorded by the patient. */
export async function recordProjectedNote(site: SiteScope, origin: NoteOrigin, atMs: number, text: string, uploader: string, supersedesId?: string) {
  const row = await newEventRow({
    userId: site.userId,
    kind: 'NOTE',
    occurredAt: new Date(atMs),
    payload: { text, uploader, nightscout: origin },
    recordedById: site.userId,
    supersedesId,
  });
  await prisma.healthEvent.create({ data: row, select: { id: true } });
}

/** Removes a projected note and the versions it superseded (our projection, not the patient's words). */
export async function deleteProjectedNotes(db: pg.PoolClient, userId: string, ids: string[]) {
  if (ids.length > 0) await db.query('DELETE FROM health_events WHERE user_id = $1 AND id = ANY($2::uuid[])', [userId, ids]);
}
