// /metrics and /health/deep over HTTP against the test server (development: no token configured, so
// they answer; production without METRICS_TOKEN answers 404 — lib/observability/ops-access.test.ts).
import { describe, expect, it } from 'vitest';
import { createDevice, createUser } from '@/test/factories';
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
    const text = (await api<string>('/metrics')).body;
    expect(text).toMatch(/samples_ingested_total\{type="RESPIRATORY_RATE",outcome="valid"\} [1-9]/);
    expect(text).toMatch(/samples_ingested_total\{type="RESPIRATORY_RATE",outcome="rejected"\} [1-9]/);
    expect(text).toMatch(/http_request_duration_seconds_count\{route="\/api\/v1\/devices\/\[id\]\/sync",method="POST",status="200"\} [1-9]/);

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
