// The patient's closed loop and pump as their Nightscout uploaders last reported them (Loop, Trio,
// AndroidAPS, xDrip+ devicestatus): how long ago, the loop's last run, IOB and COB, the temp basal it
// enacted, the pump's reservoir, battery and suspension, the phone's battery. A server component: it
// reads lib/data/nightscout-devicestatus.ts for a patient the page has already been allowed to show.
// What needs a look (the loop not run for 15 minutes or failing, low reservoir or batteries, a
// suspended pump) is shown as a warning, in words as well as colour; nothing reported says so.
import { Card } from '@/components/ui/card';
import { latestDeviceStatusesOf } from '@/lib/data/nightscout-devicestatus';
import type { Locale } from '@/lib/i18n/locales';
import { intlLocale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { getLocale } from '@/lib/i18n/server';
import { deviceStatusWarnings, type DeviceStatusSummary } from '@/lib/nightscout/devicestatus';

// Texts: nightscout.status.* (warnings: .warnings.<warning>), in the reader's language; the loop system's
// name (Loop, Trio, AndroidAPS) and units (U, g, U/h, V) as the apps write them.
type T = ReturnType<typeof translator<'nightscout'>>;

/** "just now", "4 min ago", "2 h 5 min ago", "3 days ago" (in the language of `t`). */
export function ago(ms: number | null, nowMs: number, t: T = translator('en', 'nightscout')): string {
  if (ms === null) return t('status.unknown');
  const minutes = Math.max(0, Math.round((nowMs - ms) / 60_000));
  if (minutes < 1) return t('status.justNow');
  if (minutes < 60) return t('status.minutesAgo', { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? t('status.hoursMinutesAgo', { hours, minutes: minutes % 60 }) : t('status.hoursAgo', { hours });
  return t('status.daysAgo', { days: Math.floor(hours / 24) });
}

const fmt = (locale: Locale, v: number | null, unit: string, digits = 1) =>
  v === null ? '—' : `${new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(v)} ${unit}`;

function Row({ label, value, warn = false }: { label: string; value: string; warn?: boolean }) {
  return (
    <div className="flex justify-between gap-4 py-0.5">
      <dt className="text-slate-600">{label}</dt>
      <dd className={warn ? 'font-semibold text-amber-800' : 'text-slate-900'}>{value}</dd>
    </div>
  );
}

export function DeviceStatusView({ status, nowMs, locale = 'en' }: { status: DeviceStatusSummary; nowMs: number; locale?: Locale }) {
  const t = translator(locale, 'nightscout');
  const since = (ms: number | null) => ago(ms, nowMs, t);
  const num = (v: number | null, unit: string, digits?: number) => fmt(locale, v, unit, digits);
  const percent = (v: number | null) => (v === null ? '—' : new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 0 }).format(v / 100));
  const warnings = deviceStatusWarnings(status, nowMs);
  const has = (w: (typeof warnings)[number]) => warnings.includes(w);
  const { loop, pump, uploader } = status;
  const temp = loop?.enacted ?? null;
  return (
    <div className={`rounded-lg border p-3 text-sm ${warnings.length > 0 ? 'border-amber-400 bg-amber-50' : 'border-slate-200'}`}>
      <p className="mb-2 text-slate-700">
        {status.device ? t('status.lastReportFrom', { when: since(status.atMs), device: status.device }) : t('status.lastReport', { when: since(status.atMs) })}
      </p>
      {warnings.length > 0 && (
        <ul role="alert" className="mb-2 list-disc pl-5 font-semibold text-amber-900">
          {warnings.map((w) => (
            <li key={w}>{t(`status.warnings.${w}`)}</li>
          ))}
        </ul>
      )}
      <dl>
        {loop && (
          <>
            <Row label={t('status.lastRun', { system: loop.system })} value={since(loop.lastRunMs)} warn={has('loop-stale')} />
            {loop.failureReason && <Row label={t('status.failure')} value={loop.failureReason} warn />}
            <Row label={t('status.iob')} value={num(loop.iob, 'U', 2)} />
            <Row label={t('status.cob')} value={num(loop.cob, 'g', 0)} />
            {temp && (
              <Row
                label={t('status.tempBasal')}
                value={`${num(temp.rate, 'U/h', 2)}${temp.durationMin !== null ? ` ${t('status.forMinutes', { minutes: temp.durationMin })}` : ''}${temp.atMs !== null ? `, ${since(temp.atMs)}` : ''}`}
              />
            )}
          </>
        )}
        {pump && (
          <>
            <Row label={t('status.reservoir')} value={num(pump.reservoir, 'U', 1)} warn={has('reservoir-low')} />
            <Row label={t('status.pumpBattery')} value={pump.battery !== null ? percent(pump.battery) : num(pump.batteryVoltage, 'V', 2)} warn={has('pump-battery-low')} />
            {pump.suspended !== null && <Row label={t('status.delivery')} value={pump.suspended ? t('status.suspended') : t('status.running')} warn={pump.suspended} />}
            {pump.clockMs !== null && <Row label={t('status.pumpClock')} value={since(pump.clockMs)} />}
          </>
        )}
        {uploader && <Row label={t('status.phoneBattery')} value={uploader.charging ? t('status.charging', { level: percent(uploader.battery) }) : percent(uploader.battery)} warn={has('uploader-battery-low')} />}
      </dl>
    </div>
  );
}

/** The card for one patient: each of their Nightscout sites that reported in the last day. */
export async function DeviceStatus({ patientId }: { patientId: string }) {
  const [{ nowMs, statuses }, locale] = await Promise.all([latestDeviceStatusesOf(patientId), getLocale()]);
  const t = translator(locale, 'nightscout');
  return (
    <Card title={t('status.title')}>
      {statuses.length === 0 ? (
        <p className="text-sm text-slate-700">{t('status.none')}</p>
      ) : (
        <div className="space-y-3">
          {statuses.map((s) => (
            <DeviceStatusView key={s.siteId} status={s} nowMs={nowMs} locale={locale} />
          ))}
        </div>
      )}
    </Card>
  );
}
