// /metrics and /health/deep over HTTP against the test server (development: no token configured, so
// they answer; production without METRICS_TOKEN answers 404 — lib/observability/ops-access.test.ts).
import { describe, expect, it } from 'vitest';
import { createDevice, createUser } from '@/test/factories';
import { api } from '@/test/http';

describe('operational endpoints', () => {
  it('GET /metrics exposes request latency, ingest, query time, pipeline and pool metrics, all named health_pipeline_*', async () => {
    await api('/health');
    const res = await api<string>('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = res.body;
    for (const name of ['http_request_duration_seconds', 'samples_ingested_total', 'sync_duration_seconds', 'db_query_duration_seconds', 'dirty_ranges', 'lag_seconds', 'db_pool_connections', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds']) {
      expect(text).toContain(`# TYPE health_pipeline_${name} `);
    }
    // Every metric carries the prefix, the default process metrics included.
    const types = text.split('\n').filter((line) => line.startsWith('# TYPE '));
    expect(types.length).toBeGreaterThan(10);
    expect(types.filter((line) => !line.startsWith('# TYPE health_pipeline_'))).toEqual([]);
  });

  it('a sync is counted by type and outcome, and every API answer carries its request id', async () => {
    const user = await createUser();
    const device = await createDevice(user.id, 'watch');
    const sync = await api(`/api/v1/devices/${device.id}/sync`, {
      token: device.token,
      json: {
        samples: [
          { type: 'RESPIRATORY_RATE', value: 15, unit: 'count/min', startDate: '2026-11-20T08:00:00Z', endDate: '2026-11-20T08:00:00Z' },
          { type: 'RESPIRATORY_RATE', value: 9000, unit: 'count/min', startDate: '2026-11-20T08:05:00Z', endDate: '2026-11-20T08:05:00Z' },
        ],
      },
    });
    expect(sync.status).toBe(200);
    await api('/metrics'); // its backlog query is timed, and shows in the next scrape
    const text = (await api<string>('/metrics')).body;
    expect(text).toMatch(/^health_pipeline_samples_ingested_total\{type="RESPIRATORY_RATE",outcome="valid"\} [1-9]/m);
    expect(text).toMatch(/^health_pipeline_samples_ingested_total\{type="RESPIRATORY_RATE",outcome="rejected"\} [1-9]/m);
    expect(text).toMatch(/^health_pipeline_http_request_duration_seconds_count\{route="\/api\/v1\/devices\/\[id\]\/sync",method="POST",status="200"\} [1-9]/m);
    // Query time by name: Prisma operations as model.operation, raw pg queries (the scrape's own backlog
    // query among them) as statement and table; never a value or an id.
    expect(text).toMatch(/^health_pipeline_db_query_duration_seconds_count\{query="[A-Z]\w+\.\w+"\} [1-9]/m);
    expect(text).toMatch(/^health_pipeline_db_query_duration_seconds_count\{query="select dirty_ranges"\} [1-9]/m);
    const queryNames = [...text.matchAll(/^health_pipeline_db_query_duration_seconds_count\{query="([^"]*)"\}/gm)].map((m) => m[1]!);
    expect(queryNames.filter((name) => name.includes(user.id) || name.includes(device.id) || /\d{3}/.test(name))).toEqual([]);

    const mine = await api('/api/v1/users/me', { headers: { 'x-request-id': 'trace-0123456789' } });
    expect(mine.headers.get('x-request-id')).toBe('trace-0123456789');
    const generated = await api('/api/v1/users/me', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
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
