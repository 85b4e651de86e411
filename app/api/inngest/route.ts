// /api/inngest — the Inngest serve endpoint (an Inngest server calls it; requests are signed with
// INNGEST_SIGNING_KEY in production). Without an Inngest server (the in-process mode) nothing calls it
// and it is not served: 404, rather than the SDK refusing every request for lack of a signing key.
import { serve } from 'inngest/next';
import type { NextRequest } from 'next/server';
import { inngest } from '@/inngest/client';
import { functions } from '@/inngest/functions';
import { env } from '@/lib/env';

const handlers = serve({ client: inngest, functions });
type Handler = (req: NextRequest, ctx: unknown) => Promise<Response>;

function whenConfigured(handler: Handler): Handler {
  return (req, ctx) => (env().inngestMode === 'server' ? handler(req, ctx) : Promise.resolve(Response.json({ error: { code: 'NOT_FOUND', message: 'not found' } }, { status: 404 })));
}

export const GET = whenConfigured(handlers.GET as Handler);
export const POST = whenConfigured(handlers.POST as Handler);
export const PUT = whenConfigured(handlers.PUT as Handler);
