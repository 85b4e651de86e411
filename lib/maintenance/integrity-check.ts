// The seed runbook's integrity check, set-based: (user, type, local day) with raw samples but no DAY
// aggregate ("missing"), and DAY aggregates with no raw sample that day ("orphaned"). Both are marked
// dirty (consecutive days merged into one range per user and type), so the pipeline recomputes them.
//
// Days are the user's local calendar (profiles.time_zone, UTC without a profile). Sleep types follow
// the pipeline's rule that a session belongs to the day it ends: a sleep sample is judged by the local
// day of its last moment, and its aggregate may sit on that day or the next (the session it joins can
// run past midnight). Other types: a sample's start day always has a DAY row (instants go to the hour
// they start in; sums are split over every hour they cover), and a DAY row needs a sample overlapping
// that day. Months archived to the object store have aggregates but no raw rows, so they are skipped.
import { pool } from '../db/client';
import { HEALTH_TYPE_DEFINITIONS } from '../health';
import { RETENTION } from './retention-policy';
import { yearsBefore } from './month';
import { recordRun, type RunResult } from './run-record';

const SLEEP_TYPES = ['SLEEP_STATE', 'SLEEP_ANALYSIS'];
// Ingest rejects longer samples, so a sample touching a day started at most this long before it.
const MAX_SAMPLE_SECONDS = Math.max(...Object.values(HEALTH_TYPE_DEFINITIONS).map((d) => d.maxDurationSeconds));
const DAY_MS = 86_400_000;

const SQL = `
WITH sample_days AS (
  SELECT DISTINCT s.user_id, s.type,
    ((CASE WHEN s.type::text = ANY($3::text[]) THEN GREATEST(s.end_at - interval '1 millisecond', s.start_at) ELSE s.start_at END)
      AT TIME ZONE COALESCE(p.time_zone, 'UTC'))::date AS day
  FROM health_samples s LEFT JOIN profiles p ON p.user_id = s.user_id
  WHERE s.start_at >= $2 AND s.start_at < $1
), missing AS (
  SELECT d.user_id, d.type, d.day FROM sample_days d
  WHERE NOT EXISTS (
    SELECT 1 FROM health_aggregates a
    WHERE a.user_id = d.user_id AND a.type = d.type AND a.period = 'DAY'
      AND (a.period_start = d.day::timestamp OR (d.type::text = ANY($3::text[]) AND a.period_start = (d.day + 1)::timestamp)))
), day_rows AS (
  SELECT a.user_id, a.type, a.period_start::date AS day, COALESCE(p.time_zone, 'UTC') AS tz
  FROM health_aggregates a LEFT JOIN profiles p ON p.user_id = a.user_id
  WHERE a.period = 'DAY'
    AND a.period_start >= ($2::timestamptz AT TIME ZONE COALESCE(p.time_zone, 'UTC'))::date
    AND a.period_start <= ($1::timestamptz AT TIME ZONE COALESCE(p.time_zone, 'UTC'))::date
), orphaned AS (
  SELECT r.user_id, r.type, r.day FROM day_rows r
  CROSS JOIN LATERAL (SELECT r.day::timestamp AT TIME ZONE r.tz AS day_start, (r.day + 1)::timestamp AT TIME ZONE r.tz AS day_end) b
  WHERE NOT EXISTS (
    SELECT 1 FROM health_samples s
    WHERE s.user_id = r.user_id AND s.type = r.type
      AND s.start_at >= b.day_start - make_interval(secs => $4) AND s.start_at < b.day_end
      AND CASE WHEN r.type::text = ANY($3::text[])
               THEN GREATEST(s.end_at - interval '1 millisecond', s.start_at) >= b.day_start
                    AND GREATEST(s.end_at - interval '1 millisecond', s.start_at) < b.day_end
               ELSE GREATEST(s.end_at, s.start_at + interval '1 millisecond') > b.day_start END)
    AND NOT EXISTS (
      SELECT 1 FROM archives ar
      WHERE ar.user_id = r.user_id AND ar.restored_at IS NULL
        AND (ar.month::timestamp AT TIME ZONE 'UTC') < b.day_end
        AND ((ar.month + interval '1 month') AT TIME ZONE 'UTC') > b.day_start - make_interval(secs => $4))
), pending AS (
  -- Days already waiting in dirty_ranges need no second mark.
  SELECT f.user_id, f.type, f.day FROM (SELECT * FROM missing UNION SELECT * FROM orphaned) f
  WHERE NOT EXISTS (SELECT 1 FROM dirty_ranges d WHERE d.user_id = f.user_id AND d.type = f.type AND f.day BETWEEN d.day_from AND d.day_to)
), islands AS (
  -- Gaps and islands: consecutive days share day - row_number.
  SELECT user_id, type, min(day) AS day_from, max(day) AS day_to
  FROM (SELECT p.*, p.day - (row_number() OVER (PARTITION BY p.user_id, p.type ORDER BY p.day))::int AS grp FROM pending p) g
  GROUP BY user_id, type, grp
), marked AS (
  INSERT INTO dirty_ranges (user_id, type, day_from, day_to) SELECT user_id, type, day_from, day_to FROM islands RETURNING 1
)
SELECT (SELECT count(*) FROM missing)::int AS missing, (SELECT count(*) FROM orphaned)::int AS orphaned,
       (SELECT count(*) FROM marked)::int AS marked`;

/**
 * Checks the last `days` days before `now` (never further back than raw samples are retained, where
 * aggregates outlive their samples by design) and marks what it finds dirty.
 */
export async function runIntegrityCheck({ now, days = 400 }: { now: Date; days?: number }): Promise<RunResult> {
  if (!Number.isInteger(days) || days < 1) throw new Error(`days must be a positive integer, got ${days}`);
  const since = new Date(Math.max(now.getTime() - days * DAY_MS, yearsBefore(now, RETENTION.rawSampleYears).getTime()));
  return recordRun('INTEGRITY', async (counts) => {
    const { rows } = await pool().query<{ missing: number; orphaned: number; marked: number }>(SQL, [
      now,
      since,
      SLEEP_TYPES,
      MAX_SAMPLE_SECONDS,
    ]);
    const result = rows[0] ?? { missing: 0, orphaned: 0, marked: 0 };
    counts.missing = result.missing;
    counts.orphaned = result.orphaned;
    counts.dirty_ranges = result.marked;
  });
}
