// The value lists of the entry forms (their labels are messages: `entry.kinds.*`, `entry.mealContexts.*`,
// …). The value lists come from the API's schema as types only (no server code in the browser bundle); a
// Record over each union makes the compiler catch a value added on one side only.
import type { EntryKind, ManualInsulinKind, MealContext, TEXT_LIMITS } from '@/lib/data/entries';

const KIND_SET: Record<EntryKind, true> = {
  glucose: true,
  blood_pressure: true,
  weight: true,
  mood: true,
  symptom: true,
  medication: true,
  // After the kinds everyone uses (the entry e2e walks them in this order with the arrow keys).
  insulin: true,
  carbs: true,
  note: true,
};
export const KINDS = Object.keys(KIND_SET) as EntryKind[];

const MEAL_CONTEXT_SET: Record<MealContext, true> = {
  fasting: true,
  before_breakfast: true,
  after_breakfast: true,
  before_lunch: true,
  after_lunch: true,
  before_dinner: true,
  after_dinner: true,
  bedtime: true,
  random: true,
};
export const MEAL_CONTEXTS = Object.keys(MEAL_CONTEXT_SET) as MealContext[];

const INSULIN_KIND_SET: Record<ManualInsulinKind, true> = { bolus: true, correction: true, basal: true };
export const MANUAL_INSULIN_KINDS = Object.keys(INSULIN_KIND_SET) as ManualInsulinKind[];

/** The 1–5 scales' message keys (`entry.moods.*`, `entry.severities.*`), 1 first. */
export const MOOD_KEYS = ['veryLow', 'low', 'okay', 'good', 'veryGood'] as const;
export const SEVERITY_KEYS = ['veryMild', 'mild', 'moderate', 'severe', 'verySevere'] as const;

/** The API's limits (typed against TEXT_LIMITS, so they cannot drift); the server enforces them either way. */
export const TEXT_MAX: typeof TEXT_LIMITS = { name: 100, dose: 100, note: 1000, text: 2000 };

export const isMealContext = (value: string | null): value is MealContext => value !== null && value in MEAL_CONTEXT_SET;
