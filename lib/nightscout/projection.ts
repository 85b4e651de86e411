// What a Nightscout document means in the product, pure: the samples (in the sync batch's input shape)
// and the timeline note a treatment or an activity record becomes. The stored document stays the
// evidence; these are its projection, keyed by record ids derived from the document's identifier, so
// uploading it again is a duplicate and a changed document replaces them.
//   insulin > 0 (any bolus: Bolus, Meal/Snack/Correction Bolus, SMB, Combo Bolus, xDrip+'s "<none>")
//       → INSULIN in U, category smb | correction | bolus; AndroidAPS's PRIMING boluses never reach the body
//   Temp Basal with an absolute rate and a duration → INSULIN temp_basal over that interval
//   Combo Bolus's extended part (`relative` U/h over `duration`) → INSULIN bolus over that interval
//   carbs > 0 → CARBOHYDRATES in g
//   glucose of a meter (BG Check, glucoseType Finger/Manual) → BLOOD_GLUCOSE, blood; a `Sensor` glucose
//       is a copy of a CGM reading (Loop puts one on carb entries) and is not counted twice
//   care events (Site Change, Sensor Start, Note, Exercise, Temporary Target, …) → a NOTE on the timeline
//   activity: xDrip+'s hr-bpm → HEART_RATE; steps-total (a running counter) → STEPS, the difference from
//       the uploader's previous count
export type ProjectedSample = {
  type: 'INSULIN' | 'CARBOHYDRATES' | 'BLOOD_GLUCOSE' | 'HEART_RATE' | 'STEPS';
  value: number;
  unit: string;
  startDate: string;
  endDate: string;
  clientRecordId: string;
  /** INSULIN only: how it was given. */
  category?: InsulinCategory;
  metadata: Record<string, unknown>;
};
export type InsulinCategory = 'bolus' | 'correction' | 'smb' | 'temp_basal';
export type Projection = { samples: ProjectedSample[]; note: string | null };

const MIN = 60_000;

function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return null;
}
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const iso = (ms: number) => new Date(ms).toISOString();
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** The record id of one part of a document's projection (unique per uploader device). */
export const projectionRecordId = (collection: 'treatments' | 'activity', identifier: string, part: string) =>
  `ns:${collection === 'treatments' ? 't' : 'a'}:${identifier}:${part}`;

/** Minutes a treatment lasts: `durationInMilliseconds` (AndroidAPS) else `duration`. */
function durationMinutes(doc: Record<string, unknown>): number | null {
  const ms = num(doc.durationInMilliseconds);
  if (ms !== null && ms >= 0) return ms / MIN;
  const minutes = num(doc.duration);
  return minutes !== null && minutes >= 0 ? minutes : null;
}

function insulinCategory(doc: Record<string, unknown>): InsulinCategory {
  if (doc.type === 'SMB' || doc.isSMB === true || doc.eventType === 'SMB') return 'smb';
  if (doc.eventType === 'Correction Bolus') return 'correction';
  return 'bolus';
}

// Nightscout's glucose units as clients write them (careportal: "mg/dl" | "mmol").
function glucoseUnit(units: unknown): 'mg/dL' | 'mmol/L' | null {
  const u = str(units)?.toLowerCase().replace(/\s/g, '');
  if (u === 'mg/dl' || u === 'mgdl') return 'mg/dL';
  if (u === 'mmol' || u === 'mmol/l') return 'mmol/L';
  return null;
}

