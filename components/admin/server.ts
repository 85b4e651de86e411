// Server-side helpers of the admin pages: the filters read from the URL.
import type { z } from 'zod';
import { setFilters, type Filters } from './queries';

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The list filters of a page URL, as the form holds them and as the data layer takes them. A hand-edited
 * URL outside the allowlists falls back to no filters rather than an error page.
 */
export function readFilters<S extends z.ZodType>(raw: SearchParams, keys: readonly string[], schema: S): { form: Filters; query: z.output<S> } {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));
  const form = Object.fromEntries(keys.map((key) => [key, first(raw[key])]));
  const parsed = schema.safeParse(setFilters(form));
  if (parsed.success) return { form, query: parsed.data };
  return { form: Object.fromEntries(keys.map((key) => [key, ''])), query: schema.parse({}) };
}
