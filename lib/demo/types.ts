export type DemoSample = {
  type: string;
  value: number | string;
  unit?: string;
  /** ISO-8601 with offset ('Z'), whole seconds. */
  startDate: string;
  endDate: string;
  clientRecordId?: string;
  metadata?: Record<string, unknown>;
};

export type DemoDeviceKey = 'watch' | 'phone' | 'scale' | 'cuff' | 'glucometer';

export type DemoProfile = {
  seed: number;
  /** Resting heart rate on the first day of the window (count/min). */
  restingHr: number;
  stepsPerDay: number;
  weightKg: number;
  systolic: number;
  diastolic: number;
  /** Typical fasting glucose (mg/dL); above ~125 the patient is treated as diabetic. */
  glucoseMgDl: number;
  sleepHours: number;
  rhrTrendPerDay?: number;
  glucoseLowEpisodes?: boolean;
  /** Type 1 diabetes with a CGM: the meter reads the CGM's trace (lib/demo/cgm-type1.ts) at each finger-stick. */
  type1Cgm?: boolean;
  /** The last N days of the window have much less activity (about 45 % of the usual steps). */
  activityDropDays?: number;
};

export type DemoData = Record<DemoDeviceKey, DemoSample[]>;
