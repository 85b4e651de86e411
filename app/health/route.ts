// GET /health — liveness: the process answers. Public, reveals nothing.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ status: 'ok' });
}
