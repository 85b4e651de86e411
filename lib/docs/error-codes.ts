// Every API error code with its HTTP status (from lib/http/errors.ts itself) and what an integrator should
// do about it, for the integrator guide (/developers). A new code fails to compile here until it is
// explained.
import { ApiError, type ErrorCode } from '../http/errors';
import { MAX_BODY_BYTES, MAX_SAMPLES } from '../ingest/sync-batch';

type Meaning = { when: string; action: string };

const MEANINGS: Record<ErrorCode, Meaning> = {
  BAD_REQUEST: { when: 'Malformed JSON or gzip, or an Idempotency-Key that is not 1–255 visible ASCII characters.', action: 'Fix the request.' },
  UNAUTHORIZED: {
    when: 'No session or device token, or the token is unknown or revoked (the device was revoked, or its owner’s account disabled).',
    action: 'Do not retry: the patient registers the device again.',
  },
  FORBIDDEN: { when: 'Signed in with a role that may not do this (only patients register devices), or a cross-site request carrying the session cookie.', action: 'Do not retry.' },
  TWO_FACTOR_ENROLMENT_REQUIRED: { when: 'A doctor or administrator who has not set up two-factor sign-in yet (details.enrolAt names the page).', action: 'Enrol, then retry.' },
  NOT_FOUND: { when: 'The record does not exist or is not the caller’s, e.g. a device id that is not the token’s device.', action: 'Check the id.' },
  CONFLICT: { when: 'The record is not in a state that allows this (a stopped medication, a delivery that did not fail).', action: 'Read the record again.' },
  PAYLOAD_TOO_LARGE: { when: `The body is over the route’s cap (sync: ${MAX_BODY_BYTES / 1024 / 1024} MiB or ${MAX_SAMPLES.toLocaleString('en')} samples).`, action: 'Send smaller batches.' },
  UNSUPPORTED_MEDIA_TYPE: { when: 'Content-Type is not application/json, or a Content-Encoding the route does not take.', action: 'Send JSON with its Content-Type.' },
  VALIDATION_ERROR: {
    when: 'The input breaks a rule: details lists each field and why. On a sync, every sample was rejected (rejected lists them).',
    action: 'Fix the fields named; nothing was stored.',
  },
  IDEMPOTENCY_KEY_REUSED: { when: 'This device used the Idempotency-Key before with a different body.', action: 'Use a new key for a new body.' },
  RATE_LIMITED: { when: 'Too many requests in the current window.', action: 'Wait Retry-After seconds, then send the same request again.' },
  SERVICE_UNAVAILABLE: { when: 'The database (or the audit log) is unavailable for a moment; nothing was committed.', action: 'Wait Retry-After seconds, then send the same request again.' },
  PUSH_NOT_CONFIGURED: { when: 'Web Push is off on this server (no VAPID keys in production).', action: 'Do not retry.' },
  INTERNAL: { when: 'An unexpected failure; the answer carries no detail.', action: 'Retry with backoff; report the X-Request-Id if it persists.' },
};

export type ErrorCodeRow = { code: ErrorCode; status: number } & Meaning;

export function errorCodeRows(): ErrorCodeRow[] {
  return (Object.entries(MEANINGS) as [ErrorCode, Meaning][]).map(([code, meaning]) => ({ code, status: new ApiError(code, '').status, ...meaning }));
}
