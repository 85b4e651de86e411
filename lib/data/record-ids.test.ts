// Integration (real PostgreSQL): a lookup by record id goes through the record key index, whose key is
// the id's hash (migration 20261207020000_lean_health_samples), and answers only the ids asked for, by
// their text. If the query's hash expression and the index's drifted apart, every sync would scan the
// device's samples; the plan is checked here (sequential scans off, so the plan shows what is usable).
import { describe, expect, it } from 'vitest';
import { pool } from '@/lib/db/client';
import { createDevice, createUser } from '@/test/factories';
import { ensureSamplePartitions } from './partitions';
import { recordIdIn } from './record-ids';

const AT_MS = Date.parse('2025-03-10T12:00:00Z');

describe('recordIdIn', () => {
  it('finds the stored ids by their text, through the record key index', async () => {
    const user = await createUser({ timeZone: 'UTC' });
    const device = await createDevice(user.id, 'watch');
    await ensureSamplePartitions(pool(), [AT_MS]);
    const ids = Array.from({ length: 50 }, (_, i) => `hr-${i}`);
    await pool().query(
      `INSERT INTO health_samples (user_id, device_id, type, start_at, end_at, value, client_record_id)
       SELECT $1, $2, 'HEART_RATE', to_timestamp(($3 + i * 60000) / 1000.0), to_timestamp(($3 + i * 60000) / 1000.0), 60, id
       FROM unnest($4::text[]) WITH ORDINALITY AS u(id, i)`,
      [user.id, device.id, AT_MS, ids],
    );

    const sql = `SELECT client_record_id FROM health_samples WHERE device_id = $1 AND ${recordIdIn('$2')} ORDER BY 1`;
    const { rows } = await pool().query<{ client_record_id: string }>(sql, [device.id, ['hr-3', 'hr-30', 'hr-300', 'HR-3']]);
    expect(rows.map((r) => r.client_record_id)).toEqual(['hr-3', 'hr-30']);

    const client = await pool().connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL enable_seqscan = off');
      await client.query('SET LOCAL enable_bitmapscan = off');
      const { rows: plan } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, [device.id, ['hr-3']]);
      const text = plan.map((r) => r['QUERY PLAN']).join('\n');
      expect(text).toMatch(/Index Cond: \(\(device_id = .*\) AND \(hashtextextended\(client_record_id, '0'::bigint\) = ANY/);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  });
});
