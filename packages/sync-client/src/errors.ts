// The one error type the client throws and reports: `retryable` errors are retried by the client itself
// (they only appear in 'error' events); the others stop the sync and leave every sample queued.

export type SyncErrorKind = 'network' | 'http' | 'decrypt' | 'store' | 'stopped';

export class SyncError extends Error {
  readonly kind: SyncErrorKind;
  readonly retryable: boolean;
  /** HTTP status and the server's error code, for kind 'http'. */
  readonly status?: number;
  readonly code?: string;

  constructor(kind: SyncErrorKind, message: string, opts: { retryable?: boolean; status?: number; code?: string; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'SyncError';
    this.kind = kind;
    this.retryable = opts.retryable ?? false;
    this.status = opts.status;
    this.code = opts.code;
  }
}
