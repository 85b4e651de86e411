// The small HTML page /share/{code} answers when its link does not open (no app shell: the visitor has
// no session), with the link flow's headers: no referrer, no caching.
import { NextResponse } from 'next/server';
import { LINK_HEADERS } from './grant';
import { LINK_TEXTS, type LinkOutcome } from './link-texts';

export function linkPage(outcome: LinkOutcome, status: number, headers: Record<string, string> = {}): NextResponse {
  const text = LINK_TEXTS[outcome];
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${text.title} · Pulse</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; color: #0f172a">
<main><h1>${text.heading}</h1><p>${text.body}</p></main>
</body></html>`;
  return new NextResponse(html, { status, headers: { ...headers, ...LINK_HEADERS, 'Content-Type': 'text/html; charset=utf-8' } });
}
