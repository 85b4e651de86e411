// A triage reason (lib/data/triage-classify.ts) in words for one reader: glucose in their unit, numbers in
// their digits, in their language (English when not given: the API's `reason` is this in English).
// Client-safe: the triage page words each row in the browser.
import type { TriageGlucosePart, TriageReason } from '../data/triage-classify';
import type { HealthType } from '../generated/prisma/enums';
import { formatMinutes } from '../pipeline/insights/format';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';
import { mmHg } from './emergency-reading';
import { DEFAULT_UNITS, displayUnit, formatNumber, formatValue, localDigits, numberLocale, type UnitPreferences } from './health';

type T = ReturnType<typeof translator<'triage'>>;

/** A percentage or rate as the data gave it (at most one decimal), in the locale's digits: "4.2". */
const decimal = (v: number, locale: Locale, fixed = false) =>
  v.toLocaleString(numberLocale(locale), { minimumFractionDigits: fixed ? 1 : 0, maximumFractionDigits: 1 });
/** A count, whole, grouped as the locale groups: "35,000", "35,000" (hi: "1,23,456"). */
const count = (v: number, locale: Locale) => Math.round(v).toLocaleString(numberLocale(locale), { maximumFractionDigits: 0 });

/** "186/96 mmHg", or "160/– mmHg" when a half is missing. */
function bloodPressure(t: T, d: { systolic?: number; diastolic?: number }, locale: Locale): string {
  const half = (v: number | undefined) => (v === undefined ? '–' : mmHg(v, locale));
  return t('reason.bloodPressure', { systolic: half(d.systolic), diastolic: half(d.diastolic) });
}

function glucosePart(t: T, part: TriageGlucosePart, units: UnitPreferences, locale: Locale): string {
  const number = (mgdl: number) => formatNumber('BLOOD_GLUCOSE', mgdl, units, locale);
  const unit = displayUnit('BLOOD_GLUCOSE', units).label;
  const target = (share: string, mgdl: number[]) => {
    if (share === 'inRange') return t('reason.target.inRange', { low: number(mgdl[0]!), high: number(mgdl[1]!), unit });
    return t(share.startsWith('below') ? 'reason.target.below' : 'reason.target.above', { value: number(mgdl[0]!), unit });
  };
  if (part.source !== 'cgm') {
    const misses = part.misses.map((m) =>
      t('reason.readingsMiss', { share: decimal(m.sharePercent, locale), target: target(m.share, m.mgdl), bound: m.bound, percent: decimal(m.percent, locale) }),
    );
    return t('reason.glucose', { source: part.source, misses: misses.join('; '), readings: part.readings, days: part.days });
  }
  const flags = part.flags.map((f) => {
    const values = { value: decimal(f.value, locale), percent: decimal(f.percent, locale) };
    if (f.flag === 'cv') return t('reason.cgmCv', values);
    if (f.flag === 'wear') return t('reason.cgmWear', values);
    const range =
      f.flag === 'veryLow' ? target('below', [54])
      : f.flag === 'below' ? target('below', [part.low])
      : f.flag === 'veryHigh' ? target('above', [250])
      : f.flag === 'above' ? target('above', [part.high])
      : f.flag === 'low' ? t('reason.target.between', { low: number(54), high: number(part.low), unit })
      : f.flag === 'high' ? t('reason.target.between', { low: number(part.high), high: number(250), unit })
      : target('inRange', [part.low, part.high]);
    return t('reason.cgmRange', { ...values, target: range, bound: f.bound });
  });
  return t('reason.cgm', {
    days: part.days, flags: flags.join('; '),
    timeInRange: decimal(part.timeInRange, locale), cv: decimal(part.cv, locale), worn: decimal(part.worn, locale),
  });
}

/** The reason a patient sits in their triage group, as the reader reads it. */
export function triageReasonText(r: TriageReason, units: UnitPreferences = DEFAULT_UNITS, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale, 'triage');
  switch (r.kind) {
    case 'emergency': {
      const kind = t(`emergencyKinds.${r.emergency}`);
      const reading = r.mgdl !== undefined ? formatValue('BLOOD_GLUCOSE', r.mgdl, units, locale)
        : r.systolic !== undefined || r.diastolic !== undefined ? bloodPressure(t, r, locale) : null;
      return t('reason.emergency', { what: reading === null ? kind : t('reason.emergencyReading', { kind, reading }), status: r.status, more: r.moreOpen });
    }
    case 'glucose':
      return r.parts.map((p) => glucosePart(t, p, units, locale)).join('. ');
    case 'bpCrisis':
      return t('reason.bpCrisis', {
        reading: bloodPressure(t, r, locale), day: localDigits(r.day, locale), systolic: mmHg(r.systolicHigh, locale), diastolic: mmHg(r.diastolicHigh, locale),
      });
    case 'missedDoses':
      return t('reason.missedDoses', { taken: count(r.taken, locale), scheduled: r.scheduled, days: r.days, percent: decimal(r.percent, locale), target: count(r.target, locale) });
    case 'rhrRising':
      return t('reason.rhrRising', { perWeek: decimal(r.perWeek, locale, true), window: r.window, days: r.days });
    case 'sleepDeficit':
      return t('reason.sleepDeficit', { duration: localDigits(formatMinutes(r.minutes), locale), window: r.window, nights: r.nights });
    case 'activityDrop':
      return t('reason.activityDrop', { percent: count(r.percent, locale), thisWeek: count(r.thisWeek, locale), usual: count(r.usual, locale) });
    case 'noData':
      return t('reason.noData', { days: r.days });
    case 'noRecentData':
      return t('reason.noRecentData', { days: r.days });
    case 'neverSynced':
      return t('reason.neverSynced');
    case 'onTarget':
      return t('reason.onTarget', { days: r.days });
  }
}

/** The sparkline's name for screen readers: "Daily steps, last 14 days". */
export function triageSparkLabel(type: HealthType, days: number, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale, 'triage');
  const known = ['BLOOD_GLUCOSE', 'BLOOD_PRESSURE_SYSTOLIC', 'RESTING_HEART_RATE', 'SLEEP_STATE', 'SLEEP_ANALYSIS', 'STEPS'] as const;
  const what = (known as readonly string[]).includes(type) ? t(`spark.${type as (typeof known)[number]}`) : type;
  return t('sparkline', { what, days });
}
