// The archive file format of a user's month of raw samples: one Parquet file, every column of
// health_samples. Times are Parquet TIMESTAMP (UTC milliseconds, the column's precision), so any Parquet
// reader (DuckDB, pandas, Spark) sees real timestamps. Metadata is the stored ciphertext (lib/data/sample-fields.ts),
// copied as is: its additional data is the sample's identity, which a restore keeps, so it decrypts again.
import { createHash } from 'node:crypto';
import { parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { z } from 'zod';
import { HEALTH_TYPES } from '../health';

export const SAMPLE_ARCHIVE_FORMAT = 'health_samples/v1';

// Archives written before encryption hold metadata as JSON (parsed by the reader): kept as JSON text,
// which `npm run keys:reencrypt` encrypts like any other legacy value.
const metadataValue = z.unknown().transform((v) => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v)));

const archivedSample = z.object({
  id: z.bigint(),
  user_id: z.string(),
  device_id: z.string(),
  type: z.enum(HEALTH_TYPES),
  start_at: z.date(),
  end_at: z.date(),
  value: z.number(),
  category: z.string().nullable(),
  client_record_id: z.string().nullable(),
  version: z.number().int().nullable(),
  metadata: metadataValue,
  created_at: z.date(),
});

/** One raw sample as stored in health_samples (id as text: it is a bigint). */
export type ArchivedSample = {
  id: string;
  userId: string;
  deviceId: string;
  type: (typeof HEALTH_TYPES)[number];
  startAt: Date;
  endAt: Date;
  value: number;
  category: string | null;
  clientRecordId: string | null;
  version: number | null;
  metadata: string | null; // encrypted
  createdAt: Date;
};

/** Every field in a fixed order, for checking that two lists of samples are the same. */
export function sampleFingerprint(s: ArchivedSample): string {
  return JSON.stringify([
    s.id, s.userId, s.deviceId, s.type, s.startAt.getTime(), s.endAt.getTime(), s.value, s.category,
    s.clientRecordId, s.version, s.metadata, s.createdAt.getTime(),
  ]);
}

export function encodeSamples(samples: readonly ArchivedSample[]): Uint8Array {
  const column = <T>(pick: (s: ArchivedSample) => T) => samples.map(pick);
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'id', data: column((s) => BigInt(s.id)), type: 'INT64', nullable: false },
      { name: 'user_id', data: column((s) => s.userId), type: 'STRING', nullable: false },
      { name: 'device_id', data: column((s) => s.deviceId), type: 'STRING', nullable: false },
      { name: 'type', data: column((s) => s.type), type: 'STRING', nullable: false },
      { name: 'start_at', data: column((s) => s.startAt), type: 'TIMESTAMP', nullable: false },
      { name: 'end_at', data: column((s) => s.endAt), type: 'TIMESTAMP', nullable: false },
      { name: 'value', data: column((s) => s.value), type: 'DOUBLE', nullable: false },
      { name: 'category', data: column((s) => s.category), type: 'STRING' },
      { name: 'client_record_id', data: column((s) => s.clientRecordId), type: 'STRING' },
      { name: 'version', data: column((s) => s.version), type: 'INT32' },
      { name: 'metadata', data: column((s) => s.metadata), type: 'STRING' },
      { name: 'created_at', data: column((s) => s.createdAt), type: 'TIMESTAMP', nullable: false },
    ],
    kvMetadata: [{ key: 'format', value: SAMPLE_ARCHIVE_FORMAT }],
  });
  return new Uint8Array(buffer);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function decodeSamples(bytes: Uint8Array): Promise<ArchivedSample[]> {
  // hyparquet wants an ArrayBuffer of exactly the file.
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const rows = await parquetReadObjects({ file });
  return rows.map((row) => {
    const r = archivedSample.parse(row);
    return {
      id: r.id.toString(),
      userId: r.user_id,
      deviceId: r.device_id,
      type: r.type,
      startAt: r.start_at,
      endAt: r.end_at,
      value: r.value,
      category: r.category,
      clientRecordId: r.client_record_id,
      version: r.version,
      metadata: r.metadata,
      createdAt: r.created_at,
    };
  });
}
