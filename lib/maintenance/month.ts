// Archive months are UTC calendar months: exactly the monthly partitions of health_samples (start_at).

export type Month = {
  key: string; // 'YYYY-MM'
  firstDay: string; // 'YYYY-MM-01', the archives.month value
  start: Date; // inclusive
  end: Date; // exclusive: the next month's start
};

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parseMonth(key: string): Month {
  const match = MONTH_KEY.exec(key);
  if (!match) throw new Error(`month must be 'YYYY-MM', got '${key}'`);
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  return { key, firstDay: `${key}-01`, start: new Date(Date.UTC(year, month, 1)), end: new Date(Date.UTC(year, month + 1, 1)) };
}

/** 'YYYY-MM' of the UTC month containing an instant. */
export function monthKeyOf(instant: Date): string {
  return instant.toISOString().slice(0, 7);
}

/** The instant `months` calendar months before `instant` (UTC; day clamped like Date does). */
export function monthsBefore(instant: Date, months: number): Date {
  const d = new Date(instant);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** The instant `years` calendar years before `instant` (UTC). */
export function yearsBefore(instant: Date, years: number): Date {
  const d = new Date(instant);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}

/** First instant of the UTC month `offset` months after the month containing `instant`. */
export function monthStartFrom(instant: Date, offset: number): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth() + offset, 1));
}
