// Local calendar periods as plain integers, so hot loops never build strings or Dates.
// Keys: HOUR → local hour index, DAY → local day index (days since 1970-01-01 local),
// WEEK → day index of its Monday (ISO weeks), MONTH → year × 12 + zero-based month.

export type BucketUnit = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH';

const HOURS_PER_DAY = 24;

/** Day index → [year, month 1–12, day 1–31], proleptic Gregorian (H. Hinnant's civil_from_days). */
export function civilFromDays(dayIndex: number): [number, number, number] {
  const z = dayIndex + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** [year, month 1–12, day] → day index, inverse of civilFromDays. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Key of the period of `unit` that contains a local hour. */
export function periodKeyOfHour(localHour: number, unit: BucketUnit): number {
  if (unit === 'HOUR') return localHour;
  return periodKeyOfDay(Math.floor(localHour / HOURS_PER_DAY), unit);
}

/** Key of the period of `unit` (DAY, WEEK or MONTH) that contains a local day. */
export function periodKeyOfDay(dayIndex: number, unit: Exclude<BucketUnit, 'HOUR'>): number {
  if (unit === 'DAY') return dayIndex;
  if (unit === 'WEEK') return dayIndex - (((dayIndex + 3) % 7) + 7) % 7; // day 0 was a Thursday
  const [year, month] = civilFromDays(dayIndex);
  return year * 12 + month - 1;
}

/** Local hour index at which a period starts. */
export function periodFirstHour(unit: BucketUnit, key: number): number {
  if (unit === 'HOUR') return key;
  if (unit === 'DAY' || unit === 'WEEK') return key * HOURS_PER_DAY;
  const year = Math.floor(key / 12);
  return daysFromCivil(year, key - year * 12 + 1, 1) * HOURS_PER_DAY;
}

/** Key of the period that follows. */
export function nextPeriodKey(unit: BucketUnit, key: number): number {
  if (unit === 'WEEK') return key + 7;
  return key + 1;
}

/** Local wall-clock label 'YYYY-MM-DDTHH:mm:ss' of a period's start. */
export function periodLabel(unit: BucketUnit, key: number): string {
  const hour = periodFirstHour(unit, key);
  const [year, month, day] = civilFromDays(Math.floor(hour / HOURS_PER_DAY));
  const hh = hour - Math.floor(hour / HOURS_PER_DAY) * HOURS_PER_DAY;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hh, 2)}:00:00`;
}

/** 'YYYY-MM-DD' of a local day index. */
export function dayLabel(dayIndex: number): string {
  const [year, month, day] = civilFromDays(dayIndex);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Day index of a 'YYYY-MM-DD' string; RangeError unless it is a real calendar date. */
export function parseDay(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`Expected YYYY-MM-DD, got "${day}"`);
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const index = daysFromCivil(year, month, date);
  const [y, m, d] = civilFromDays(index);
  if (y !== year || m !== month || d !== date) throw new RangeError(`Not a calendar date: "${day}"`);
  return index;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
