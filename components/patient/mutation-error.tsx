'use client';

// An API error in words, with the fields the API named (e.g. "priority: must be at most 1000"). The lead
// is the reader's language; a form may pass `labels` (API field name → its translated label) so the field
// reads as the form names it. The reason stays the API's (English: API messages are the contract).
import { useTranslations } from 'use-intl';
import { ErrorMessage } from '@/components/ui/states';
import { ApiRequestError } from '@/lib/query/api';

export function MutationError({ error, labels }: { error: unknown; labels?: Record<string, string> }) {
  const t = useTranslations('ui');
  const details = error instanceof ApiRequestError && Array.isArray(error.details) ? (error.details as { field?: string; reason?: string }[]) : [];
  const text = details.length > 0 ? details.map((d) => `${(d.field && labels?.[d.field]) ?? d.field}: ${d.reason}`).join('; ') : null;
  return <ErrorMessage error={text ? new Error(t('notSaved', { details: text })) : error} />;
}
