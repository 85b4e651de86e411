// Client-side calls to the app's own API (cookie session). Errors carry the API's message.
export class ApiRequestError extends Error {
  constructor(readonly status: number, message: string, readonly details?: unknown) {
    super(message);
  }
}

export async function apiFetch<T>(path: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
  const res = await fetch(path, {
    method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
    headers: init.json === undefined ? undefined : { 'content-type': 'application/json' },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
    credentials: 'same-origin',
  });
  return answerOf<T>(res);
}

/** The JSON of a 2xx answer; any other status throws the API's error (its message and details). */
export async function answerOf<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => null)) as { error?: { message?: string; details?: unknown } } | null;
  if (!res.ok) throw new ApiRequestError(res.status, body?.error?.message ?? `request failed (${res.status})`, body?.error?.details);
  return body as T;
}

/** Server-side prefetch results must look exactly like the API's JSON (dates as strings). */
export function asJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
