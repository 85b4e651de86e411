// GET /health — liveness: the process answers, with the version and commit it was built from (both
// inlined at build time by next.config.ts `env`, so nothing is read or run per request). Public, reveals
// nothing else.
export const dynamic = 'force-dynamic';

const BODY = { status: 'ok', version: process.env.PULSE_BUILD_VERSION ?? 'unknown', commit: process.env.PULSE_BUILD_COMMIT ?? 'unknown' };

export function GET() {
  return Response.json(BODY);
}
