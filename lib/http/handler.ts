// Route handler plumbing: awaits Next 16's promised params, maps every thrown error to the one error
// shape, writes the request's audit row (lib/audit), logs one JSON line and records the latency of each
// request under its request id (kept from X-Request-Id when sane, answered in X-Request-Id), puts the
// security headers on every answer, counts it in flight for graceful shutdown, and reads JSON bodies
// with a size cap and clear errors.
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { NextRequest } from 'next/server';
import { recordListRead, withAuditContext } from '../audit/context';
import { needsAudit, noteRouteSubject, recordRequestAudit, routeTemplate } from '../audit/request';
import { isParamSubject, otherParams, patientsShown, resolveSubject, type AuditSubject, type ResolvedSubject } from '../audit/subjects';
import { trackRequest } from '../observability/lifecycle';
import { log, requestLogger } from '../observability/log';
import { metrics } from '../observability/metrics';
import { env } from '../env';
import { createNonce, isConditionalRead, securityHeaders } from '../security/headers';
import { ApiError, errorResponse } from './errors';

const REQUEST_ID = /^[\w.-]{8,64}$/;

type Context<P> = { params: Promise<P> };

const isRead = (method: string) => method === 'GET' || method === 'HEAD';

/**
 * `subject` is what the route acts on, for its audit row (lib/audit/subjects.ts): a record named by a
 * URL param (`{ kind: 'emergency', param: 'id' }`: the param's name is checked by the compiler), the
 * record it creates, the caller, or nobody. Its patient is looked up from the record, so a refused
 * attempt still records whose data it aimed at; a GET of a record of someone else's is audited too.
 */
export function route<P = Record<never, never>>(subject: AuditSubject<NoInfer<P>>, fn: (req: NextRequest, params: P) => Promise<Response>) {
  return (req: NextRequest, ctx: Context<P>): Promise<Response> =>
    trackRequest(async () => {
      const started = performance.now();
      const given = req.headers.get('x-request-id');
      const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
      let template = req.nextUrl.pathname;
      const response = await withAuditContext(async (audit) => {
        let params: P | undefined;
        let response: Response;
        try {
          params = await ctx?.params;
          template = routeTemplate(req.nextUrl.pathname, params ?? {});
          noteRouteSubject(params ?? {}, audit); // routes without dynamic segments have no params
          response = await fn(req, params);
        } catch (error) {
          response = errorResponse(error, requestId);
        }
        const values: Record<string, unknown> = params ?? {};
        const always = typeof subject === 'object' && 'always' in subject;
        try {
          let resolved: ResolvedSubject | undefined;
          if (typeof subject === 'object' && 'list' in subject) {
            const shown = await patientsShown(response, audit.actorUserId);
            if (shown.length > 0 && audit.actorUserId) {
              audit.readsOtherPerson = true;
              await recordListRead(subject.list, shown, audit.actorUserId); // before the answer leaves
            }
          }
          if (isRead(req.method) && isParamSubject(subject)) {
            resolved = await resolveSubject(subject, { params: values, actorUserId: audit.actorUserId, actorDeviceId: audit.actorDeviceId });
            if (resolved.patientId !== null && resolved.patientId !== audit.actorUserId) audit.readsOtherPerson = true;
          }
          if (!always && !needsAudit(req.method, audit, response.status)) return response;
          resolved ??= await resolveSubject(subject, { params: values, actorUserId: audit.actorUserId, actorDeviceId: audit.actorDeviceId, response });
          await recordRequestAudit(req, response, audit, { params: values, subject: resolved, tried: otherParams(subject, values) });
        } catch (error) {
          requestLogger(requestId).error({ err: error instanceof Error ? error.name : typeof error }, 'audit write failed');
          // Another person's data (or a record whose owner could not be looked up, or a download that
          // is always audited) is not released unaudited; a write that already committed keeps its answer.
          if (audit.readsOtherPerson || always || (isRead(req.method) && isParamSubject(subject))) return errorResponse(new ApiError('SERVICE_UNAVAILABLE', 'audit log unavailable, retry later', undefined, { 'Retry-After': '5' }), requestId);
        }
        return response;
      });
      const seconds = (performance.now() - started) / 1000;
      metrics().httpDuration.observe({ route: template, method: req.method, status: String(response.status) }, seconds);
      // The same line as requestLogger(requestId) writes, without a child logger per request.
      log.info({ requestId, method: req.method, route: template, status: response.status, ms: Math.round(seconds * 1000) }, 'request');
      try {
        // proxy.ts sets the same headers, and its values win where it runs; this covers the paths it
        // skips (import uploads, which must stream past it).
        const security = securityHeaders({ nonce: createNonce(), production: env().isProduction, path: req.nextUrl.pathname });
        for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
        if (isConditionalRead(req.nextUrl.pathname) && !response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'no-store');
        response.headers.set('X-Request-Id', requestId);
      } catch {
        // an immutable response (a redirect from the platform): the log line still carries the id
      }
      return response;
    });
}

export type ReadJsonOptions = {
  /** Accept `Content-Encoding: gzip`, inflated to at most this many bytes (413 past it). */
  gzipInflatedMax?: number;
  /** Accept `text/plain` too (Nightscout clients send JSON under it). */
  textPlain?: boolean;
};

/** The body's bytes, 413 with `tooLarge` as soon as the stream passes maxBytes (the reader is cancelled). */
export async function readBodyCapped(req: NextRequest | Request, maxBytes: number, tooLarge: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new ApiError('PAYLOAD_TOO_LARGE', tooLarge);
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

/**
 * Reads the body as JSON: 415 unless JSON (or another encoding than the options allow), 413 past
 * maxBytes (checked while streaming, and again while inflating, so a small compressed body cannot
 * inflate past its cap), 400 if malformed.
 */
export async function readJson(req: NextRequest | Request, maxBytes: number, options: ReadJsonOptions = {}): Promise<{ text: string; json: unknown }> {
  const type = req.headers.get('content-type') ?? '';
  const types = options.textPlain ? /^(application\/(.+\+)?json|text\/plain)\s*(;|$)/i : /^application\/(.+\+)?json\s*(;|$)/i;
  if (!types.test(type)) throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json');
  const encoding = (req.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  const gzip = encoding === 'gzip' && options.gzipInflatedMax !== undefined;
  if (encoding !== 'identity' && !gzip) {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', options.gzipInflatedMax === undefined ? 'Content-Encoding is not supported' : 'Content-Encoding must be gzip or absent');
  }
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw new ApiError('PAYLOAD_TOO_LARGE', `body exceeds ${maxBytes} bytes`);
  let bytes = await readBodyCapped(req, maxBytes, `body exceeds ${maxBytes} bytes`);
  if (gzip) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: options.gzipInflatedMax });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ApiError('PAYLOAD_TOO_LARGE', `body inflates past ${options.gzipInflatedMax} bytes`);
      }
      throw new ApiError('BAD_REQUEST', 'malformed gzip body');
    }
  }
  const text = bytes.toString('utf8');
  try {
    return { text, json: JSON.parse(text) };
  } catch (error) {
    throw new ApiError('BAD_REQUEST', `malformed JSON: ${(error as Error).message}`);
  }
}
