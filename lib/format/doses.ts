// How insulin doses and carbohydrates read, on the patient's timeline and the doctor's page: "4.5 U bolus",
// "SMB 0.3 U", "Temp basal 0.8 U over 30 min", "45 g carbs". A dose whose kind the source did not say is
// "insulin", never guessed to be a bolus.
import { roundTo } from '../health/precision';

const KIND_LABELS: Readonly<Record<string, string>> = {
  bolus: 'bolus',
  correction: 'correction bolus',
  smb: 'SMB',
  temp_basal: 'Temp basal',
  basal: 'Basal',
};

/** Units as a pump states them: up to 2 decimals, no trailing zeros (0.05 U steps stay exact). */
export function formatUnits(units: number): string {
  return `${roundTo(units, 2).toLocaleString('en-US', { maximumFractionDigits: 2 })} U`;
}

export function formatGrams(grams: number): string {
  return `${roundTo(grams, 0).toLocaleString('en-US')} g`;
}

/** "30 min", "1 h 30 min", "24 h". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export function insulinKindLabel(kind: string | null): string {
  return (kind && KIND_LABELS[kind]) || 'insulin';
}

/** One dose as a line: the interval is named when the delivery ran over one (temp basal, extended bolus). */
export function describeInsulin(dose: { value: number; insulinKind: string | null; at: string; endAt: string | null }): string {
  const amount = formatUnits(dose.value);
  const over = dose.endAt ? ` over ${formatDuration(Date.parse(dose.endAt) - Date.parse(dose.at))}` : '';
  switch (dose.insulinKind) {
    case 'smb':
    case 'temp_basal':
    case 'basal':
      return `${insulinKindLabel(dose.insulinKind)} ${amount}${over}`;
    default:
      return `${amount} ${insulinKindLabel(dose.insulinKind)}${over}`;
  }
}

export function describeCarbs(grams: number): string {
  return `${formatGrams(grams)} carbs`;
}
