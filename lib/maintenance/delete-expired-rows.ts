// Row-level retention for the tables that are not partitioned. Deletes run in batches so no single
// statement holds locks or writes WAL for millions of rows at once.
import { pool } from '../db/client';
import type { RetentionCutoffs } from './retention-policy';
import type { RunCounts } from './run-record';

const BATCH = 5000;

type Rule = { table: string; cutoff: keyof RetentionCutoffs; sql: string };

// Each statement deletes at most $2 rows older than $1 and returns how many; the SQL is constant text.
const RULES: Rule[] = [
  {
    // period_start is the user's local wall clock; comparing it with the UTC cutoff is off by at most
    // a zone offset, which does not matter at two years.
    table: 'health_aggregates',
    cutoff: 'hourAggregates',
    sql: `WITH doomed AS (SELECT ctid FROM health_aggregates
                          WHERE period = 'HOUR' AND period_start < ($1::timestamptz AT TIME ZONE 'UTC') LIMIT $2)
          DELETE FROM health_aggregates a USING doomed WHERE a.ctid = doomed.ctid`,
  },
  {
    table: 'share_tokens',
    cutoff: 'shareTokens',
    sql: `DELETE FROM share_tokens WHERE id IN (SELECT id FROM share_tokens WHERE expires_at < $1 LIMIT $2)`,
  },
  {
    table: 'idempotency_keys',
    cutoff: 'idempotencyKeys',
    sql: `WITH doomed AS (SELECT device_id, key FROM idempotency_keys WHERE created_at < $1 LIMIT $2)
          DELETE FROM idempotency_keys k USING doomed WHERE k.device_id = doomed.device_id AND k.key = doomed.key`,
  },
  {
    // A session row is dead once its session's absolute lifetime is over, revoked or not.
    table: 'user_sessions',
    cutoff: 'userSessions',
    sql: `DELETE FROM user_sessions WHERE id IN (SELECT id FROM user_sessions WHERE created_at < $1 LIMIT $2)`,
  },
  {
    table: 'account_tokens',
    cutoff: 'accountTokens',
    sql: `DELETE FROM account_tokens WHERE id IN (SELECT id FROM account_tokens WHERE expires_at < $1 LIMIT $2)`,
  },
  {
    // Open invitations go once expired; answered and withdrawn ones a while after that happened.
    table: 'care_invitations',
    cutoff: 'careInvitations',
    sql: `DELETE FROM care_invitations WHERE id IN (SELECT id FROM care_invitations WHERE expires_at < $1 OR decided_at < $1 LIMIT $2)`,
  },
  {
    table: 'job_runs',
    cutoff: 'jobRuns',
    sql: `DELETE FROM job_runs WHERE id IN (SELECT id FROM job_runs WHERE started_at < $1 LIMIT $2)`,
  },
  {
    // Finished durable workflow runs (lib/jobs/workflow-engine.ts), kept as long as the job runs.
    table: 'workflow_runs',
    cutoff: 'jobRuns',
    sql: `DELETE FROM workflow_runs WHERE id IN (SELECT id FROM workflow_runs WHERE finished_at < $1 LIMIT $2)`,
  },
];

async function deleteInBatches(sql: string, cutoff: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await pool().query(sql, [cutoff, BATCH]);
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < BATCH) return total;
  }
}

// Insights by last update; their interactions go with them (deleted here to count them, and the FK
// cascades anyway).
async function deleteExpiredInsights(cutoff: Date): Promise<{ insights: number; interactions: number }> {
  const result = { insights: 0, interactions: 0 };
  for (;;) {
    const { rows } = await pool().query<{ insights: number; interactions: number }>(
      `WITH doomed AS (SELECT id FROM insights WHERE updated_at < $1 LIMIT $2),
            gone_interactions AS (DELETE FROM insight_interactions WHERE insight_id IN (SELECT id FROM doomed) RETURNING 1),
            gone AS (DELETE FROM insights WHERE id IN (SELECT id FROM doomed) RETURNING 1)
       SELECT (SELECT count(*) FROM gone)::int AS insights, (SELECT count(*) FROM gone_interactions)::int AS interactions`,
      [cutoff, BATCH],
    );
    const batch = rows[0] ?? { insights: 0, interactions: 0 };
    result.insights += batch.insights;
    result.interactions += batch.interactions;
    if (batch.insights < BATCH) return result;
  }
}

/** Deletes expired rows table by table, adding rows deleted per table to `counts` as it goes. */
export async function deleteExpiredRows(cutoffs: RetentionCutoffs, counts: RunCounts): Promise<void> {
  for (const rule of RULES) counts[rule.table] = await deleteInBatches(rule.sql, cutoffs[rule.cutoff]);
  const insights = await deleteExpiredInsights(cutoffs.insights);
  counts.insights = insights.insights;
  counts.insight_interactions = insights.interactions;
}
