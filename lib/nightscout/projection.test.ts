// Unit: Nightscout treatments and activity → samples and timeline notes, with the shapes the clients
// send (each case names its source), and the document-time rule.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { documentTime, parseInstant } from './document-time';
import { projectActivity, projectTreatment, stepCountOf } from './projection';

const require = createRequire(import.meta.url);
// Loop's NightscoutKit payloads (fixtures from cgm-remote-monitor's tests).
const loop = require('/work/shared/fixtures/nightscout/nightscoutkit-treatments.js') as Record<string, Record<string, unknown>>;

const T = Date.UTC(2026, 10, 20, 8, 0, 0);
const at = new Date(T).toISOString();

describe('parseInstant / documentTime', () => {
  it('reads ISO with or without offset, Java offsets, epoch ms and seconds', () => {
    expect(parseInstant('2026-11-20T08:00:00.000Z')).toBe(T);
    expect(parseInstant('2026-11-20T09:00:00.000+0100')).toBe(T);
    expect(parseInstant('2026-11-20T08:00:00')).toBe(T);
    expect(parseInstant(T)).toBe(T);
    expect(parseInstant(String(T))).toBe(T);
    expect(parseInstant(T / 1000)).toBe(T);
    expect(parseInstant('yesterday')).toBeNull();
    expect(parseInstant(-1)).toBeNull();
  });

  it('takes eventTime over created_at for v1 treatments, date first for v3, now when none', () => {
    expect(documentTime('treatments', { created_at: at, eventTime: '2026-11-20T07:00:00Z' }, 'v1', 0)).toEqual({ ok: true, ms: T - 3600_000, field: 'eventTime' });
    expect(documentTime('treatments', { created_at: '2026-11-20T07:00:00Z', date: T }, 'v3', 0)).toMatchObject({ ms: T, field: 'date' });
    expect(documentTime('devicestatus', { device: 'Trio' }, 'v1', 42)).toEqual({ ok: true, ms: 42, field: null });
    expect(documentTime('treatments', { created_at: 'soon' }, 'v1', 0)).toMatchObject({ ok: false, field: 'created_at' });
    expect(documentTime('activity', { timeStamp: T }, 'v1', 0)).toMatchObject({ ms: T, field: 'timeStamp' });
  });
});

