// Raw samples of one user and type overlapping a window, with each device's effective priority for
// that type (its per-type override, else its priority). Revoked devices still count: their data is real.
import type pg from 'pg';
import type { HealthType } from '../../health';
import type { PipelineSample } from '../../pipeline';

const MAX_SAMPLE_MS = 24 * 3600 * 1000; // the catalogue's longest plausible interval

type Row = { id: string; device_id: string; priority: number; s: string; e: string; value: number; category: string | null };

export async function loadSamples(client: pg.PoolClient, args: { userId: string; type: HealthType; fromMs: number; toMs: number }): Promise<PipelineSample[]> {
  const { rows } = await client.query<Row>(
    `SELECT s.id::text, s.device_id::text, COALESCE(o.priority, d.priority) AS priority,
            (extract(epoch FROM s.start_at) * 1000)::bigint::text AS s, (extract(epoch FROM s.end_at) * 1000)::bigint::text AS e,
            s.value, s.category
     FROM health_samples s
     JOIN devices d ON d.id = s.device_id
     LEFT JOIN device_type_priorities o ON o.device_id = s.device_id AND o.health_type = s.type
     WHERE s.user_id = $1 AND s.type = $2::"HealthType"
       AND s.start_at >= to_timestamp($3 / 1000.0) AND s.start_at < to_timestamp($4 / 1000.0)
       AND s.end_at >= to_timestamp($5 / 1000.0)`,
    [args.userId, args.type, args.fromMs - MAX_SAMPLE_MS, args.toMs, args.fromMs],
  );
  return rows.map((r) => ({
    id: r.id,
    deviceId: r.device_id,
    priority: r.priority,
    startMs: Number(r.s),
    endMs: Number(r.e),
    value: r.value,
    category: r.category,
  }));
}