// Care events shown on the timeline, with how they read.
const EVENT_LABELS: Record<string, string> = {
  Note: 'Note',
  Announcement: 'Announcement',
  Question: 'Question',
  Exercise: 'Exercise',
  'Site Change': 'Site change',
  'Cannula Change': 'Cannula change',
  'Sensor Start': 'Sensor start',
  'Sensor Change': 'Sensor change',
  'Sensor Stop': 'Sensor stop',
  'Insulin Change': 'Insulin change',
  'Pump Battery Change': 'Pump battery change',
  'Profile Switch': 'Profile switch',
  'Temporary Target': 'Temporary target',
  'Temporary Target Cancel': 'Temporary target cancelled',
  'Temporary Override': 'Override',
  'OpenAPS Offline': 'Loop offline',
  'D.A.D. Alert': 'Diabetes alert dog alert',
  'Suspend Pump': 'Pump suspended',
  'Resume Pump': 'Pump resumed',
};
// Treatments whose meaning is their numbers: no note unless they carry nothing else.
const DOSING_TYPES = new Set([
  'Bolus', 'Meal Bolus', 'Snack Bolus', 'Correction Bolus', 'SMB', 'Combo Bolus', 'Carb Correction', 'BG Check', 'Temp Basal', 'Bolus Wizard',
]);

function noteText(doc: Record<string, unknown>, uploader: string): string | null {
  const eventType = str(doc.eventType);
  const notes = str(doc.notes);
  const label = eventType ? EVENT_LABELS[eventType] : undefined;
  if (!label && !(notes && (!eventType || !DOSING_TYPES.has(eventType)))) return null;
  const details: string[] = [];
  if (eventType === 'Profile Switch') {
    const profile = str(doc.profile) ?? str(doc.originalProfileName);
    const percentage = num(doc.percentage);
    if (profile) details.push(percentage !== null && percentage !== 100 ? `${profile} ${percentage}%` : profile);
  }
  if (eventType === 'Temporary Target') {
    const low = num(doc.targetBottom);
    const high = num(doc.targetTop);
    const units = glucoseUnit(doc.units) ?? 'mg/dL';
    if (low !== null && high !== null) details.push(low === high ? `${low} ${units}` : `${low}–${high} ${units}`);
  }
  const minutes = durationMinutes(doc);
  if (minutes !== null && minutes > 0 && eventType !== 'Temp Basal') details.push(`for ${round(minutes, 0)} min`);
  const reason = str(doc.reason);
  if (reason) details.push(reason);
  if (notes) details.push(notes);
  const head = label ?? eventType ?? 'Note';
  const text = details.length > 0 ? `${head} — ${details.join(', ')}` : head;
  return `${text} (via ${uploader})`.slice(0, 2000);
}

