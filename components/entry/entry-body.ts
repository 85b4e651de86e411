// Turns an entry form's fields into the API's request body, catching what the browser can see (empty or
// non-numeric values, a time in the future) before a round trip; the API validates everything again.
import type { CreatedEntry, EntryKind } from '@/lib/data/entries';
import { INSULIN_KIND_LABELS, KIND_LABELS, mealContextLabel } from './entry-options';

export type FieldErrors = Record<string, string>;
export type BuiltEntry = { ok: true; body: Record<string, unknown> } | { ok: false; errors: FieldErrors };

const NUMBERS: Record<EntryKind, string[]> = {
  glucose: ['value'],
  blood_pressure: ['systolic', 'diastolic'],
  weight: ['value'],
  insulin: ['value'],
  carbs: ['value'],
  mood: ['score'],
  symptom: ['severity'],
  medication: [],
  note: [],
};
const REQUIRED_TEXT: Record<EntryKind, string[]> = {
  glucose: ['unit', 'mealContext'],
  blood_pressure: [],
  weight: ['unit'],
  insulin: ['insulinKind'],
  carbs: [],
  mood: [],
  symptom: ['name'],
  medication: ['name'],
  note: ['text'],
};
const OPTIONAL_TEXT: Record<EntryKind, string[]> = {
  glucose: [], blood_pressure: [], weight: [], insulin: [], carbs: [], mood: ['note'], symptom: ['note'], medication: ['dose'], note: [],
};
const CHOICES = new Set(['score', 'severity', 'mealContext', 'unit', 'insulinKind']);

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export function buildEntryBody(kind: EntryKind, form: FormData, nowMs = Date.now()): BuiltEntry {
  const errors: FieldErrors = {};
  const body: Record<string, unknown> = { kind };
  for (const name of NUMBERS[kind]) {
    const raw = text(form, name).replace(',', '.');
    if (raw === '') errors[name] = CHOICES.has(name) ? 'Choose one.' : 'Enter a value.';
    else if (!Number.isFinite(Number(raw))) errors[name] = 'Enter a number.';
    else body[name] = Number(raw);
  }
  for (const name of REQUIRED_TEXT[kind]) {
    const value = text(form, name);
    if (value === '') errors[name] = CHOICES.has(name) ? 'Choose one.' : 'This is required.';
    else body[name] = value;
  }
  for (const name of OPTIONAL_TEXT[kind]) {
    const value = text(form, name);
    if (value !== '') body[name] = value;
  }
  // A datetime-local value has no offset: it is the browser's wall clock, sent as an instant.
  const when = text(form, 'at');
  if (when !== '') {
    const ms = new Date(when).getTime();
    if (Number.isNaN(ms)) errors.at = 'Enter a date and time.';
    else if (ms > nowMs + 60_000) errors.at = 'This is in the future.';
    else body.at = new Date(ms).toISOString();
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body };
}

/** One line saying what was saved, in the units it was entered in. */
export function describeEntry(entry: CreatedEntry): string {
  const label = KIND_LABELS[entry.kind];
  switch (entry.kind) {
    case 'glucose':
      return `${label} ${entry.value} ${entry.unit} (${mealContextLabel(entry.mealContext)?.toLowerCase()})`;
    case 'weight':
      return `${label} ${entry.value} ${entry.unit}`;
    case 'insulin':
      return `${label} ${entry.value} U (${INSULIN_KIND_LABELS[entry.insulinKind].toLowerCase()})`;
    case 'carbs':
      return `${label} ${entry.value} g`;
    case 'blood_pressure':
      return `${label} ${entry.systolic}/${entry.diastolic} mmHg`;
    case 'mood':
      return `${label} ${entry.score} of 5`;
    case 'symptom':
      return `${label}: ${entry.name}, severity ${entry.severity} of 5`;
    case 'medication':
      return `${label}: ${entry.name}${entry.dose ? ` ${entry.dose}` : ''}`;
    case 'note':
      return label;
  }
}
