// POST /share/exchange { code } — the page of a /share#code link posts the code here once (a fragment
// is never sent by browsers, so the code is in no URL a server or proxy logs). The same exchange as the
// older /share/{code} (open-link.ts): 204 with the grant cookie for /shared; the one 404 for unknown,
// expired, revoked and malformed codes; 429 past the per-address limit; 422 without a code string.
// Only JSON is accepted, which another site cannot send here without a CORS preflight that fails.
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { errorResponse, notFound } from '@/lib/http/errors';
import { readJson } from '@/lib/http/handler';
import { LINK_HEADERS } from '../grant';
import { logLinkRequest, openLink, setGrant } from '../open-link';

const exchangeBody = z.object({ code: z.string({ message: 'must be the code of a share link' }) });

export async function POST(req: NextRequest) {
  const started = performance.now();
  const res = await answer(req);
  for (const [name, value] of Object.entries(LINK_HEADERS)) res.headers.set(name, value);
  logLinkRequest('/share/exchange', 'POST', res.status, started);
  return res;
}

async function answer(req: NextRequest): Promise<NextResponse> {
  try {
    const { code } = exchangeBody.parse((await readJson(req, 1024)).json);
    const share = await openLink(code, req.headers);
    if (!share) throw notFound('link');
    return setGrant(new NextResponse(null, { status: 204 }), share);
  } catch (error) {
    return errorResponse(error);
  }
}
