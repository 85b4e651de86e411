// GET /ready — readiness: the database answers and every migration is applied. Public, reveals nothing
// beyond pass/fail per check. A draining process (shutting down) is not ready.
import { pool } from '@/lib/db/client';
import { pendingMigrations } from '@/lib/db/migrate';
import { isDraining } from '@/lib/observability/lifecycle';

export const dynamic = 'force-dynamic';

export async function GET() {
  // A process shutting down stops being ready first, so the load balancer sends its work elsewhere.
  if (isDraining()) return Response.json({ status: 'draining' }, { status: 503, headers: { 'Retry-After': '5' } });
  try {
    await pool().query('SELECT 1');
  } catch {
    return Response.json({ status: 'unavailable', checks: { database: 'down' } }, { status: 503, headers: { 'Retry-After': '5' } });
  }
  const pending = await pendingMigrations(pool());
  const migrated = pending.length === 0;
  return Response.json(
    { status: migrated ? 'ready' : 'unavailable', checks: { database: 'up', migrations: migrated ? 'applied' : 'pending' } },
    { status: migrated ? 200 : 503 },
  );
}
