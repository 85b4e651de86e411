// CSV export of samples and of daily aggregates: a header row, RFC 4180 quoting and CRLF line ends,
// local ISO times with their offset, a unit column. Rows stream from any (async) iterable.
import { fromCanonical, getHealthType, type HealthType } from '../health';
import { localDateTime, offsetMinutesAt } from '../time';

export type CsvSample = { type: HealthType; startMs: number; endMs: number; value: number; category?: string | null; source?: string | null };
export type CsvDailyAggregate = { type: HealthType; day: string; value: number; min: number | null; max: number | null; count: number };
/** Display unit per type (must be one the type accepts); canonical units otherwise. */
export type CsvOptions = { timeZone: string; units?: Partial<Record<HealthType, string>> };

type Cell = string | number | null | undefined;

// A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe:
// source names come from other apps and must not become formulas on a doctor's machine.
function textCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function field(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : textCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(field).join(',')}\r\n`;
}

/** '2024-01-02T08:03:00+01:00' in the given zone. */
export function isoWithOffset(instantMs: number, timeZone: string): string {
  const offset = offsetMinutesAt(instantMs, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${localDateTime(instantMs, timeZone)}${sign}${hh}:${mm}`;
}

function unitFor(type: HealthType, options: CsvOptions): string {
  return options.units?.[type] ?? getHealthType(type).canonicalUnit;
}

function display(type: HealthType, value: number | null, unit: string): number | null {
  if (value === null) return null;
  const converted = unit === getHealthType(type).canonicalUnit ? value : fromCanonical(type, value, unit);
  return Number(converted.toFixed(6)); // conversion noise (0.1 + 0.2) is not data
}

export async function* samplesCsv(rows: AsyncIterable<CsvSample> | Iterable<CsvSample>, options: CsvOptions): AsyncGenerator<string> {
  yield csvLine(['type', 'start', 'end', 'value', 'unit', 'category', 'source']);
  for await (const row of rows) {
    const unit = unitFor(row.type, options);
    yield csvLine([row.type, isoWithOffset(row.startMs, options.timeZone), isoWithOffset(row.endMs, options.timeZone), display(row.type, row.value, unit), unit, row.category, row.source]);
  }
}

export async function* dailyAggregatesCsv(rows: AsyncIterable<CsvDailyAggregate> | Iterable<CsvDailyAggregate>, options: CsvOptions): AsyncGenerator<string> {
  yield csvLine(['type', 'day', 'value', 'min', 'max', 'count', 'unit', 'aggregation']);
  for await (const row of rows) {
    const unit = unitFor(row.type, options);
    const d = (v: number | null) => display(row.type, v, unit);
    yield csvLine([row.type, row.day, d(row.value), d(row.min), d(row.max), row.count, unit, getHealthType(row.type).aggregation]);
  }
}
