// What each "today at a glance" card says, pure: the value, what it is compared with (in words), and
// where it came from. The components only lay this out.
import { displayUnit, toDisplayRounded, type UnitPreferences } from '@/lib/format/health';
import { displayDecimals, roundTo } from '@/lib/health/precision';
import type { HealthType } from '@/lib/health';
import { addDays } from '@/lib/time';
import { dayPhrase, formatDelta, formatMetric, formatPercent } from '@/components/patient/format';
import { localDigits } from '@/lib/format/health';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
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
/** `locale` is the reader's language (English when not given). */
type Args = { rows: Rows; hours: Rows | undefined; clock: Clock; names: ReadonlyMap<string, string>; today: string; units: UnitPreferences; locale?: Locale };
type T = ReturnType<typeof translator<'dashboard'>>;
const tOf = (args: { locale?: Locale }): T => translator(args.locale ?? 'en', 'dashboard');
const loc = (args: { locale?: Locale }): Locale => args.locale ?? 'en';

type SingleId = 'steps' | 'resting-hr' | 'sleep' | 'weight' | 'glucose';
type Single = { id: SingleId; type: HealthType; comparison: Comparison; weighted: boolean };

const SINGLES: Single[] = [
  { id: 'steps', type: 'STEPS', comparison: 'TODAY_VS_WEEK', weighted: false },
  { id: 'resting-hr', type: 'RESTING_HEART_RATE', comparison: 'LATEST_DAY_VS_WEEK', weighted: true },
  { id: 'sleep', type: 'SLEEP_STATE', comparison: 'TODAY_VS_WEEK', weighted: false },
  { id: 'weight', type: 'WEIGHT', comparison: 'LATEST_VS_PREVIOUS', weighted: false },
];

export const DASHBOARD_TYPES: HealthType[] = ['STEPS', 'RESTING_HEART_RATE', 'SLEEP_STATE', 'WEIGHT', 'BLOOD_PRESSURE_SYSTOLIC', 'BLOOD_PRESSURE_DIASTOLIC', 'BLOOD_GLUCOSE'];
/** How far back the dashboard looks for a latest reading. */
export const DASHBOARD_DAYS = 90;

export function buildCards(args: Args): CardModel[] {
  const [steps, restingHr, sleep, weight] = SINGLES.map((def) => singleCard(def, args));
  return [steps!, restingHr!, sleep!, weight!, bloodPressureCard(args), singleCard({ id: 'glucose', type: 'BLOOD_GLUCOSE', comparison: 'LATEST_DAY_VS_WEEK', weighted: true }, args)];
}

function singleCard(def: Single, args: Args): CardModel {
  const { rows, names, today, units } = args;
  const t = tOf(args);
  const locale = loc(args);
  const title = t(`cards.${def.id}`);
  const list = rows[def.type] ?? [];
  const snap = snapshotMetric(list, { today, comparison: def.comparison, weighted: def.weighted });
  const partial = partialToday(def.type, args);
  const spark = sparkOf(def.type, list, partial ? addDays(today, -1) : today, units);
  const sparkLabel = t(partial ? 'sparkPartial' : 'spark', { title, count: spark.length });
  const base = { id: def.id, title, trendType: def.type, spark, sparkLabel, sparkDecimals: sparkDecimalsOf(def.type, units), hasData: snap !== null };
  if (!snap) {
    return { ...base, value: null, context: '', change: null, basis: null, sources: null, empty: t(`emptyWindow.${def.id}`, { days: DASHBOARD_DAYS }) };
  }
  const fmt = (v: number) => formatMetric(def.type, v, units, locale);
  const current = snap.current;
  const baselineText = snap.baseline ? baselineWords(def, snap.baseline, today, t, locale) : null;
  if (!current) {
    const what = t(`emptyToday.${def.id}`);
    const basis = def.type === 'STEPS' ? sameHoursBasis(args, false) : baselineText && snap.baseline ? t('baselineIs', { baseline: baselineText, value: fmt(snap.baseline.value) }) : null;
    return { ...base, value: null, context: '', change: null, basis, sources: null, empty: what };
  }
  if (partial) return { ...base, ...partialWords(def.type, args), value: fmt(current.value), sources: sourcesOf(def.type, current, names, t, locale), empty: null };
  const basis = baselineText && snap.baseline ? t('comparedWith', { baseline: baselineText, value: fmt(snap.baseline.value) }) : noBaselineWords(def.comparison, t);
  return {
    ...base,
    value: fmt(current.value),
    context: contextWords(def, snap, today, t, locale) + readingsNote(def.type, current, t, locale),
    change: snap.baseline ? changeWords(def.type, current.value, snap.baseline.value, units, def.comparison === 'TODAY_VS_WEEK' && def.type === 'STEPS', t, locale) : null,
    basis,
    sources: sourcesOf(def.type, current, names, t, locale),
    empty: null,
  };
}

