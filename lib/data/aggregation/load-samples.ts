// Raw samples of one user and type overlapping a window, with each device's effective priority for
// that type (its per-type override, else its priority) and its measurement stream. Revoked devices still
// count: their data is real.
import type pg from 'pg';
import { getHealthType, GLUCOSE_SPECIMENS, type HealthType } from '../../health';
import type { PipelineSample } from '../../pipeline';
import { CGM_STREAM } from './type-rules';

const MAX_SAMPLE_MS = 24 * 3600 * 1000; // the catalogue's longest plausible interval

type Row = { id: string; device_id: string; device_type: string; priority: number; s: string; e: string; value: number; category: string | null };

/**
 * The sample's dedup stream. Glucose from a CGM is interstitial, not a fingerstick: the sample's own
 * specimen decides where it says one (a CGM reader's strip port gives blood readings), else the
 * device's type does.
 */
function streamOf(type: HealthType, row: Row): string | null {
  // Insulin: a basal delivery is its own stream (type-rules.ts), never cancelled by a bolus of equal units.
  const byKind = getHealthType(type).categoryStreams;
  if (byKind) return row.category !== null && Object.hasOwn(byKind, row.category) ? (byKind[row.category] ?? null) : null;
  if (type !== 'BLOOD_GLUCOSE') return null;
  if (row.category === GLUCOSE_SPECIMENS.interstitial) return CGM_STREAM;
  if (row.category === GLUCOSE_SPECIMENS.blood) return null;
  return row.device_type === 'cgm' ? CGM_STREAM : null;
}

export async function loadSamples(client: pg.PoolClient, args: { userId: string; type: HealthType; fromMs: number; toMs: number }): Promise<PipelineSample[]> {
  const { rows } = await client.query<Row>(
    `SELECT s.id::text, s.device_id::text, d.type::text AS device_type, COALESCE(o.priority, d.priority) AS priority,
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
    stream: streamOf(args.type, r),
    deviceId: r.device_id,
    priority: r.priority,
    startMs: Number(r.s),
    endMs: Number(r.e),
    value: r.value,
    category: r.category,
  }));
}
