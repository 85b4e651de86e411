// The one rule for free text from outside (names, notes, search terms, record ids): PostgreSQL's text and
// jsonb cannot hold NUL characters or unpaired UTF-16 surrogates, and neither is ever meant, so both are
// refused at the edge with a 422 naming the field, instead of failing later in the database (a 500) or
// being stored encrypted and breaking whatever reads them back.
import { z } from 'zod';

export const UNSTORABLE_TEXT = 'must not contain NUL characters or unpaired surrogates';

/** True when PostgreSQL can store the string. */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && value.isWellFormed();
}

/** Any free-text string (search terms, record ids); add length rules after it. */
export const storableText = () => z.string().refine(isStorableText, UNSTORABLE_TEXT);

/** A required free-text field: trimmed, 1..max characters, storable. */
export const freeText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`).refine(isStorableText, UNSTORABLE_TEXT);
