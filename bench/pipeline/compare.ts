// The seed baseline is only worth comparing if it computes the same thing: its daily step totals
// must equal the pipeline's on the same data (up to floating-point summation order).

const TOLERANCE = 1e-6; // relative; sums of the same parts added in another order

export function assertSameDailyTotals(ours: Map<string, number>, seed: Map<string, number>, label: string): number {
  const days = new Set([...ours.keys(), ...seed.keys()]);
  const mismatches: string[] = [];
  for (const day of [...days].sort()) {
    const a = ours.get(day);
    const b = seed.get(day);
    if (a === undefined || b === undefined || Math.abs(a - b) > TOLERANCE * Math.max(1, Math.abs(a))) {
      mismatches.push(`${day}: pipeline ${a ?? 'none'}, seed ${b ?? 'none'}`);
    }
  }
  if (mismatches.length > 0) {
    throw new Error(`${label}: daily totals differ on ${mismatches.length} of ${days.size} days:\n  ${mismatches.slice(0, 10).join('\n  ')}`);
  }
  if (days.size === 0) throw new Error(`${label}: no daily totals to compare`);
  return days.size;
}
