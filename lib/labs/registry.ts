// The labs the product understands (issue 18, item 6): HbA1c, fasting plasma glucose, the lipid panel,
// creatinine and eGFR, urine albumin-to-creatinine ratio. Each has its LOINC codes, a name, a canonical
// UCUM unit, the other units accepted with their conversion, a plausible range (a value outside it is a
// typo, refused) and the standard adult reference range used for the out-of-range flag when the source
// gave none. Other LOINC-coded results are kept as the source wrote them, flagged only from their own range.
//
// Reference ranges (adults, canonical units), as laboratories commonly print them:
// - HbA1c 4.0–5.6 % (ADA: 5.7–6.4 prediabetes, ≥ 6.5 diabetes); IFCC mmol/mol = (NGSP % − 2.15) × 10.929
// - fasting plasma glucose 70–99 mg/dL (ADA); mmol/L × 18.0156 (glucose 180.156 g/mol)
// - total cholesterol < 200, LDL < 100, HDL ≥ 40, triglycerides < 150 mg/dL (NCEP ATP III);
//   cholesterol mmol/L × 38.67 (386.65 g/mol), triglycerides mmol/L × 88.57 (as triolein, 885.7 g/mol)
// - creatinine 0.6–1.3 mg/dL; µmol/L ÷ 88.42 (113.12 g/mol)
// - eGFR ≥ 60 mL/min/1.73 m² (KDIGO: below 60 is CKD stage 3 or worse)
// - albumin-to-creatinine ratio < 30 mg/g (KDIGO A1); mg/mmol × 8.84

export type LabUnit = { toCanonical: (value: number) => number; fromCanonical: (value: number) => number };
export type LabDefinition = {
  key: string;
  name: string;
  /** The code a result entered in the app is stored under; aliases are stored under their own code. */
  loinc: string;
  loincAliases: readonly string[];
  canonicalUnit: string;
  /** Every accepted unit (UCUM), canonical included. */
  units: Readonly<Record<string, LabUnit>>;
  /** Decimals a value is shown with in the canonical unit. */
  decimals: number;
  plausible: { min: number; max: number };
  standardRange: { low: number | null; high: number | null };
};

const same: LabUnit = { toCanonical: (v) => v, fromCanonical: (v) => v };
const scaled = (factor: number): LabUnit => ({ toCanonical: (v) => v / factor, fromCanonical: (v) => v * factor });

const IFCC_PER_NGSP = 10.929;
const IFCC_OFFSET = 2.15;
/** HbA1c in mmol/mol (IFCC) → % (NGSP/DCCT). */
export const ifccToNgsp = (mmolPerMol: number) => mmolPerMol / IFCC_PER_NGSP + IFCC_OFFSET;
/** HbA1c in % (NGSP/DCCT) → mmol/mol (IFCC). */
export const ngspToIfcc = (percent: number) => (percent - IFCC_OFFSET) * IFCC_PER_NGSP;

const GLUCOSE = 18.0156;
const CHOLESTEROL = 38.67;
const TRIGLYCERIDES = 88.57;
const CREATININE = 88.42;
const ACR_MG_PER_G_PER_MG_PER_MMOL = 8.84;

const cholesterolUnits = { 'mg/dL': same, 'mmol/L': scaled(1 / CHOLESTEROL) };
const EGFR_UNITS = { 'mL/min/{1.73_m2}': same, 'mL/min/1.73m2': same };

