// What each "today at a glance" card says, pure: the value, what it is compared with (in words), and
// where it came from. The components only lay this out.
import { displayUnit, toDisplayRounded, type UnitPreferences } from '@/lib/format/health';
import { displayDecimals, roundTo } from '@/lib/health/precision';
import type { HealthType } from '@/lib/health';
import { addDays } from '@/lib/time';
import { dayPhrase, formatDelta, formatMetric } from '@/components/patient/format';
import { changeFrom, dayOf, snapshotMetric, type Baseline, type Comparison, type DayRow, type MetricSnapshot } from './metrics';
import { sameHoursOfDay, sleepMayBeGoingOn, type Clock } from './partial';
import { describeShares, sourceShares } from './sources';

export type CardModel = {
  id: string;
  title: string;
  trendType: HealthType;
  value: string | null;
  /** When and what the value is: "today so far", "latest reading, Mon 13 Jul". */
  context: string;
  change: { text: string; direction: 'up' | 'down' | 'same' } | null;
  /** How the comparison is made, in words. */
  basis: string | null;
  sources: { text: string; of: string } | null;
  /** Whole days only (in display units, rounded): a day still running would read as a drop. */
  spark: number[];
  /** What the sparkline shows, for screen readers, and the decimals of its values. */
  sparkLabel: string;
  sparkDecimals: number;
  /** Shown instead of a value when there is nothing to show. */
  empty: string | null;
  /** Whether anything at all came in the window (else the card suggests connecting a source). */
  hasData: boolean;
};

type Rows = Partial<Record<HealthType, DayRow[]>>;
/** `rows` are DAY aggregates, `hours` HOUR aggregates of steps and sleep (see dashboardHours), `clock` now. */
type Args = { rows: Rows; hours: Rows | undefined; clock: Clock; names: ReadonlyMap<string, string>; today: string; units: UnitPreferences };

type Single = { id: string; title: string; type: HealthType; noun: string; comparison: Comparison; weighted: boolean };

const SINGLES: Single[] = [
  { id: 'steps', title: 'Steps', type: 'STEPS', noun: 'steps', comparison: 'TODAY_VS_WEEK', weighted: false },
  { id: 'resting-hr', title: 'Resting heart rate', type: 'RESTING_HEART_RATE', noun: 'resting heart rate readings', comparison: 'LATEST_DAY_VS_WEEK', weighted: true },
  { id: 'sleep', title: 'Sleep', type: 'SLEEP_STATE', noun: 'sleep', comparison: 'TODAY_VS_WEEK', weighted: false },
  { id: 'weight', title: 'Weight', type: 'WEIGHT', noun: 'weight readings', comparison: 'LATEST_VS_PREVIOUS', weighted: false },
];

export const DASHBOARD_TYPES: HealthType[] = ['STEPS', 'RESTING_HEART_RATE', 'SLEEP_STATE', 'WEIGHT', 'BLOOD_PRESSURE_SYSTOLIC', 'BLOOD_PRESSURE_DIASTOLIC', 'BLOOD_GLUCOSE'];
/** How far back the dashboard looks for a latest reading. */
export const DASHBOARD_DAYS = 90;

export function buildCards(args: Args): CardModel[] {
  const [steps, restingHr, sleep, weight] = SINGLES.map((def) => singleCard(def, args));
  return [steps!, restingHr!, sleep!, weight!, bloodPressureCard(args), singleCard({ id: 'glucose', title: 'Glucose', type: 'BLOOD_GLUCOSE', noun: 'glucose readings', comparison: 'LATEST_DAY_VS_WEEK', weighted: true }, args)];
}

function singleCard(def: Single, args: Args): CardModel {
  const { rows, names, today, units } = args;
  const list = rows[def.type] ?? [];
  const snap = snapshotMetric(list, { today, comparison: def.comparison, weighted: def.weighted });
  const partial = partialToday(def.type, args);
  const spark = sparkOf(def.type, list, partial ? addDays(today, -1) : today, units);
  const sparkLabel = `${def.title}, the last ${spark.length} ${partial ? 'whole days with data, before today' : 'days with data'}`;
  const base = { id: def.id, title: def.title, trendType: def.type, spark, sparkLabel, sparkDecimals: sparkDecimalsOf(def.type, units), hasData: snap !== null };
  if (!snap) {
    return { ...base, value: null, context: '', change: null, basis: null, sources: null, empty: `No ${def.noun} in the last ${DASHBOARD_DAYS} days.` };
  }
  const fmt = (v: number) => formatMetric(def.type, v, units);
  const current = snap.current;
  const baselineText = snap.baseline ? baselineWords(def, snap.baseline, today) : null;
  if (!current) {
    const what = def.type === 'SLEEP_STATE' ? 'No sleep recorded for last night yet.' : `No ${def.noun} recorded today yet.`;
    const basis = def.type === 'STEPS' ? sameHoursBasis(args, false) : baselineText && snap.baseline ? `The ${baselineText}: ${fmt(snap.baseline.value)}.` : null;
    return { ...base, value: null, context: '', change: null, basis: basis && basis[0]!.toUpperCase() + basis.slice(1), sources: null, empty: what };
  }
  if (partial) return { ...base, ...partialWords(def.type, args), value: fmt(current.value), sources: sourcesOf(def.type, current, names), empty: null };
  const basis = baselineText && snap.baseline ? `Compared with the ${baselineText}: ${fmt(snap.baseline.value)}.` : noBaselineWords(def.comparison);
  return {
    ...base,
    value: fmt(current.value),
    context: contextWords(def, snap, today) + readingsNote(def.type, current),
    change: snap.baseline ? changeWords(def.type, current.value, snap.baseline.value, units, def.comparison === 'TODAY_VS_WEEK' && def.type === 'STEPS') : null,
    basis,
    sources: sourcesOf(def.type, current, names),
    empty: null,
  };
}

