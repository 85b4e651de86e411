// Who may read the operational endpoints (/metrics, /health/deep): a caller presenting
// `Authorization: Bearer $METRICS_TOKEN`; with no token configured, anyone outside production and
// nobody in production. They expose counts and timings only, never a person's data.
import { timingSafeEqual } from 'node:crypto';
import { env } from '../env';

export function opsAllowed(req: Request): boolean {
  const { metricsToken, isProduction } = env();
  if (!metricsToken) return !isProduction;
  const given = Buffer.from(req.headers.get('authorization') ?? '');
  const expected = Buffer.from(`Bearer ${metricsToken}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function opsNotFound(): Response {
  return Response.json({ error: { code: 'NOT_FOUND', message: 'not found' } }, { status: 404 });
}
