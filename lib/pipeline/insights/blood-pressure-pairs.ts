// Pairs systolic and diastolic readings into measurements. Devices send the two numbers of one cuff
// measurement as separate samples, usually with the same timestamp, sometimes a little apart.

export type TimedValue = { atMs: number; value: number };
/** One measurement; a side is null when no reading of the other kind was close enough to pair. */
export type BloodPressureMeasurement = { atMs: number; systolic: number | null; diastolic: number | null };

const byTime = (a: TimedValue, b: TimedValue) => a.atMs - b.atMs || a.value - b.value;

/**
 * Closest pairs first: every systolic/diastolic pair at most `windowMs` apart is a candidate, and
 * candidates are taken in order of time gap while both readings are still free. So a diastolic reading
 * goes to the systolic reading it was most likely measured with, never to two measurements, and the
 * result does not depend on input order. Candidates are found with a sliding window over sorted
 * readings; blood pressure is measured a few times a day, so a window rarely holds more than one.
 */
export function pairBloodPressure(
  systolic: readonly TimedValue[],
  diastolic: readonly TimedValue[],
  windowMs: number,
): BloodPressureMeasurement[] {
  const sys = [...systolic].sort(byTime);
  const dia = [...diastolic].sort(byTime);
  const candidates: { s: number; d: number; gap: number }[] = [];
  let first = 0;
  for (let s = 0; s < sys.length; s++) {
    while (first < dia.length && dia[first].atMs < sys[s].atMs - windowMs) first++;
    for (let d = first; d < dia.length && dia[d].atMs <= sys[s].atMs + windowMs; d++) {
      candidates.push({ s, d, gap: Math.abs(dia[d].atMs - sys[s].atMs) });
    }
  }
  candidates.sort((a, b) => a.gap - b.gap || a.s - b.s || a.d - b.d);
  const sysPaired = new Array<boolean>(sys.length).fill(false);
  const diaPaired = new Array<boolean>(dia.length).fill(false);
  const measurements: BloodPressureMeasurement[] = [];
  for (const { s, d } of candidates) {
    if (sysPaired[s] || diaPaired[d]) continue;
    sysPaired[s] = diaPaired[d] = true;
    measurements.push({ atMs: Math.min(sys[s].atMs, dia[d].atMs), systolic: sys[s].value, diastolic: dia[d].value });
  }
  sys.forEach((r, i) => {
    if (!sysPaired[i]) measurements.push({ atMs: r.atMs, systolic: r.value, diastolic: null });
  });
  dia.forEach((r, i) => {
    if (!diaPaired[i]) measurements.push({ atMs: r.atMs, systolic: null, diastolic: r.value });
  });
  return measurements;
}
