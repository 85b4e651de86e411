// Conditional reads of complete periods (aggregates, the day summary): an answer whose days are over
// and on which the pipeline has nothing pending carries a strong ETag, the hash of its exact body, so a
// client asking again with If-None-Match gets 304 without the body. The hash changes whenever the
// answer does (a correction or a late sync recomputes an aggregate), whatever changed it. Health data:
// `private` (never a shared cache) and `no-cache` (a late sync can still change a past day, so a stored
// copy is always revalidated). Everything else is `no-store`, like every other API answer.
import { createHash } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';

export const REVALIDATED = 'private, no-cache';
export const NOT_STORED = 'no-store';

export function entityTag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/** If-None-Match compares weakly (RFC 9110 §13.1.2): W/ is ignored, and `*` matches any answer. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * The answer as JSON. Only a complete one has an ETag, and answers 304 to a matching If-None-Match;
 * the caller has already been authorized (and the read is audited by route()) before this runs.
 */
export function conditionalJson(req: NextRequest, value: unknown, complete: boolean): Response {
  if (!complete) return NextResponse.json(value, { headers: { 'Cache-Control': NOT_STORED } });
  const body = JSON.stringify(value);
  const headers = { ETag: entityTag(body), 'Cache-Control': REVALIDATED };
  if (matchesIfNoneMatch(req.headers.get('if-none-match'), headers.ETag)) return new NextResponse(null, { status: 304, headers });
  return new NextResponse(body, { status: 200, headers: { ...headers, 'Content-Type': 'application/json' } });
}
