// Verifies the audit log's hash chain (npm run audit:verify): walks the rows in id order in batches and
// recomputes each hash here, independently of the database's trigger, from the same canonical text
// (see prisma/migrations/20261122010000_audit). The first broken link is reported.
import { createHash } from 'node:crypto';
import type pg from 'pg';

export const GENESIS_HASH = '0'.repeat(64);

type Queryable = pg.Pool | pg.PoolClient | pg.Client;

export type ChainReport =
  | { ok: true; rows: number }
  | { ok: false; rows: number; id: string; problem: 'prev_hash' | 'hash'; expected: string; stored: string | null };

// The fields as text, in chain order; prev_hash comes first. (Queries order by a.id: a bare "id" would
// be this text output column.)
const FIELDS = `prev_hash, id::text, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
  actor_user_id::text, actor_device_id::text, action, target_type, target_id, patient_id::text, ip, user_agent,
  outcome::text, details::text`;

const field = (value: string | null) => (value === null ? '-' : `${Buffer.byteLength(value, 'utf8')}:${value}`);

/** The hash of one row from its fields as text (prev_hash first), as the insert trigger computes it. */
export function rowHash(fields: (string | null)[]): string {
  return createHash('sha256').update(fields.map(field).join('|'), 'utf8').digest('hex');
}

export async function verifyAuditChain(db: Queryable, batchSize = 5000): Promise<ChainReport> {
  let expectedPrev = GENESIS_HASH;
  let lastId = '0';
  let rows = 0;
  for (;;) {
    // Rows as arrays: [hash, prev_hash, id, occurred_at, ...] all as text.
    const { rows: batch } = await db.query<(string | null)[]>({
      text: `SELECT hash, ${FIELDS} FROM audit_log a WHERE a.id > $1::bigint ORDER BY a.id LIMIT $2`,
      values: [lastId, batchSize],
      rowMode: 'array',
    });
    for (const [hash = null, ...fields] of batch) {
      const id = fields[1]!;
      const storedPrev = fields[0] ?? null;
      if (storedPrev !== expectedPrev) return { ok: false, rows, id, problem: 'prev_hash', expected: expectedPrev, stored: storedPrev };
      const expected = rowHash(fields);
      if (hash !== expected) return { ok: false, rows, id, problem: 'hash', expected, stored: hash };
      expectedPrev = expected;
      rows += 1;
      lastId = id;
    }
    if (batch.length < batchSize) return { ok: true, rows };
  }
}