describe('projectTreatment', () => {
  it('Loop (NightscoutKit BolusNightscoutTreatment): a correction bolus is INSULIN, category correction', () => {
    const { samples, note } = projectTreatment(loop.correctionBolus!, T, 'loop-bolus-abc123-def456', 'Loop');
    expect(samples).toEqual([
      expect.objectContaining({ type: 'INSULIN', value: 1.5, unit: 'U', category: 'correction', startDate: at, endDate: at, clientRecordId: 'ns:t:loop-bolus-abc123-def456:insulin' }),
    ]);
    expect(note).toBeNull();
  });

  it('Loop carb entry with a Sensor glucose: carbs only (the CGM reading is not counted again)', () => {
    const { samples } = projectTreatment(loop.carbEntry!, T, 'c', 'Loop');
    expect(samples.map((s) => [s.type, s.value, s.unit])).toEqual([['CARBOHYDRATES', 45, 'g']]);
  });

  it('Loop meal bolus: insulin and carbs; BG Check (Finger): blood glucose', () => {
    expect(projectTreatment(loop.mealBolus!, T, 'm', 'Loop').samples.map((s) => [s.type, s.value, s.category])).toEqual([
      ['INSULIN', 6, 'bolus'],
      ['CARBOHYDRATES', 60, undefined],
    ]);
    expect(projectTreatment(loop.bgCheck!, T, 'g', 'Loop').samples).toEqual([
      expect.objectContaining({ type: 'BLOOD_GLUCOSE', value: 110, unit: 'mg/dL', metadata: expect.objectContaining({ specimen_source: 'blood' }) }),
    ]);
  });

  it('Loop temp basal: its delivered amount over its interval; a zero temp is 0 U (a suspension)', () => {
    const [temp] = projectTreatment(loop.tempBasal!, T, 'tb', 'Loop').samples;
    expect(temp).toMatchObject({ type: 'INSULIN', category: 'temp_basal', value: 0.6, startDate: at, endDate: new Date(T + 30 * 60_000).toISOString() });
    expect(projectTreatment({ ...loop.tempBasal!, amount: 0.35 }, T, 'tb', 'Loop').samples[0]!.value).toBe(0.35);
    expect(projectTreatment(loop.zeroTempBasal!, T, 'z', 'Loop').samples[0]).toMatchObject({ value: 0, category: 'temp_basal' });
  });

  it('AndroidAPS (nssdk RemoteTreatment): SMB by type or isSMB, durationInMilliseconds, priming excluded', () => {
    const smb = { eventType: 'Correction Bolus', insulin: 0.3, type: 'SMB', isSMB: true, date: T, pumpId: 4711, pumpType: 'OMNIPOD_DASH', pumpSerial: '1234' };
    expect(projectTreatment(smb, T, 'x', 'AndroidAPS').samples[0]).toMatchObject({ category: 'smb', value: 0.3 });
    expect(projectTreatment({ ...smb, type: 'PRIMING', isSMB: false }, T, 'x', 'AndroidAPS').samples).toEqual([]);
    const temp = { eventType: 'Temp Basal', rate: 1.5, absolute: 1.5, durationInMilliseconds: 20 * 60_000, duration: 20, date: T };
    expect(projectTreatment(temp, T, 't', 'AndroidAPS').samples[0]).toMatchObject({ value: 0.5, category: 'temp_basal' });
    // A percent-only temp basal needs the profile to know the rate: the document is kept, nothing projected.
    expect(projectTreatment({ eventType: 'Temp Basal', percent: 20, duration: 30 }, T, 't', 'AndroidAPS').samples).toEqual([]);
    const combo = { eventType: 'Combo Bolus', insulin: 1, relative: 2, duration: 90, splitNow: 40, splitExt: 60 };
    expect(projectTreatment(combo, T, 'c', 'AndroidAPS').samples.map((s) => [s.value, s.clientRecordId])).toEqual([
      [1, 'ns:t:c:insulin'],
      [3, 'ns:t:c:extended'],
    ]);
  });

  it('xDrip+ (NightscoutUploader.java populateV1APITreatmentEntry): "<none>" with insulin and carbs; mmol meter glucose', () => {
    const doc = { timestamp: T, eventType: '<none>', enteredBy: 'xdrip', notes: 'lunch', uuid: 'u-1', carbs: 30, insulin: 3, created_at: at };
    expect(projectTreatment(doc, T, 'u-1', 'xdrip').samples.map((s) => [s.type, s.value])).toEqual([['INSULIN', 3], ['CARBOHYDRATES', 30]]);
    expect(projectTreatment({ eventType: 'BG Check', glucose: 5.4, units: 'mmol', glucoseType: 'Finger' }, T, 'g', 'x').samples[0]).toMatchObject({ value: 5.4, unit: 'mmol/L' });
    // No units and an ambiguous value: not guessed.
    expect(projectTreatment({ eventType: 'BG Check', glucose: 30 }, T, 'g', 'x').samples).toEqual([]);
    expect(projectTreatment({ eventType: 'BG Check', glucose: 180 }, T, 'g', 'x').samples[0]).toMatchObject({ unit: 'mg/dL' });
  });

  it('care events become notes naming the uploader', () => {
    expect(projectTreatment(loop.siteChange!, T, 's', 'Loop')).toEqual({ samples: [], note: 'Site change — Left abdomen (via Loop)' });
    expect(projectTreatment(loop.exerciseOverride!, T, 'o', 'Loop').note).toBe('Override — for 90 min, Running (via Loop)');
    const target = { eventType: 'Temporary Target', targetBottom: 140, targetTop: 160, units: 'mg/dl', duration: 60, reason: 'Activity' };
    expect(projectTreatment(target, T, 't', 'AndroidAPS').note).toBe('Temporary target — 140–160 mg/dL, for 60 min, Activity (via AndroidAPS)');
    expect(projectTreatment({ eventType: 'Profile Switch', profile: 'Work', percentage: 80 }, T, 'p', 'AndroidAPS').note).toBe('Profile switch — Work 80% (via AndroidAPS)');
    // Trio's connection check (NightscoutAPI.swift checkConnection) is a plain Note.
    expect(projectTreatment({ eventType: 'Note', enteredBy: 'Trio', notes: 'Trio connected' }, T, 'n', 'Trio').note).toBe('Note — Trio connected (via Trio)');
    // A bolus's notes stay with its sample; an unknown event with notes is still shown.
    expect(projectTreatment({ eventType: 'Meal Bolus', insulin: 2, notes: 'pizza' }, T, 'b', 'x').note).toBeNull();
    expect(projectTreatment({ eventType: 'Custom thing', notes: 'hello' }, T, 'c', 'x').note).toBe('Custom thing — hello (via x)');
    expect(projectTreatment({ eventType: 'Bolus Wizard' }, T, 'w', 'x')).toEqual({ samples: [], note: null });
  });
});

describe('projectActivity', () => {
  it('xDrip+ postHeartRate: hr-bpm is HEART_RATE', () => {
    expect(projectActivity({ type: 'hr-bpm', timeStamp: T, created_at: at, bpm: 72, accuracy: 2 }, T, 'h', null)).toEqual([
      expect.objectContaining({ type: 'HEART_RATE', value: 72, unit: 'count/min', startDate: at, metadata: { nightscout: { type: 'hr-bpm' }, accuracy: 2 } }),
    ]);
  });

  it('xDrip+ postStepsCount: steps-total is a running counter; the steps are the difference', () => {
    const doc = { type: 'steps-total', timeStamp: T, created_at: at, steps: 1500 };
    expect(projectActivity(doc, T, 's', null)).toEqual([]); // the first count is the baseline
    const previous = { ms: T - 5 * 60_000, count: 1200 };
    expect(projectActivity(doc, T, 's', previous)).toEqual([
      expect.objectContaining({ type: 'STEPS', value: 300, startDate: new Date(previous.ms).toISOString(), endDate: at }),
    ]);
    expect(projectActivity({ ...doc, steps: 40 }, T, 's', previous)[0]).toMatchObject({ value: 40 }); // the counter restarted
    expect(projectActivity(doc, T, 's', { ms: T - 2 * 86_400_000, count: 1000 })).toEqual([]); // too long ago to attribute
    expect(stepCountOf(doc, T)).toEqual({ ms: T, count: 1500 });
    expect(stepCountOf({ type: 'hr-bpm', bpm: 70 }, T)).toBeNull();
  });
});
