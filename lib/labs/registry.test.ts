import { describe, expect, it } from 'vitest';
import { normalizeLabInput } from '../data/labs';
import { findTypeByLoinc } from '../health';
import { flagOf, ifccToNgsp, isLoincCode, labByLoinc, LABS, ngspToIfcc, toLabCanonical } from './registry';

const NOW = Date.UTC(2026, 5, 1);

describe('the labs registry', () => {
  it('uses well-formed LOINC codes, each belonging to one lab and to no health type', () => {
    const codes = LABS.flatMap((l) => [l.loinc, ...l.loincAliases]);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(isLoincCode(code), code).toBe(true);
      expect(findTypeByLoinc(code), code).toBeUndefined();
    }
    expect(codes).toEqual(expect.arrayContaining(['4548-4', '1558-6', '2093-3', '18262-6', '13457-7', '2085-9', '2571-8', '2160-0', '33914-3', '62238-1', '98979-8', '9318-7', '14959-1', '32294-1']));
    expect(isLoincCode('4548-5')).toBe(false);
  });

  it('has the canonical unit among the accepted ones, a standard range inside the plausible one', () => {
    for (const lab of LABS) {
      expect(Object.keys(lab.units), lab.key).toContain(lab.canonicalUnit);
      for (const bound of [lab.standardRange.low, lab.standardRange.high]) {
        if (bound !== null) expect(bound > lab.plausible.min && bound < lab.plausible.max, lab.key).toBe(true);
      }
    }
  });

  it('converts HbA1c between NGSP % and IFCC mmol/mol: mmol/mol = (% − 2.15) × 10.929', () => {
    expect(ngspToIfcc(6.5)).toBeCloseTo(47.5, 1);
    expect(ngspToIfcc(7)).toBeCloseTo(53.0, 1);
    expect(ifccToNgsp(48)).toBeCloseTo(6.54, 2);
    for (const p of [4, 5.7, 6.5, 9, 14]) expect(ifccToNgsp(ngspToIfcc(p))).toBeCloseTo(p, 10);
    const a1c = labByLoinc('4548-4')!;
    expect(toLabCanonical(a1c, 53, 'mmol/mol')).toEqual({ ok: true, value: expect.closeTo(7, 2), unit: '%' });
  });

  it('converts the other labs from SI units', () => {
    const mgdl = (code: string, value: number, unit: string) => (toLabCanonical(labByLoinc(code)!, value, unit) as { value: number }).value;
    expect(mgdl('1558-6', 7, 'mmol/L')).toBeCloseTo(126.1, 1); // the diabetes threshold
    expect(mgdl('2093-3', 5.17, 'mmol/L')).toBeCloseTo(200, 0);
    expect(mgdl('13457-7', 2.59, 'mmol/L')).toBeCloseTo(100, 0);
    expect(mgdl('2571-8', 1.7, 'mmol/L')).toBeCloseTo(150.6, 1);
    expect(mgdl('2160-0', 88.42, 'umol/L')).toBeCloseTo(1, 10);
    expect(mgdl('9318-7', 3, 'mg/mmol')).toBeCloseTo(26.5, 1);
    expect(toLabCanonical(labByLoinc('33914-3')!, 50, 'mL/min')).toEqual({ ok: false, reason: "unit 'mL/min' is not accepted for eGFR (accepted: mL/min/{1.73_m2}, mL/min/1.73m2)" });
  });

  it('flags below low and above high; the bounds belong to the range', () => {
    expect(flagOf(5.6, { low: 4, high: 5.6 })).toBeNull();
    expect(flagOf(5.61, { low: 4, high: 5.6 })).toBe('high');
    expect(flagOf(3.9, { low: 4, high: 5.6 })).toBe('low');
    expect(flagOf(59, { low: 60, high: null })).toBe('low');
    expect(flagOf(500, { low: 60, high: null })).toBeNull();
    expect(flagOf(500, null)).toBeNull();
  });

  it('normalizes an entered result: canonical unit and range, the lab’s name when none is given', () => {
    const n = normalizeLabInput({ code: '2093-3', value: 5, unit: 'mmol/L', referenceHigh: 5.2, effectiveAt: '2026-05-01T08:00:00+02:00' }, NOW);
    expect(n).toMatchObject({ loinc: '2093-3', display: 'Total cholesterol', unit: 'mg/dL', referenceLow: null, effectiveAt: new Date('2026-05-01T06:00:00Z') });
    expect(n.value).toBeCloseTo(193.35, 2);
    expect(n.referenceHigh).toBeCloseTo(201.08, 2);
  });
});