function bloodPressureCard({ rows, names, today, units }: Args): CardModel {
  const sys = rows.BLOOD_PRESSURE_SYSTOLIC ?? [];
  const dia = rows.BLOOD_PRESSURE_DIASTOLIC ?? [];
  const s = snapshotMetric(sys, { today, comparison: 'LATEST_DAY_VS_WEEK', weighted: true });
  const spark = sparkOf('BLOOD_PRESSURE_SYSTOLIC', sys, today, units);
  const base = {
    id: 'blood-pressure', title: 'Blood pressure', trendType: 'BLOOD_PRESSURE_SYSTOLIC' as const, hasData: s !== null,
    spark, sparkLabel: `Systolic blood pressure, the last ${spark.length} days with data`, sparkDecimals: 0,
  };
  if (!s?.current) {
    return { ...base, value: null, context: '', change: null, basis: null, sources: null, empty: `No blood pressure readings in the last ${DASHBOARD_DAYS} days.` };
  }
  // The diastolic of the same day (a cuff sends both; one alone still shows).
  const d = snapshotMetric(dia.filter((r) => dayOf(r) <= s.day), { today: s.day, comparison: 'TODAY_VS_WEEK', weighted: true });
  const pair = (a: number, b: number | undefined) => `${Math.round(a)}/${b === undefined ? '–' : Math.round(b)}`;
  const value = `${pair(s.current.value, d?.current?.value)} mmHg`;
  let change: CardModel['change'] = null;
  let basis = 'No readings in the 7 days before to compare with.';
  if (s.baseline) {
    const ds = s.current.value - s.baseline.value;
    const dd = d?.current && d.baseline ? d.current.value - d.baseline.value : undefined;
    const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(Math.round(n))}`;
    const same = Math.round(ds) === 0 && (dd === undefined || Math.round(dd) === 0);
    change = {
      text: same ? 'About the same as the week before' : `${signed(ds)}${dd === undefined ? '' : `/${signed(dd)}`} mmHg vs the week before`,
      direction: Math.round(ds) > 0 ? 'up' : Math.round(ds) < 0 ? 'down' : 'same',
    };
    basis = `Compared with the average of the readings in the 7 days before: ${pair(s.baseline.value, d?.baseline?.value)} mmHg.`;
  }
  return {
    ...base,
    value,
    context: `${s.day === today ? 'Today so far' : `Latest, ${dayPhrase(s.day, today)}`}${readingsNote('BLOOD_PRESSURE_SYSTOLIC', s.current)}`,
    change,
    basis,
    sources: sourcesOf('BLOOD_PRESSURE_SYSTOLIC', s.current, names),
    empty: null,
  };
}

/**
 * Whether the card's current value is a period still running: today's steps always, and the sleep
 * ending today while it may still be going on. Such a value is never compared with whole periods.
 */
function partialToday(type: HealthType, { hours, clock }: Args): boolean {
  if (type === 'STEPS') return true;
  if (type !== 'SLEEP_STATE') return false;
  // Without the hours the night cannot be told over: treat it as running.
  return hours === undefined || sleepMayBeGoingOn(hours.SLEEP_STATE ?? [], clock);
}

function partialWords(type: HealthType, args: Args): Pick<CardModel, 'context' | 'change' | 'basis'> {
  if (type === 'SLEEP_STATE') {
    return { context: 'Tonight so far (may still be going on)', change: null, basis: 'Compared with earlier nights once this one is over.' };
  }
  const same = sameHours(args);
  const change = same?.baseline ? changeWords(type, same.today, same.baseline.value, args.units, true) : null;
  return { context: 'Today so far', change, basis: sameHoursBasis(args, true) };
}

const sameHours = ({ hours, rows, clock }: Args) => (hours ? sameHoursOfDay(hours.STEPS ?? [], rows.STEPS ?? [], clock) : null);

/** How today's steps are compared: up to the same hour on the 7 days before, or why not. */
function sameHoursBasis(args: Args, withToday: boolean): string {
  const same = sameHours(args);
  const fmt = (v: number) => formatMetric('STEPS', v, args.units);
  if (!args.hours) return 'Not compared: today is not over yet.';
  if (!same) return 'Not compared yet: from 01:00, today is compared with the same hours of the 7 days before.';
  if (!same.baseline) return 'No data in the 7 days before to compare with.';
  const days = same.baseline.days < 7 ? ` (${same.baseline.days} day${same.baseline.days === 1 ? '' : 's'} with data)` : '';
  if (!withToday) return `Up to ${same.until} on the 7 days before${days}: ${fmt(same.baseline.value)} on average.`;
  return `Compared up to ${same.until}: ${fmt(same.today)} today, ${fmt(same.baseline.value)} on average on the 7 days before${days}.`;
}

function contextWords(def: Single, snap: MetricSnapshot, today: string): string {
  if (def.type === 'SLEEP_STATE') return 'Asleep last night';
  if (def.comparison === 'TODAY_VS_WEEK') return 'Today so far';
  if (def.comparison === 'LATEST_VS_PREVIOUS') return `Latest reading, ${dayPhrase(snap.day, today)}`;
  // An average of today's readings so far is still an average of readings, so it is compared; but
  // the day is not over, and says so.
  return snap.day === today ? 'Today so far' : `Latest, ${dayPhrase(snap.day, today)}`;
}

function readingsNote(type: HealthType, row: DayRow): string {
  if (type !== 'BLOOD_GLUCOSE' && type !== 'BLOOD_PRESSURE_SYSTOLIC') return '';
  return row.count === 1 ? ' · 1 reading' : ` · average of ${row.count} readings`;
}

function baselineWords(def: Single, b: Baseline, today: string): string {
  if (def.comparison === 'LATEST_VS_PREVIOUS') return `previous reading (${dayPhrase(b.fromDay, today)})`;
  const nights = def.type === 'SLEEP_STATE' ? 'night' : 'day';
  const partial = b.days < 7 ? ` (${b.days} ${nights}${b.days === 1 ? '' : 's'} with data)` : '';
  return def.comparison === 'TODAY_VS_WEEK' ? `average of the 7 ${nights}s before${partial}` : `average of the readings in the 7 days before${partial}`;
}

function noBaselineWords(comparison: Comparison): string {
  return comparison === 'LATEST_VS_PREVIOUS' ? 'No earlier reading to compare with.' : 'No data in the 7 days before to compare with.';
}

function changeWords(type: HealthType, current: number, baseline: number, units: UnitPreferences, withPercent: boolean): CardModel['change'] {
  const { delta, percent } = changeFrom(current, baseline);
  const shown = formatDelta(type, delta, units);
  // A change that rounds away on screen ("−0 bpm") is no change to the reader.
  if (Number(shown.replace(/[^\d.]/g, '')) === 0) return { text: 'About the same', direction: 'same' };
  const pct = withPercent && percent !== null ? ` (${percent > 0 ? '+' : percent < 0 ? '−' : '±'}${Math.abs(Math.round(percent))} %)` : '';
  return { text: `${shown}${pct}`, direction: delta > 0 ? 'up' : 'down' };
}

function sourcesOf(type: HealthType, row: DayRow, names: ReadonlyMap<string, string>): CardModel['sources'] {
  const shares = sourceShares(row.sources, names);
  if (shares.length === 0) return null;
  const of = type === 'STEPS' ? 'share of the steps' : type === 'SLEEP_STATE' ? 'share of the sleep minutes' : 'share of the readings';
  return { text: describeShares(shares), of };
}

/** The last 14 days with data up to `lastDay`, in display units rounded to their precision (sleep in hours). */
function sparkDecimalsOf(type: HealthType, units: UnitPreferences): number {
  return type === 'SLEEP_STATE' ? 2 : displayDecimals(type, displayUnit(type, units).unit);
}

function sparkOf(type: HealthType, rows: readonly DayRow[], lastDay: string, units: UnitPreferences): number[] {
  return rows
    .filter((r) => dayOf(r) <= lastDay)
    .slice(-14)
    .map((r) => (type === 'SLEEP_STATE' ? roundTo(r.value / 60, 2) : toDisplayRounded(type, r.value, units)));
}

/** The one aggregates request behind the cards (server prefetch and client use the same). */
export function dashboardAggregates(today: string) {
  return { types: DASHBOARD_TYPES, period: 'day' as const, from: addDays(today, -(DASHBOARD_DAYS - 1)), to: today };
}

/** The hours behind the partial-day rules: steps up to the same hour, and whether a night is over. */
export function dashboardHours(today: string) {
  return { types: ['STEPS', 'SLEEP_STATE'] as HealthType[], period: 'hour' as const, from: addDays(today, -7), to: today };
}