export const LABS: readonly LabDefinition[] = [
  {
    key: 'hba1c', name: 'HbA1c', loinc: '4548-4', loincAliases: ['17856-6', '4549-2', '59261-8'], canonicalUnit: '%',
    units: { '%': same, 'mmol/mol': { toCanonical: ifccToNgsp, fromCanonical: ngspToIfcc } },
    decimals: 1, plausible: { min: 3, max: 20 }, standardRange: { low: 4, high: 5.6 },
  },
  {
    key: 'fasting-glucose', name: 'Fasting plasma glucose', loinc: '1558-6', loincAliases: [], canonicalUnit: 'mg/dL',
    units: { 'mg/dL': same, 'mmol/L': scaled(1 / GLUCOSE) }, decimals: 0, plausible: { min: 10, max: 1000 }, standardRange: { low: 70, high: 99 },
  },
  {
    key: 'total-cholesterol', name: 'Total cholesterol', loinc: '2093-3', loincAliases: [], canonicalUnit: 'mg/dL',
    units: cholesterolUnits, decimals: 0, plausible: { min: 20, max: 1500 }, standardRange: { low: null, high: 199 },
  },
  {
    key: 'ldl', name: 'LDL cholesterol', loinc: '18262-6', loincAliases: ['13457-7', '2089-1'], canonicalUnit: 'mg/dL',
    units: cholesterolUnits, decimals: 0, plausible: { min: 1, max: 1000 }, standardRange: { low: null, high: 99 },
  },
  {
    key: 'hdl', name: 'HDL cholesterol', loinc: '2085-9', loincAliases: [], canonicalUnit: 'mg/dL',
    units: cholesterolUnits, decimals: 0, plausible: { min: 1, max: 300 }, standardRange: { low: 40, high: null },
  },
  {
    key: 'triglycerides', name: 'Triglycerides', loinc: '2571-8', loincAliases: [], canonicalUnit: 'mg/dL',
    units: { 'mg/dL': same, 'mmol/L': scaled(1 / TRIGLYCERIDES) }, decimals: 0, plausible: { min: 5, max: 10000 }, standardRange: { low: null, high: 149 },
  },
  {
    key: 'creatinine', name: 'Creatinine', loinc: '2160-0', loincAliases: [], canonicalUnit: 'mg/dL',
    units: { 'mg/dL': same, 'umol/L': scaled(CREATININE) }, decimals: 2, plausible: { min: 0.05, max: 30 }, standardRange: { low: 0.6, high: 1.3 },
  },
  {
    key: 'egfr', name: 'eGFR', loinc: '33914-3', loincAliases: ['62238-1', '98979-8'], canonicalUnit: 'mL/min/{1.73_m2}',
    units: EGFR_UNITS, decimals: 0, plausible: { min: 1, max: 250 }, standardRange: { low: 60, high: null },
  },
  {
    key: 'uacr', name: 'Urine albumin-to-creatinine ratio', loinc: '9318-7', loincAliases: ['14959-1', '32294-1'], canonicalUnit: 'mg/g',
    units: { 'mg/g': same, 'mg/mmol': scaled(1 / ACR_MG_PER_G_PER_MG_PER_MMOL) }, decimals: 0, plausible: { min: 0, max: 30000 }, standardRange: { low: null, high: 29 },
  },
];

const BY_CODE: ReadonlyMap<string, LabDefinition> = new Map(LABS.flatMap((lab) => [lab.loinc, ...lab.loincAliases].map((code) => [code, lab] as const)));

/** The lab a LOINC code belongs to, if the product understands it. */
export function labByLoinc(code: string): LabDefinition | undefined {
  return BY_CODE.get(code);
}

export const HBA1C = LABS[0]!;

export type Flag = 'low' | 'high' | null;
export type Range = { low: number | null; high: number | null };

/** Out of range when below low or above high; both bounds belong to the range (as FHIR's referenceRange). */
export function flagOf(value: number, range: Range | null): Flag {
  if (!range) return null;
  if (range.low !== null && value < range.low) return 'low';
  if (range.high !== null && value > range.high) return 'high';
  return null;
}

export type Canonical = { ok: true; value: number; unit: string } | { ok: false; reason: string };

/** A known lab's value in its canonical unit; an unknown unit is refused, naming the ones accepted. */
export function toLabCanonical(lab: LabDefinition, value: number, unit: string): Canonical {
  const conversion = Object.hasOwn(lab.units, unit) ? lab.units[unit] : undefined;
  if (!conversion) return { ok: false, reason: `unit '${unit}' is not accepted for ${lab.name} (accepted: ${Object.keys(lab.units).join(', ')})` };
  return { ok: true, value: conversion.toCanonical(value), unit: lab.canonicalUnit };
}

/** LOINC's mod-10 check digit: a mistyped code almost always fails it. */
export function isLoincCode(code: string): boolean {
  const match = /^(\d{1,7})-(\d)$/.exec(code);
  if (!match) return false;
  const [, body = '', check = ''] = match;
  const sum = [...body].reverse().reduce((total, char, index) => {
    const digit = Number(char) * (index % 2 === 0 ? 2 : 1);
    return total + Math.floor(digit / 10) + (digit % 10);
  }, 0);
  return (10 - (sum % 10)) % 10 === Number(check);
}

/** The labs the product understands, as the API lists them beside the results (for entry forms). */
export function knownLabs() {
  return LABS.map((l) => ({ key: l.key, name: l.name, code: l.loinc, unit: l.canonicalUnit, units: Object.keys(l.units), standardRange: l.standardRange }));
}
