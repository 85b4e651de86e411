// What each "today at a glance" card says, pure: the value, what it is compared with (in words), and
// where it came from. The components only lay this out.
import { toDisplay, type UnitPreferences } from '@/lib/format/health';
import type { HealthType } from '@/lib/health';
import { addDays } from '@/lib/time';
import { dayPhrase, formatDelta, formatMetric } from '@/components/patient/format';
import { changeFrom, dayOf, snapshotMetric, type Baseline, type Comparison, type DayRow, type MetricSnapshot } from './metrics';
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
  spark: number[];
  /** Shown instead of a value when there is nothing to show. */
  empty: string | null;
  /** Whether anything at all came in the window (else the card suggests connecting a source). */
  hasData: boolean;
};

type Rows = Partial<Record<HealthType, DayRow[]>>;
type Args = { rows: Rows; names: ReadonlyMap<string, string>; today: string; units: UnitPreferences };

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

function singleCard(def: Single, { rows, names, today, units }: Args): CardModel {
  const list = rows[def.type] ?? [];
  const snap = snapshotMetric(list, { today, comparison: def.comparison, weighted: def.weighted });
  const base = { id: def.id, title: def.title, trendType: def.type, spark: sparkOf(def.type, list, today, units), hasData: snap !== null };
  if (!snap) {
    return { ...base, value: null, context: '', change: null, basis: null, sources: null, empty: `No ${def.noun} in the last ${DASHBOARD_DAYS} days.` };
  }
  const fmt = (v: number) => formatMetric(def.type, v, units);
  const current = snap.current;
  const baselineText = snap.baseline ? baselineWords(def, snap.baseline, today) : null;
  if (!current) {
    const what = def.type === 'SLEEP_STATE' ? 'No sleep recorded for last night yet.' : `No ${def.noun} recorded today yet.`;
    const basis = baselineText && snap.baseline ? `The ${baselineText}: ${fmt(snap.baseline.value)}.` : null;
    return { ...base, value: null, context: '', change: null, basis: basis && basis[0]!.toUpperCase() + basis.slice(1), sources: null, empty: what };
  }
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
  const base = { id: 'blood-pressure', title: 'Blood pressure', trendType: 'BLOOD_PRESSURE_SYSTOLIC' as const, spark: sparkOf('BLOOD_PRESSURE_SYSTOLIC', sys, today, units), hasData: s !== null };
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
    context: `${s.day === today ? 'Today' : `Latest, ${dayPhrase(s.day, today)}`}${readingsNote('BLOOD_PRESSURE_SYSTOLIC', s.current)}`,
    change,
    basis,
    sources: sourcesOf('BLOOD_PRESSURE_SYSTOLIC', s.current, names),
    empty: null,
  };
}

function contextWords(def: Single, snap: MetricSnapshot, today: string): string {
  if (def.type === 'SLEEP_STATE') return 'Asleep last night';
  if (def.comparison === 'TODAY_VS_WEEK') return 'Today so far';
  if (def.comparison === 'LATEST_VS_PREVIOUS') return `Latest reading, ${dayPhrase(snap.day, today)}`;
  return snap.day === today ? 'Today' : `Latest, ${dayPhrase(snap.day, today)}`;
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

/** The last 14 days with data, in display units (sleep in hours). */
function sparkOf(type: HealthType, rows: readonly DayRow[], today: string, units: UnitPreferences): number[] {
  return rows
    .filter((r) => dayOf(r) <= today)
    .slice(-14)
    .map((r) => (type === 'SLEEP_STATE' ? r.value / 60 : toDisplay(type, r.value, units)));
}

/** The one aggregates request behind the cards (server prefetch and client use the same). */
export function dashboardAggregates(today: string) {
  return { types: DASHBOARD_TYPES, period: 'day' as const, from: addDays(today, -(DASHBOARD_DAYS - 1)), to: today };
}
