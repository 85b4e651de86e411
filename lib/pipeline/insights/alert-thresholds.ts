// Per-patient alert thresholds: the product defaults and the checks for the doctor's settings form.

export type AlertThresholds = { glucoseLowMgDl: number; glucoseHighMgDl: number; systolicHigh: number; diastolicHigh: number };

// 54 mg/dL is level 2 hypoglycaemia (International Hypoglycaemia Study Group, Diabetes Care 2017);
// 180/120 mmHg is a hypertensive crisis (ACC/AHA guideline, Whelton et al., Hypertension 2018);
// 300 mg/dL has no consensus source: a product default well above level 2 hyperglycaemia (> 250).
export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = { glucoseLowMgDl: 54, glucoseHighMgDl: 300, systolicHigh: 180, diastolicHigh: 120 };

// Back in range after an emergency: the consensus target range 70–180 mg/dL (Battelino et al., Diabetes
// Care 2019). A low has recovered at 70 or above (at the patient's low threshold when that is higher), a
// high at 180 or below; a reading between the alert threshold and the target range is neither.
export const GLUCOSE_TARGET_LOW_MGDL = 70;
export const GLUCOSE_TARGET_HIGH_MGDL = 180;

export type ThresholdProblem = { field: keyof AlertThresholds; message: string };

// Plausible bounds: outside them a threshold either alerts on ordinary readings or misses emergencies.
const BOUNDS: Record<keyof AlertThresholds, { min: number; max: number; label: string; unit: string }> = {
  glucoseLowMgDl: { min: 40, max: 100, label: 'Low glucose threshold', unit: 'mg/dL' },
  glucoseHighMgDl: { min: 200, max: 600, label: 'High glucose threshold', unit: 'mg/dL' },
  systolicHigh: { min: 140, max: 250, label: 'Systolic threshold', unit: 'mmHg' },
  diastolicHigh: { min: 90, max: 150, label: 'Diastolic threshold', unit: 'mmHg' },
};

/** Problems with a set of thresholds, for the settings form; empty when they can be saved. Bounds are inclusive. */
export function validateThresholds(t: AlertThresholds): ThresholdProblem[] {
  const problems: ThresholdProblem[] = [];
  for (const field of Object.keys(BOUNDS) as (keyof AlertThresholds)[]) {
    const { min, max, label, unit } = BOUNDS[field];
    const value = t[field];
    if (!Number.isFinite(value)) problems.push({ field, message: `${label} must be a number.` });
    else if (value < min || value > max) problems.push({ field, message: `${label} must be between ${min} and ${max} ${unit}.` });
  }
  if (t.glucoseLowMgDl >= t.glucoseHighMgDl) {
    problems.push({ field: 'glucoseLowMgDl', message: 'Low glucose threshold must be below the high glucose threshold.' });
  }
  if (t.diastolicHigh >= t.systolicHigh) {
    problems.push({ field: 'diastolicHigh', message: 'Diastolic threshold must be below the systolic threshold.' });
  }
  return problems;
}
