// The identifier of an API v3 document. A client may send its own; when it does not, cgm-remote-monitor
// (lib/api3/shared/operationTools.js) derives one as a UUID version 5 of `<device>_<date>` (plus
// `_<eventType>` when the document has one) in the namespace of the 16 ASCII bytes "NightscoutRocks!",
// so the same event uploaded twice gets the same identifier and is deduplicated. `device` or `date`
// missing reads as "undefined", exactly as JavaScript's string concatenation writes it there.
import { createHash } from 'node:crypto';

const NAMESPACE = Buffer.from('NightscoutRocks!', 'ascii');

/** RFC 4122 UUID version 5 (SHA-1) of `name` in a 16-byte namespace. */
export function uuidV5(name: string, namespace: Buffer = NAMESPACE): string {
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const part = (value: unknown) => (value === undefined ? 'undefined' : value === null ? 'null' : String(value));

/** The identifier cgm-remote-monitor gives a document that arrives without one. */
export function calculateIdentifier(doc: Record<string, unknown>): string {
  let key = `${part(doc.device)}_${part(doc.date)}`;
  if (doc.eventType) key += `_${part(doc.eventType)}`;
  return uuidV5(key);
}

/**
 * The document's own identifier, else (none sent) the calculated one; null when it sent one that is
 * not a usable string (a number, blanks), which the original refuses as a bad identifier field.
 */
export function resolveIdentifier(doc: Record<string, unknown>): string | null {
  const given = doc.identifier;
  if (given === undefined || given === null || given === '') return calculateIdentifier(doc);
  return typeof given === 'string' && given.trim() !== '' ? given : null;
}
