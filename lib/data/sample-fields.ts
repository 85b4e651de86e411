// A raw sample's metadata (JSON text) is encrypted with its owner's data key. The row id is a bigserial
// the bulk insert assigns, so the additional data binds the sample's stable identity instead, known
// before the insert and kept by updates, archive and restore: the device and the client's record id, or
// (a sample without one is never updated) its type, start and end in epoch milliseconds:
//   owner | health_samples | metadata | <device_id>:r:<client_record_id>   or   …:k:<type>:<startMs>:<endMs>
import { decryptNullable, encryptNullable } from '../crypto/fields';

export type SampleIdentity = { deviceId: string; clientRecordId: string | null; type: string; startMs: number; endMs: number };

export const sampleRowId = (s: SampleIdentity) =>
  `${s.deviceId}:${s.clientRecordId !== null ? `r:${s.clientRecordId}` : `k:${s.type}:${s.startMs}:${s.endMs}`}`;

/** The same identity computed in SQL over a health_samples row (for the re-encryption job). */
export const SAMPLE_ROW_ID_SQL = `device_id::text || ':' || CASE WHEN client_record_id IS NOT NULL THEN 'r:' || client_record_id
  ELSE 'k:' || type::text || ':' || (extract(epoch FROM start_at) * 1000)::bigint || ':' || (extract(epoch FROM end_at) * 1000)::bigint END`;

const ref = (s: SampleIdentity) => ({ table: 'health_samples', column: 'metadata', rowId: sampleRowId(s) });

export const encryptSampleMetadata = (userId: string, s: SampleIdentity, json: string | null) => encryptNullable(userId, ref(s), json);

/** The parsed metadata object (null when the sample has none). */
export async function decryptSampleMetadata(userId: string, s: SampleIdentity, ciphertext: string | null): Promise<unknown> {
  const json = await decryptNullable(userId, ref(s), ciphertext);
  return json === null ? null : (JSON.parse(json) as unknown);
}

/** The metadata of a health_samples row as Prisma reads it. */
export function decryptSampleRowMetadata(row: {
  userId: string; deviceId: string; clientRecordId: string | null; type: string; startAt: Date; endAt: Date; metadata: string | null;
}): Promise<unknown> {
  const identity = { deviceId: row.deviceId, clientRecordId: row.clientRecordId, type: row.type, startMs: row.startAt.getTime(), endMs: row.endAt.getTime() };
  return decryptSampleMetadata(row.userId, identity, row.metadata);
}