function bloodPressureCard(args: Args): CardModel {
  const { rows, names, today, units } = args;
  const t = tOf(args);
  const locale = loc(args);
  const sys = rows.BLOOD_PRESSURE_SYSTOLIC ?? [];
  const dia = rows.BLOOD_PRESSURE_DIASTOLIC ?? [];
  const s = snapshotMetric(sys, { today, comparison: 'LATEST_DAY_VS_WEEK', weighted: true });
  const spark = sparkOf('BLOOD_PRESSURE_SYSTOLIC', sys, today, units);
  const base = {
    id: 'blood-pressure', title: t('cards.blood-pressure'), trendType: 'BLOOD_PRESSURE_SYSTOLIC' as const, hasData: s !== null,
    spark, sparkLabel: t('sparkSystolic', { count: spark.length }), sparkDecimals: 0,
  };
  if (!s?.current) {
    return { ...base, value: null, context: '', change: null, basis: null, sources: null, empty: t('emptyWindow.blood-pressure', { days: DASHBOARD_DAYS }) };
  }
  // The diastolic of the same day (a cuff sends both; one alone still shows).
  const d = snapshotMetric(dia.filter((r) => dayOf(r) <= s.day), { today: s.day, comparison: 'TODAY_VS_WEEK', weighted: true });
  const pair = (a: number, b: number | undefined) => localDigits(`${Math.round(a)}/${b === undefined ? '–' : Math.round(b)}`, locale);
  const value = `${pair(s.current.value, d?.current?.value)} mmHg`;
  let change: CardModel['change'] = null;
  let basis = t('noReadingsBefore');
  if (s.baseline) {
    const ds = s.current.value - s.baseline.value;
    const dd = d?.current && d.baseline ? d.current.value - d.baseline.value : undefined;
    const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${localDigits(String(Math.abs(Math.round(n))), locale)}`;
    const same = Math.round(ds) === 0 && (dd === undefined || Math.round(dd) === 0);
    change = {
      text: same ? t('aboutSameWeek') : t('bpChange', { change: `${signed(ds)}${dd === undefined ? '' : `/${signed(dd)}`}` }),
      direction: Math.round(ds) > 0 ? 'up' : Math.round(ds) < 0 ? 'down' : 'same',
    };
    basis = t('bpBasis', { value: pair(s.baseline.value, d?.baseline?.value) });
  }
  return {
    ...base,
    value,
    context: `${s.day === today ? t('todaySoFar') : t('latest', { day: dayPhrase(s.day, today, locale) })}${readingsNote('BLOOD_PRESSURE_SYSTOLIC', s.current, t, locale)}`,
    change,
    basis,
    sources: sourcesOf('BLOOD_PRESSURE_SYSTOLIC', s.current, names, t, locale),
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
  const t = tOf(args);
  if (type === 'SLEEP_STATE') {
    return { context: t('tonightSoFar'), change: null, basis: t('sleepLater') };
  }
  const same = sameHours(args);
  const change = same?.baseline ? changeWords(type, same.today, same.baseline.value, args.units, true, t, loc(args)) : null;
  return { context: t('todaySoFar'), change, basis: sameHoursBasis(args, true) };
}

const sameHours = ({ hours, rows, clock }: Args) => (hours ? sameHoursOfDay(hours.STEPS ?? [], rows.STEPS ?? [], clock) : null);

/** How today's steps are compared: up to the same hour on the 7 days before, or why not. */
function sameHoursBasis(args: Args, withToday: boolean): string {
  const same = sameHours(args);
  const t = tOf(args);
  const locale = loc(args);
  const fmt = (v: number) => formatMetric('STEPS', v, args.units, locale);
  if (!args.hours) return t('notOver');
  if (!same) return t('notYet', { hour: localDigits('01:00', locale) });
  if (!same.baseline) return t('noDataBefore');
  const partial = same.baseline.days < 7 ? t('withDataDays', { count: same.baseline.days }) : '';
  const until = localDigits(same.until, locale);
  if (!withToday) return t('upTo', { until, partial, value: fmt(same.baseline.value) });
  return t('comparedUpTo', { until, partial, today: fmt(same.today), value: fmt(same.baseline.value) });
}

function contextWords(def: Single, snap: MetricSnapshot, today: string, t: T, locale: Locale): string {
  if (def.type === 'SLEEP_STATE') return t('asleepLastNight');
  if (def.comparison === 'TODAY_VS_WEEK') return t('todaySoFar');
  if (def.comparison === 'LATEST_VS_PREVIOUS') return t('latestReading', { day: dayPhrase(snap.day, today, locale) });
  // An average of today's readings so far is still an average of readings, so it is compared; but
  // the day is not over, and says so.
  return snap.day === today ? t('todaySoFar') : t('latest', { day: dayPhrase(snap.day, today, locale) });
}

function readingsNote(type: HealthType, row: DayRow, t: T, locale: Locale): string {
  if (type !== 'BLOOD_GLUCOSE' && type !== 'BLOOD_PRESSURE_SYSTOLIC') return '';
  // `n` ungrouped in English, as before ("average of 1440 readings").
  return ` · ${t('readings', { count: row.count, n: localDigits(String(row.count), locale) })}`;
}

function baselineWords(def: Single, b: Baseline, today: string, t: T, locale: Locale): string {
  if (def.comparison === 'LATEST_VS_PREVIOUS') return t('previousReading', { day: dayPhrase(b.fromDay, today, locale) });
  const sleep = def.type === 'SLEEP_STATE';
  const partial = b.days < 7 ? t(sleep ? 'withDataNights' : 'withDataDays', { count: b.days }) : '';
  if (def.comparison === 'TODAY_VS_WEEK') return t(sleep ? 'averageNights' : 'averageDays', { partial });
  return t('averageReadings', { partial });
}

function noBaselineWords(comparison: Comparison, t: T): string {
  return comparison === 'LATEST_VS_PREVIOUS' ? t('noEarlier') : t('noDataBefore');
}

function changeWords(type: HealthType, current: number, baseline: number, units: UnitPreferences, withPercent: boolean, t: T, locale: Locale): CardModel['change'] {
  const { delta, percent } = changeFrom(current, baseline);
  // Rounded away or not is read from the English (Latin digits) text: the same in every language.
  const shown = formatDelta(type, delta, units);
  // A change that rounds away on screen ("−0 bpm") is no change to the reader.
  if (Number(shown.replace(/[^\d.]/g, '')) === 0) return { text: t('aboutSame'), direction: 'same' };
  const pct = withPercent && percent !== null ? ` (${percent > 0 ? '+' : percent < 0 ? '−' : '±'}${formatPercent(Math.abs(Math.round(percent)), locale)} %)` : '';
  return { text: `${locale === 'en' ? shown : formatDelta(type, delta, units, locale)}${pct}`, direction: delta > 0 ? 'up' : 'down' };
}

function sourcesOf(type: HealthType, row: DayRow, names: ReadonlyMap<string, string>, t: T, locale: Locale): CardModel['sources'] {
  const shares = sourceShares(row.sources, names, locale);
  if (shares.length === 0) return null;
  const of = type === 'STEPS' ? t('shareSteps') : type === 'SLEEP_STATE' ? t('shareSleep') : t('shareReadings');
  return { text: describeShares(shares, locale), of };
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
