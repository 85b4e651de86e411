// When to try again: Retry-After as the server says (seconds or an HTTP date), else exponential backoff
// with full jitter (a random wait up to the exponential bound, so many devices do not retry together).

export type BackoffOptions = { baseMs?: number; maxMs?: number };

export function backoffDelay(attempt: number, random: () => number, opts: BackoffOptions = {}): number {
  const base = opts.baseMs ?? 500;
  const max = opts.maxMs ?? 60_000;
  const bound = Math.min(max, base * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * bound);
}

/** Milliseconds to wait from a Retry-After header, or null when there is none or it cannot be read. */
export function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/** A wait that ends early, rejecting, when the signal aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
