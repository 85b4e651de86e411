// API v3 answers in its own envelope, not in our `{ error }` shape: `{ status, result }` for data,
// `{ status, ...fields }` for writes, `{ status, message }` for refusals (cgm-remote-monitor
// lib/api3/shared/operationTools.js sendJSON / sendJSONStatus). The HTTP status and the body's
// `status` are always the same number. Every refusal of ours, the authentication's 401/403/429
// included, is turned into that shape here, with its headers (Retry-After) kept.
import { NextResponse } from 'next/server';
import { ApiError, errorResponse } from '../../http/errors';

/** The original's messages (lib/api3/const.json): clients compare them as text. */
export const MESSAGES = {
  badLastModified: 'Bad or missing Last-Modified header/parameter',
  badLimit: 'Parameter limit out of tolerance',
  badBody: 'Bad or missing request body',
  badIdentifier: 'Bad or missing identifier field',
  badDate: 'Bad or missing date field',
  badUtcOffset: 'Bad or missing utcOffset field',
  badApp: 'Bad or missing app field',
  badSkip: 'Parameter skip out of tolerance',
  sortAndSortDesc: 'Parameters sort and sort_desc cannot be combined',
  unsupportedOperator: (op: string) => `Unsupported filter operator ${op}`,
  immutableField: (field: string) => `Field ${field} cannot be modified by the client`,
  missingPermission: (permission: string) => `Missing permission ${permission}`,
  badOperation: 'Bad operation or collection',
  readOnly: 'Trying to modify read-only document',
  missingToken: 'Missing or bad access token or JWT',
} as const;

/** A refusal in API v3's terms: the status, and the message when the original sends one. */
export class V3Refusal extends Error {
  constructor(
    readonly status: number,
    message = '',
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** `{ status, ...fields }` with that HTTP status. */
export function v3Json(status: number, fields: Record<string, unknown> = {}, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json({ status, ...fields }, { status, headers });
}

/** A document or a list of them: `{ status: 200, result }`. */
export const v3Result = (result: unknown, headers: Record<string, string> = {}) => v3Json(200, { result }, headers);

/** Any error as API v3 answers it; unexpected errors are logged (errorResponse) and answered without detail. */
export async function v3ErrorResponse(error: unknown): Promise<NextResponse> {
  if (error instanceof V3Refusal) return v3Json(error.status, error.message ? { message: error.message } : {}, error.headers);
  if (error instanceof ApiError) return v3Json(error.status, { message: v3MessageOf(error) }, error.headers);
  const ours = errorResponse(error);
  const body = (await ours.json()) as { error: { message: string } };
  const headers: Record<string, string> = {};
  const retryAfter = ours.headers.get('retry-after');
  if (retryAfter) headers['Retry-After'] = retryAfter;
  return v3Json(ours.status, { message: body.error.message }, headers);
}

// The authentication's refusals read as the original's, which AndroidAPS answers by fetching a new token.
function v3MessageOf(error: ApiError): string {
  if (error.code === 'UNAUTHORIZED') return MESSAGES.missingToken;
  return error.message;
}
