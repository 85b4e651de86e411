// GET /metrics — Prometheus exposition (see lib/observability/metrics.ts); operators only.
import { metrics } from '@/lib/observability/metrics';
import { opsAllowed, opsNotFound } from '@/lib/observability/ops-access';

export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  if (!opsAllowed(req)) return opsNotFound();
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' } });
}
