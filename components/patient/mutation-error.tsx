// An API error in words, with the fields the API named (e.g. "priority: must be at most 1000").
import { ErrorMessage } from '@/components/ui/states';
import { ApiRequestError } from '@/lib/query/api';

export function MutationError({ error }: { error: unknown }) {
  const details = error instanceof ApiRequestError && Array.isArray(error.details) ? (error.details as { field?: string; reason?: string }[]) : [];
  const text = details.length > 0 ? details.map((d) => `${d.field}: ${d.reason}`).join('; ') : null;
  return <ErrorMessage error={text ? new Error(`Not saved — ${text}.`) : error} />;
}
