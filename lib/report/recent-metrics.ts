// The last 14 days' consensus metrics of a patient, for the compact summary on the doctor's patient page
// (the same answer as GET …/glucose/metrics without a period).
import type { ReadScope } from '../data/access';
import { loadPeriodGlucose, metricsAnswer, resolvePeriod, targetPresetOf } from '../data/glucose-report';

export async function loadRecentMetrics(scope: ReadScope, nowMs = Date.now()) {
  const [glucose, preset] = await Promise.all([loadPeriodGlucose(scope, resolvePeriod(scope, {}, nowMs), nowMs), targetPresetOf(scope.patientId)]);
  return { metrics: metricsAnswer(glucose, preset), preset };
}