/** The samples and note of one treatment at `ms` (its own time). */
export function projectTreatment(doc: Record<string, unknown>, ms: number, identifier: string, uploader: string): Projection {
  const samples: ProjectedSample[] = [];
  const at = iso(ms);
  const meta = (extra: Record<string, unknown> = {}) => {
    const m: Record<string, unknown> = { nightscout: { eventType: str(doc.eventType), enteredBy: str(doc.enteredBy) }, ...extra };
    const notes = str(doc.notes);
    if (notes) m.notes = notes.slice(0, 500);
    return m;
  };
  const id = (part: string) => projectionRecordId('treatments', identifier, part);
  const eventType = str(doc.eventType);

  const insulin = num(doc.insulin);
  if (insulin !== null && insulin > 0 && doc.type !== 'PRIMING' && eventType !== 'Temp Basal') {
    samples.push({ type: 'INSULIN', value: insulin, unit: 'U', startDate: at, endDate: at, clientRecordId: id('insulin'), category: insulinCategory(doc), metadata: meta() });
  }

  const minutes = durationMinutes(doc);
  if (eventType === 'Temp Basal' && minutes !== null && minutes > 0) {
    const rate = num(doc.absolute) ?? num(doc.rate);
    if (rate !== null && rate >= 0) {
      // Loop sends what was delivered (`amount`, shorter when cancelled); else the rate over the duration.
      const amount = num(doc.amount);
      const value = amount !== null && amount >= 0 ? amount : (rate * minutes) / 60;
      samples.push({
        type: 'INSULIN', value: round(value, 4), unit: 'U', startDate: at, endDate: iso(ms + Math.round(minutes * MIN)), clientRecordId: id('temp_basal'),
        category: 'temp_basal', metadata: meta({ rate_u_per_h: rate }),
      });
    }
  }

  const relative = num(doc.relative);
  if (eventType === 'Combo Bolus' && relative !== null && relative > 0 && minutes !== null && minutes > 0) {
    samples.push({
      type: 'INSULIN', value: round((relative * minutes) / 60, 4), unit: 'U', startDate: at, endDate: iso(ms + Math.round(minutes * MIN)),
      clientRecordId: id('extended'), category: 'bolus', metadata: meta({ rate_u_per_h: relative, extended: true }),
    });
  }

  const carbs = num(doc.carbs);
  if (carbs !== null && carbs > 0) {
    samples.push({ type: 'CARBOHYDRATES', value: carbs, unit: 'g', startDate: at, endDate: at, clientRecordId: id('carbs'), metadata: meta() });
  }

  const glucose = num(doc.glucose);
  const glucoseType = str(doc.glucoseType)?.toLowerCase() ?? null;
  if (glucose !== null && glucose > 0 && glucoseType !== 'sensor') {
    // Without units only an unambiguous mg/dL value is taken: 30 could be a severe low in mg/dL or a
    // severe high in mmol/L, and guessing either way could hide the other.
    const unit = glucoseUnit(doc.units) ?? (glucose >= 35 ? 'mg/dL' : null);
    if (unit) {
      samples.push({
        type: 'BLOOD_GLUCOSE', value: glucose, unit, startDate: at, endDate: at, clientRecordId: id('glucose'),
        metadata: meta({ specimen_source: 'blood', method: glucoseType ?? 'finger' }),
      });
    }
  }

  const note = samples.length > 0 && !(eventType && EVENT_LABELS[eventType]) ? null : noteText(doc, uploader);
  return { samples, note };
}

export type StepCount = { ms: number; count: number };

/**
 * The samples of one activity record. xDrip+ (NightscoutUploader.java postHeartRate, postStepsCount)
 * sends `{type: 'hr-bpm', bpm}` and `{type: 'steps-total', steps}` with `timeStamp` and `created_at`;
 * `steps` is a running counter (StepCounter.java), so the steps of an interval are the difference from
 * the uploader's previous count (`previous`), a smaller count meaning the counter restarted.
 */
export function projectActivity(doc: Record<string, unknown>, ms: number, identifier: string, previous: StepCount | null): ProjectedSample[] {
  const at = iso(ms);
  const id = (part: string) => projectionRecordId('activity', identifier, part);
  if (doc.type === 'hr-bpm') {
    const bpm = num(doc.bpm);
    if (bpm === null || bpm <= 0) return [];
    const metadata: Record<string, unknown> = { nightscout: { type: 'hr-bpm' } };
    if (num(doc.accuracy) !== null) metadata.accuracy = num(doc.accuracy);
    return [{ type: 'HEART_RATE', value: bpm, unit: 'count/min', startDate: at, endDate: at, clientRecordId: id('hr'), metadata }];
  }
  if (doc.type === 'steps-total') {
    const count = num(doc.steps);
    if (count === null || count < 0 || !previous || previous.ms >= ms || ms - previous.ms > 86_400_000) return [];
    const steps = count >= previous.count ? count - previous.count : count;
    if (steps <= 0) return [];
    return [{ type: 'STEPS', value: steps, unit: 'count', startDate: iso(previous.ms), endDate: at, clientRecordId: id('steps'), metadata: { nightscout: { type: 'steps-total', total: count } } }];
  }
  return [];
}

/** The running step count an activity record carries, if it is one. */
export function stepCountOf(doc: Record<string, unknown>, ms: number): StepCount | null {
  if (doc.type !== 'steps-total') return null;
  const count = num(doc.steps);
  return count !== null && count >= 0 ? { ms, count } : null;
}
