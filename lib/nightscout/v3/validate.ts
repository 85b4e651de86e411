// What API v3 requires of a document it stores, and which fields a client may never change, as
// cgm-remote-monitor checks them (lib/api3/shared/operationTools.js validateCommon and
// lib/api3/generic/update/validate.js). The messages are the original's: clients match on them
// (AndroidAPS's NSAndroidClientImpl retries with utcOffset 0 on "Bad or missing utcOffset field" and
// gives up on "cannot be modified by the client").
import { MAX_UTC_OFFSET, MIN_TIMESTAMP, MIN_UTC_OFFSET } from './dates';
import { MESSAGES, V3Refusal } from './envelope';

type Doc = Record<string, unknown>;

const isBlank = (v: unknown) => typeof v !== 'string' || v.trim() === '';

/** `date`, `utcOffset` and `app`; when patching, only those the patch carries. */
export function validateCommon(doc: Doc, options: { patching?: boolean } = {}): void {
  const given = (field: string) => !options.patching || doc[field] !== undefined;
  if (given('date') && (typeof doc.date !== 'number' || doc.date <= MIN_TIMESTAMP)) throw new V3Refusal(400, MESSAGES.badDate);
  if (given('utcOffset') && (typeof doc.utcOffset !== 'number' || doc.utcOffset < MIN_UTC_OFFSET || doc.utcOffset > MAX_UTC_OFFSET)) {
    throw new V3Refusal(400, MESSAGES.badUtcOffset);
  }
  if (given('app') && isBlank(doc.app)) throw new V3Refusal(400, MESSAGES.badApp);
}

/** A created document also needs its identifier (sent, or calculated from device, date and eventType). */
export function validateIdentifier(identifier: string | null): asserts identifier is string {
  if (identifier === null || isBlank(identifier)) throw new V3Refusal(400, MESSAGES.badIdentifier);
}

// The original also lists srvCreated, srvModified, subject and modifiedBy: those are the server's, never
// taken from a client (lib/nightscout/v3/store.ts clientFields), so a stale copy sent back is ignored.
const IMMUTABLE = ['identifier', 'date', 'utcOffset', 'eventType', 'device', 'app'] as const;

/**
 * Refuses a change to a field that identifies the event. A deleted document may be written over freely
 * (that is how a client revives it), and a deduplicated create may bring another identifier (documents
 * first stored through API v1). `isValid: true` on a live document is no change (a deletion is a
 * DELETE). Unlike the original, a field the stored document lacks may be set: the same treatment from
 * a v1 uploader (no `app`, no `utcOffset`) and then from AndroidAPS through v3 is one treatment, not a
 * refusal AndroidAPS gives up on.
 */
export function checkImmutable(doc: Doc, stored: Doc, options: { deduplication?: boolean } = {}): void {
  if (stored.isValid === false) return;
  if (doc.isValid !== undefined && doc.isValid !== true) throw new V3Refusal(400, MESSAGES.immutableField('isValid'));
  for (const field of IMMUTABLE) {
    if (field === 'identifier' && options.deduplication) continue;
    const value = doc[field];
    if (value === undefined || stored[field] === undefined) continue;
    if (value !== stored[field]) throw new V3Refusal(400, MESSAGES.immutableField(field));
  }
}

/** Documents a client marked read-only can be neither changed nor deleted. */
export function checkWritable(stored: Doc): void {
  if (stored.isReadOnly === true || stored.readOnly === true || stored.readonly === true) throw new V3Refusal(422, MESSAGES.readOnly);
}
