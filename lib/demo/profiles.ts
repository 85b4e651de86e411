import type { DemoProfile } from './types';

export const DEMO_PROFILES: DemoProfile[] = [
  // Active, type 1 diabetes with a CGM (its meter reads the same trace), resting heart rate creeping up (~+4 count/min over 30 days).
  { seed: 1001, restingHr: 57, stepsPerDay: 10500, weightKg: 71.5, systolic: 117, diastolic: 75, glucoseMgDl: 90, sleepHours: 7.6, rhrTrendPerDay: 0.13, type1Cgm: true },
  // Short, broken sleep and a recent drop in activity over the last 10 days.
  { seed: 2002, restingHr: 66, stepsPerDay: 7800, weightKg: 84.2, systolic: 131, diastolic: 84, glucoseMgDl: 101, sleepHours: 5.5, activityDropDays: 10 },
  // Type 2 diabetes on insulin: high average glucose with occasional lows.
  { seed: 3003, restingHr: 71, stepsPerDay: 5200, weightKg: 96.8, systolic: 138, diastolic: 88, glucoseMgDl: 158, sleepHours: 6.9, glucoseLowEpisodes: true },
];
