// What a stored sample costs (issue 20, item 7): health_samples' heap (with its TOAST) and each of its
// indexes, summed over the monthly partitions, per stored row; and beside it what the same rows cost in
// the Parquet archive (lib/maintenance/samples-parquet.ts), encoding one month of one user as the archive does.
import type pg from 'pg';
import { encodeSamples, type ArchivedSample } from '../../lib/maintenance/samples-parquet';

export type StorageResult = {
  samples: number;
  heapBytes: number;
  indexBytes: number;
  /** (heap + indexes) / samples: the issue's `storage.bytesPerSample`. */
  bytesPerSample: number;
  heapBytesPerSample: number;
  /** Each index of health_samples (summed over the partitions), bytes per sample. */
  indexBytesPerSample: Record<string, number>;
  parquet: { samples: number; bytes: number; bytesPerSample: number };
};

const perSample = (bytes: number, samples: number) => (samples === 0 ? 0 : Math.round((bytes / samples) * 10) / 10);

export async function measureStorage(client: pg.Client, archiveUserId: string): Promise<StorageResult> {
  await client.query('VACUUM (ANALYZE) health_samples'); // counts the live rows' pages, as a steady table holds them
  const { rows: [totals] } = await client.query<{ samples: string; heap: string; indexes: string }>(`
    SELECT (SELECT count(*) FROM health_samples)::text AS samples,
           coalesce(sum(pg_table_size(i.inhrelid)), 0)::text AS heap,
           coalesce(sum(pg_indexes_size(i.inhrelid)), 0)::text AS indexes
    FROM pg_inherits i WHERE i.inhparent = 'health_samples'::regclass`);
  const samples = Number(totals!.samples);
  // A partition's index is attached to the parent's index of the same definition.
  const { rows: byIndex } = await client.query<{ name: string; bytes: string }>(`
    SELECT parent.relname AS name, sum(pg_relation_size(child.inhrelid))::text AS bytes
    FROM pg_index pi JOIN pg_class parent ON parent.oid = pi.indexrelid
    JOIN pg_inherits child ON child.inhparent = parent.oid
    WHERE pi.indrelid = 'health_samples'::regclass
    GROUP BY parent.relname ORDER BY parent.relname`);

  const { rows: [month] } = await client.query<{ start: Date }>(
    `SELECT date_trunc('month', min(start_at)) AS start FROM health_samples WHERE user_id = $1`,
    [archiveUserId],
  );
  const { rows: archived } = await client.query<ArchivedSample>(
    `SELECT id::text AS id, user_id::text AS "userId", device_id::text AS "deviceId", type::text AS type,
            start_at AS "startAt", end_at AS "endAt", value, category, client_record_id AS "clientRecordId", version,
            metadata, created_at AS "createdAt"
     FROM health_samples WHERE user_id = $1 AND start_at >= $2 AND start_at < $2::timestamptz + interval '1 month'
     ORDER BY start_at, id`,
    [archiveUserId, month!.start],
  );
  const parquetBytes = archived.length > 0 ? encodeSamples(archived).byteLength : 0;

  const heapBytes = Number(totals!.heap);
  const indexBytes = Number(totals!.indexes);
  return {
    samples,
    heapBytes,
    indexBytes,
    bytesPerSample: perSample(heapBytes + indexBytes, samples),
    heapBytesPerSample: perSample(heapBytes, samples),
    indexBytesPerSample: Object.fromEntries(byIndex.map((r) => [r.name, perSample(Number(r.bytes), samples)])),
    parquet: { samples: archived.length, bytes: parquetBytes, bytesPerSample: perSample(parquetBytes, archived.length) },
  };
}
