// The query names of health_pipeline_db_query_duration_seconds: statement and main table, never a value.
import { describe, expect, it } from 'vitest';
import { sqlQueryName } from './db-timing';

describe('sqlQueryName', () => {
  it.each([
    ['SELECT count(*) AS ranges, min(marked_at) AS oldest FROM dirty_ranges', 'select dirty_ranges'],
    ['  -- why\n  INSERT INTO "health_samples" (user_id) VALUES ($1)', 'insert health_samples'],
    ['UPDATE workflow_runs SET status = $1 WHERE id = $2', 'update workflow_runs'],
    ['DELETE FROM health_samples_2026_11 WHERE user_id = $1', 'delete health_samples'],
    ['SELECT a FROM public.users WHERE id = $1', 'select users'],
    ['SELECT * FROM (SELECT 1) s', 'select subquery'],
    ['WITH gone AS (DELETE FROM x RETURNING 1) SELECT count(*) FROM gone', 'with'],
    ['BEGIN', 'begin'],
    ['SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', 'select'],
  ])('%j → %s', (sql, name) => {
    expect(sqlQueryName(sql)).toBe(name);
  });

  it('keeps values in the SQL text out of the name', () => {
    expect(sqlQueryName("SELECT 1 FROM users WHERE email_index = 'abc@example.test'")).toBe('select users');
    expect(sqlQueryName("DELETE FROM users WHERE id = '5f0c8f3e-1111-4222-8333-444455556666'")).toBe('delete users');
  });
});
