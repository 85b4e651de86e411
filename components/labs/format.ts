// How a lab result reads on a page: the value in its unit (UCUM annotations such as {1.73_m2} made
// readable) and its reference range.
const UNIT_LABELS: Readonly<Record<string, string>> = { 'mL/min/{1.73_m2}': 'mL/min/1.73 m²', 'umol/L': 'µmol/L', 'kg/m2': 'kg/m²', '{score}': '', '{SG}': '', '[pH]': '' };

export function labUnitLabel(unit: string): string {
  return Object.hasOwn(UNIT_LABELS, unit) ? UNIT_LABELS[unit]! : unit.replace(/\{([^}]*)\}/g, '$1');
}

/** Up to 3 significant decimals, no trailing zeros, with the unit. */
export function formatLabValue(value: number, unit: string): string {
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 1 ? 2 : 3)));
  const label = labUnitLabel(unit);
  return label ? `${text} ${label}` : text;
}

export function describeRange(range: { low: number | null; high: number | null } | null, unit: string): string | null {
  if (!range) return null;
  const u = labUnitLabel(unit);
  const suffix = u ? ` ${u}` : '';
  if (range.low !== null && range.high !== null) return `Range ${range.low}–${range.high}${suffix}`;
  if (range.low !== null) return `Range ≥ ${range.low}${suffix}`;
  if (range.high !== null) return `Range ≤ ${range.high}${suffix}`;
  return null;
}
