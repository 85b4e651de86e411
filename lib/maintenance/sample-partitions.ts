// The monthly partitions of health_samples as the catalog knows them. Bounds come from
// pg_get_expr(relpartbound), not from the names, and a name is used in DDL only after it matched both
// the catalog and a strict pattern.
import type pg from 'pg';
import { pool } from '../db/client';

export type SamplePartition = {
  name: string;
  /** Schema-qualified and quoted by PostgreSQL itself (format('%I.%I')), ready for DDL. */
  qualifiedName: string;
  from: Date;
  to: Date;
};

const PARTITION_NAME = /^health_samples_\d{4}_(0[1-9]|1[0-2])$/;

type Row = { name: string; qualified_name: string; from: Date | null; to: Date | null };

/** Range partitions of health_samples ordered by start; the default partition (if any) is left out. */
export async function listSamplePartitions(db: pg.Pool | pg.PoolClient = pool()): Promise<SamplePartition[]> {
  const { rows } = await db.query<Row>(
    `SELECT c.relname AS name, format('%I.%I', n.nspname, c.relname) AS qualified_name,
            substring(b.expr FROM $1)::timestamptz AS "from", substring(b.expr FROM $2)::timestamptz AS "to"
     FROM pg_inherits i
     JOIN pg_class c ON c.oid = i.inhrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     CROSS JOIN LATERAL (SELECT pg_get_expr(c.relpartbound, c.oid) AS expr) b
     WHERE i.inhparent = 'health_samples'::regclass AND c.relispartition
     ORDER BY 3`,
    // FOR VALUES FROM ('2015-01-01 00:00:00+00') TO ('2015-02-01 00:00:00+00'); MINVALUE/MAXVALUE give null.
    [`FROM \\('([^']+)'\\)`, `TO \\('([^']+)'\\)`],
  );
  return rows.flatMap((r) =>
    r.from && r.to && PARTITION_NAME.test(r.name) ? [{ name: r.name, qualifiedName: r.qualified_name, from: r.from, to: r.to }] : [],
  );
}

/** Creates the partitions for the UTC months from `from` through `to`; returns how many were new. */
export async function ensureSamplePartitionRange(from: Date, to: Date): Promise<number> {
  const { rows } = await pool().query<{ created: number }>(
    'SELECT ensure_health_sample_partitions($1::date, $2::date) AS created',
    [from.toISOString().slice(0, 10), to.toISOString().slice(0, 10)],
  );
  return rows[0]?.created ?? 0;
}
