// Turns an entry form's fields into the API's request body, catching what the browser can see (empty or
// non-numeric values, a time in the future) before a round trip; the API validates everything again.
// A field's problem is a message key (`entry.errors.*`): the form says it in the reader's language.
import type { EntryFields, EntryKind } from '@/lib/data/entries';
import { numberLocale } from '@/lib/format/health';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import type { MealTypeName } from '@/lib/pipeline/meal-patterns';
import { isMealContext } from './entry-options';

export type FieldErrors = Record<string, string>;
export type EntryErrorKey = 'chooseOne' | 'enterValue' | 'enterNumber' | 'required' | 'enterDateTime' | 'inFuture';
export type BuiltEntry = { ok: true; body: Record<string, unknown> } | { ok: false; errors: Record<string, EntryErrorKey> };

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
  const errors: Record<string, EntryErrorKey> = {};
  const body: Record<string, unknown> = { kind };
  for (const name of NUMBERS[kind]) {
    const raw = text(form, name).replace(',', '.');
    if (raw === '') errors[name] = CHOICES.has(name) ? 'chooseOne' : 'enterValue';
    else if (!Number.isFinite(Number(raw))) errors[name] = 'enterNumber';
    else body[name] = Number(raw);
  }
  for (const name of REQUIRED_TEXT[kind]) {
    const value = text(form, name);
    if (value === '') errors[name] = CHOICES.has(name) ? 'chooseOne' : 'required';
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
    if (Number.isNaN(ms)) errors.at = 'enterDateTime';
    else if (ms > nowMs + 60_000) errors.at = 'inFuture';
    else body.at = new Date(ms).toISOString();
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body };
}

// Numbers as the reader writes them (Bengali and Marathi in their own digits), not ICU's default.
const numberIn = (locale: Locale, value: number) => value.toLocaleString(numberLocale(locale), { maximumFractionDigits: 3 });

/** What describeEntry reads: a saved entry, or the body of one still waiting to be sent (lib/offline). */
type WithoutDerived<F> = F extends unknown ? Omit<F, 'canonical' | 'status'> : never;
export type EntryDescription = WithoutDerived<EntryFields>;

/** One line saying what was saved, in the units it was entered in, in the reader's language. */
export function describeEntry(entry: EntryDescription, locale: Locale = 'en'): string {
  const t = translator(locale, 'entry');
  const num = (value: number) => numberIn(locale, value);
  const label = t(`kinds.${entry.kind}`);
  switch (entry.kind) {
    case 'glucose':
      return t('describe.glucose', { label, value: num(entry.value), unit: entry.unit, context: isMealContext(entry.mealContext) ? t(`mealContexts.${entry.mealContext}`).toLocaleLowerCase(locale) : '—' });
    case 'weight':
      return t('describe.weight', { label, value: num(entry.value), unit: entry.unit });
    case 'insulin':
      return t('describe.insulin', { label, value: num(entry.value), kind: t(`insulinKinds.${entry.insulinKind}`).toLocaleLowerCase(locale) });
    case 'carbs':
      return t('describe.carbs', { label, value: num(entry.value) });
    case 'blood_pressure':
      return t('describe.bloodPressure', { label, systolic: num(entry.systolic), diastolic: num(entry.diastolic) });
    case 'mood':
      return t('describe.mood', { label, score: num(entry.score) });
    case 'symptom':
      return t('describe.symptom', { label, name: entry.name, severity: num(entry.severity) });
    case 'medication':
      return entry.dose ? t('describe.medicationDose', { label, name: entry.name, dose: entry.dose }) : t('describe.medication', { label, name: entry.name });
    case 'note':
      return label;
  }
}

/** One line for a meal (saved, or its body still waiting to be sent): its type, and its carbohydrates when given. */
export function describeMeal(meal: { mealType: MealTypeName; carbsGrams?: number | null }, locale: Locale = 'en'): string {
  const t = translator(locale, 'entry');
  const type = t(`meal.types.${meal.mealType}`);
  return typeof meal.carbsGrams === 'number' ? t('meal.describe', { type, carbs: numberIn(locale, meal.carbsGrams) }) : type;
}
