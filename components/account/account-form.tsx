// The account forms' shared parts: one way to call their API (JSON in; the status, the field errors of
// the API's one error shape as { field: reason }, and Retry-After for a 429), the ?next= rule and styles.
import { useTranslations } from 'use-intl';

export type PostResult = { status: number; body: unknown; fields: Record<string, string>; message: string | null; retryAfter: number | null };

export async function postJson(path: string, json?: unknown): Promise<PostResult> {
  const res = await fetch(path, {
    method: 'POST',
    headers: json === undefined ? {} : { 'content-type': 'application/json' },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const body: unknown = await res.json().catch(() => null);
  const error = (body as { error?: { message?: string; details?: unknown } } | null)?.error;
  const fields: Record<string, string> = {};
  if (Array.isArray(error?.details)) {
    for (const issue of error.details as { field?: string; reason?: string }[]) if (issue.field && issue.reason) fields[issue.field] ??= issue.reason;
  }
  const retry = Number(res.headers.get('retry-after'));
  return { status: res.status, body, fields, message: error?.message ?? null, retryAfter: Number.isFinite(retry) && retry > 0 ? retry : null };
}

/** A sentence for an answer that is neither a success nor a field error. */
export function problemText(result: PostResult): string {
  if (result.status === 429) return `Too many attempts. Try again in ${Math.ceil((result.retryAfter ?? 60) / 60)} minute(s).`;
  return result.message ? `Something went wrong: ${result.message}.` : 'Something went wrong. Try again.';
}

/**
 * problemText in the reader's language (account.*): the server's reason stays English (its codes and
 * messages are the API's contract), under a translated lead.
 */
export function useProblemText(): (result: PostResult) => string {
  const t = useTranslations('account');
  return (result) => {
    if (result.status === 429) return t('tooManyAttempts', { minutes: Math.ceil((result.retryAfter ?? 60) / 60) });
    return result.message ? t('wentWrongReason', { reason: result.message }) : t('wentWrong');
  };
}

export const INPUT_CLASS =
  'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-500';
const SUBMIT_CLASS =
  'w-full rounded-md bg-teal-700 px-4 py-2 font-medium text-white hover:bg-teal-800 disabled:opacity-60 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-500 focus-visible:ring-offset-2';

export function FieldError({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p id={id} className="mt-1 text-sm text-red-700">
      {text}
    </p>
  ) : null;
}

/** The end of an account form: its problem, if any, and the submit button (its label while pending). */
export function FormEnd({ problem, pending, label, pendingLabel }: { problem: string | null; pending: boolean; label: string; pendingLabel: string }) {
  return (
    <>
      {problem && (
        <p role="alert" className="text-sm text-red-700">
          {problem}
        </p>
      )}
      <button type="submit" disabled={pending} className={SUBMIT_CLASS}>
        {pending ? pendingLabel : label}
      </button>
    </>
  );
}
