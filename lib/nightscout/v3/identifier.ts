// The identifier of an API v3 document. A client may send its own; when it does not, cgm-remote-monitor
// (lib/api3/shared/operationTools.js) derives one as a UUID version 5 of `<device>_<date>` (plus
// `_<eventType>`) in the namespace "NightscoutRocks!" (lib/nightscout/identifier.ts v3Identifier), so the
// same event uploaded twice gets the same identifier and is deduplicated. Each collection's store may key
// a document by a client id it carries instead (lib/nightscout/v3/documents-store.ts).
import { v3Identifier } from '../identifier';

/**
 * The document's own identifier, else (none sent) the calculated one; null when it sent one that is
 * not a usable string (a number, blanks), which the original refuses as a bad identifier field.
 */
export function resolveIdentifier(doc: Record<string, unknown>): string | null {
  const given = doc.identifier;
  if (given === undefined || given === null || given === '') return v3Identifier(doc);
  return typeof given === 'string' && given.trim() !== '' ? given : null;
}
