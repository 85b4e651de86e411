// Which stored document a Nightscout document is (API v1 and v3 alike), pure. A document is keyed within
// its site and collection by an identifier: the one it carries (`identifier`, API v3), else its client's
// own id (`_id` when it is not a Mongo ObjectId of ours, Loop's `syncIdentifier`, xDrip+'s `uuid`, old
// AndroidAPS's `NSCLIENT_ID`, Trio's `id`, AndroidAPS's pump record `pumpType`+`pumpSerial`+`pumpId`), else
// cgm-remote-monitor's API v3 rule (lib/api3/shared/operationTools.js calculateIdentifier: UUIDv5 in the
// namespace "NightscoutRocks!" of `device + '_' + date [+ '_' + eventType]`). A v1 treatment with no
// client id is keyed as cgm-remote-monitor's lib/server/treatments.js upserts it, by {created_at,
// eventType}: the same rule without the device. Two apps sending the same client id name one document.
import { createHash } from 'node:crypto';

export const COLLECTIONS = ['treatments', 'devicestatus', 'profile', 'food', 'settings', 'activity'] as const;
export type Collection = (typeof COLLECTIONS)[number];
export type Api = 'v1' | 'v3';

const OBJECT_ID = /^[0-9a-f]{24}$/i;
export const isObjectId = (v: unknown): v is string => typeof v === 'string' && OBJECT_ID.test(v);

// cgm-remote-monitor's persisted namespace: the 16 ASCII bytes of "NightscoutRocks!".
const NAMESPACE = Buffer.from('NightscoutRocks!', 'ascii');

/** RFC 4122 UUIDv5 of `name` in Nightscout's namespace. */
export function nightscoutUuid(name: string): string {
  const bytes = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The v3 rule as cgm-remote-monitor computes it (`device` and `date` concatenated as JavaScript does, undefined included). */
export function v3Identifier(doc: Record<string, unknown>): string {
  let key = `${String(doc.device)}_${String(doc.date)}`;
  if (doc.eventType) key += `_${String(doc.eventType)}`;
  return nightscoutUuid(key);
}

const text = (v: unknown): string | null => {
  if (typeof v === 'string' && v.trim() !== '') return v.trim().slice(0, 200);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
};

/**
 * The client's own id of a document, if it carries one. A 24-hex `_id` is returned as is: the caller
 * first checks whether it is one of ours (then the document is that stored one).
 */
export function clientIdOf(doc: Record<string, unknown>): string | null {
  for (const key of ['identifier', '_id', 'syncIdentifier', 'uuid', 'NSCLIENT_ID', 'id'] as const) {
    const id = text(doc[key]);
    if (id !== null) return id;
  }
  const pumpId = text(doc.pumpId);
  const pumpType = text(doc.pumpType);
  const pumpSerial = text(doc.pumpSerial);
  if (pumpId !== null && pumpType !== null && pumpSerial !== null) return `${pumpType}:${pumpSerial}:${pumpId}`;
  return null;
}

/**
 * The identifier of a document: its client id, else the v3 rule over its own time (`dateMs`), or for a
 * v1 treatment {created_at, eventType}. `ours` is the identifier of the stored document whose `_id` the
 * document carries, when it carries one of ours (a client sending back what it read, or updating it).
 */
export function documentIdentifier(collection: Collection, doc: Record<string, unknown>, dateMs: number, api: Api, ours: string | null = null): string {
  if (typeof doc.identifier === 'string' && doc.identifier.trim() !== '') return doc.identifier.trim().slice(0, 200);
  if (ours !== null) return ours;
  const clientId = clientIdOf(doc);
  if (clientId !== null) return clientId;
  if (api === 'v1' && collection === 'treatments') return nightscoutUuid(`${dateMs}_${String(doc.eventType ?? '')}`);
  // An activity record has no eventType; its `type` (xDrip+'s hr-bpm, steps-total) tells two records of one instant apart.
  const eventType = doc.eventType ?? (collection === 'activity' ? doc.type : undefined);
  return v3Identifier({ device: doc.device, date: api === 'v3' && doc.date !== undefined ? doc.date : dateMs, eventType });
}

/**
 * The `_id` answered for a stored document: 24 hex digits like a MongoDB ObjectId, stable for its
 * identifier. An identifier that is itself one (a client's own ObjectId, e.g. xDrip+'s `_id` made
 * from its uuid) is answered as is, so the client recognises its record.
 */
export function objectIdFor(siteId: string, collection: Collection, identifier: string): string {
  if (isObjectId(identifier)) return identifier.toLowerCase();
  return createHash('sha256').update(`${siteId}|${collection}|${identifier}`).digest('hex').slice(0, 24);
}
