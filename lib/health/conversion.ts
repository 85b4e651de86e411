// Unit conversion to and from a type's canonical unit, and the plausibility check on canonical values.
// Range is checked separately so callers can tell "wrong unit" from "implausible value".
import { HEALTH_TYPE_DEFINITIONS } from './definitions';
import type { HealthType } from './health-types';
import { findUnit, fromBase, toBase, type UnitSpec } from './units';

export type Conversion = { ok: true; value: number } | { ok: false; reason: string };

type ResolvedUnits = { ok: true; from: UnitSpec; canonical: UnitSpec } | { ok: false; reason: string };

function resolveUnits(type: HealthType, unit: string): ResolvedUnits {
  const { acceptedUnits, canonicalUnit } = HEALTH_TYPE_DEFINITIONS[type];
  if (!acceptedUnits.includes(unit)) {
    return { ok: false, reason: `unit '${unit}' is not accepted for ${type} (accepted: ${acceptedUnits.join(', ')})` };
  }
  const from = findUnit(unit);
  const canonical = findUnit(canonicalUnit);
  // Only reachable if the catalogue and the units table disagree; the tests guard against it.
  if (from === undefined || canonical === undefined || from.dimension !== canonical.dimension) {
    throw new Error(`unit table has no conversion from '${unit}' to '${canonicalUnit}' for ${type}`);
  }
  return { ok: true, from, canonical };
}

export function toCanonical(type: HealthType, value: number, unit: string): Conversion {
  if (!Number.isFinite(value)) {
    return { ok: false, reason: `value must be a finite number, got ${value}` };
  }
  const units = resolveUnits(type, unit);
  if (!units.ok) return units;
  return { ok: true, value: fromBase(units.canonical, toBase(units.from, value)) };
}

/** Converts a stored canonical value for display in `unit`; throws if the unit is not accepted for the type. */
export function fromCanonical(type: HealthType, value: number, unit: string): number {
  const units = resolveUnits(type, unit);
  if (!units.ok) throw new Error(units.reason);
  return fromBase(units.from, toBase(units.canonical, value));
}

/** Null when the canonical value is plausible for the type, else the reason it is not. */
export function checkRange(type: HealthType, canonicalValue: number): string | null {
  const { range, canonicalUnit } = HEALTH_TYPE_DEFINITIONS[type];
  if (!Number.isFinite(canonicalValue)) return `must be a finite number, got ${canonicalValue}`;
  if (canonicalValue < range.min || canonicalValue > range.max) {
    return `must be between ${range.min} and ${range.max} ${canonicalUnit}`;
  }
  return null;
}
