// /metrics and /health/deep over HTTP against the test server (development: no token configured, so
// they answer; production without METRICS_TOKEN answers 404 — lib/observability/ops-access.test.ts).
import { describe, expect, it } from 'vitest';
import { api } from '@/test/http';

describe('operational endpoints', () => {
  it('GET /metrics exposes request latency, ingest, pipeline and pool metrics', async () => {
    await api('/health');
    const res = await api<string>('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = res.body;
    for (const name of ['http_request_duration_seconds', 'samples_ingested_total', 'sync_duration_seconds', 'pipeline_dirty_ranges', 'pipeline_lag_seconds', 'db_pool_connections', 'process_resident_memory_bytes']) {
      expect(text).toContain(`# TYPE ${name}`);
    }
  });

  it('GET /health/deep reports each dependency', async () => {
    const res = await api('/health/deep');
    expect(res.status).toBe(200);
    const body = res.body as { status: string; checks: Record<string, { status: string } | undefined> };
    expect(['ok', 'degraded']).toContain(body.status);
    expect(body.checks.database?.status).toBe('up');
    expect(body.checks.migrations?.status).toBe('applied');
    expect(body.checks.process?.status).toBe('serving');
    expect(body.checks.pipeline).toBeDefined();
  });
});
