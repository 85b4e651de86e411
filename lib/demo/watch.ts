import type { DayPlan } from './plan';
import type { Timeline } from './timeline';
import type { DemoProfile, DemoSample } from './types';
import { watchActiveEnergy, watchSteps, watchWorkouts } from './watch-activity';
import { watchHeartRate, watchRestingHeartRate } from './watch-heart';
import { watchOxygen, watchSleep } from './watch-sleep';

export function watchSamples(profile: DemoProfile, plans: readonly DayPlan[], tl: Timeline): DemoSample[] {
  return [
    ...watchSteps(plans, tl),
    ...watchHeartRate(profile, plans, tl),
    ...watchRestingHeartRate(profile, plans),
    ...watchSleep(profile, plans),
    ...watchOxygen(profile, plans),
    ...watchWorkouts(profile, plans, tl),
    ...watchActiveEnergy(profile, plans, tl),
  ];
}
