// The small HTML page /share/{code} answers when its link does not open (no app shell: the visitor has
// no session), with the link flow's headers: no referrer, no caching. In the visitor's language.
import { NextResponse } from 'next/server';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { LINK_HEADERS } from './grant';
import type { LinkOutcome } from './link-texts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function linkPage(outcome: LinkOutcome, status: number, locale: Locale, headers: Record<string, string> = {}): NextResponse {
  const t = translator(locale, 'sharing');
  const [title, heading, body] = (['title', 'heading', 'body'] as const).map((part) => escapeHtml(t(`outcomes.${outcome}.${part}`)));
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Pulse</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; color: #0f172a">
<main><h1>${heading}</h1><p>${body}</p></main>
</body></html>`;
  return new NextResponse(html, { status, headers: { ...headers, ...LINK_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Language': locale } });
}
