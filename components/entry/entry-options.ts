// Labels for the entry forms. The value lists come from the API's schema as types only (no server code in
// the browser bundle); a Record over each union makes the compiler catch a value added on one side only.
import type { EntryKind, ManualInsulinKind, MealContext, TEXT_LIMITS } from '@/lib/data/entries';

export const KIND_LABELS: Record<EntryKind, string> = {
  glucose: 'Blood glucose',
  blood_pressure: 'Blood pressure',
  weight: 'Weight',
  mood: 'Mood',
  symptom: 'Symptom',
  medication: 'Medication taken',
  // After the kinds everyone uses (the entry e2e walks them in this order with the arrow keys).
  insulin: 'Insulin',
  carbs: 'Carbohydrates',
  note: 'Note',
};
export const KINDS = Object.keys(KIND_LABELS) as EntryKind[];

export const MEAL_CONTEXT_LABELS: Record<MealContext, string> = {
  fasting: 'Fasting',
  before_breakfast: 'Before breakfast',
  after_breakfast: 'After breakfast',
  before_lunch: 'Before lunch',
  after_lunch: 'After lunch',
  before_dinner: 'Before dinner',
  after_dinner: 'After dinner',
  bedtime: 'Bedtime',
  random: 'Any other time',
};
export const MEAL_CONTEXTS = Object.keys(MEAL_CONTEXT_LABELS) as MealContext[];

export const INSULIN_KIND_LABELS: Record<ManualInsulinKind, string> = {
  bolus: 'Meal bolus',
  correction: 'Correction',
  basal: 'Basal (long-acting)',
};
export const MANUAL_INSULIN_KINDS = Object.keys(INSULIN_KIND_LABELS) as ManualInsulinKind[];

export const MOOD_LABELS = ['Very low', 'Low', 'Okay', 'Good', 'Very good'] as const;
export const SEVERITY_LABELS = ['Very mild', 'Mild', 'Moderate', 'Severe', 'Very severe'] as const;

/** The API's limits (typed against TEXT_LIMITS, so they cannot drift); the server enforces them either way. */
export const TEXT_MAX: typeof TEXT_LIMITS = { name: 100, dose: 100, note: 1000, text: 2000 };

export function mealContextLabel(value: string | null): string | null {
  return value && value in MEAL_CONTEXT_LABELS ? MEAL_CONTEXT_LABELS[value as MealContext] : null;
}
