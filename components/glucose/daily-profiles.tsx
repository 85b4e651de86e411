// The daily glucose profiles of the AGP report: one small chart per local day (the last 14 of the period,
// in the patient's zone), the target range shaded, CGM readings as a line broken over gaps of more than
// 15 minutes (meter readings as dots). Plain SVG, drawn on the server; each day says in words how many
// readings it has and its lowest and highest.
import type { DailyProfile } from '@/lib/report/model';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { glucoseText, profileDay } from '@/lib/report/format';

const W = 144;
const H = 60;

function path(day: DailyProfile, y: (v: number) => number): string {
  return day.points.map((p) => `${p.gapBefore ? 'M' : 'L'}${((W * p.minute) / 1440).toFixed(1)},${y(p.mgdl).toFixed(1)}`).join('');
}

export function DailyProfiles({ days, low, high, unit, locale }: { days: DailyProfile[]; low: number; high: number; unit: 'MG_DL' | 'MMOL_L'; locale: Locale }) {
  const t = translator(locale, 'report');
  const max = Math.max(350, ...days.flatMap((d) => d.points.map((p) => p.mgdl)));
  const y = (v: number) => H - (H * Math.min(v, max)) / max;
  return (
    <ol className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7 print:grid-cols-7">
      {days.map((d) => {
        const values = d.points.map((p) => p.mgdl);
        const day = profileDay(d.day, locale);
        const text = values.length === 0
          ? t('daily.none', { day })
          : t('daily.some', { day, count: values.length, low: glucoseText(Math.min(...values), unit, locale), high: glucoseText(Math.max(...values), unit, locale) });
        return (
          <li key={d.day} className="min-w-0">
            <p className="text-xs text-slate-700">{day}</p>
            <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full rounded border border-slate-200 bg-white" role="img" aria-label={text}>
              <rect x={0} y={y(high)} width={W} height={y(low) - y(high)} fill="#dcfce7" />
              <line x1={W / 2} x2={W / 2} y1={0} y2={H} stroke="#e2e8f0" strokeWidth={0.5} />
              {d.kind === 'cgm'
                ? <path d={path(d, y)} fill="none" stroke="#1e3a8a" strokeWidth={1.2} strokeLinejoin="round" />
                : d.points.map((p, i) => <circle key={i} cx={(W * p.minute) / 1440} cy={y(p.mgdl)} r={2} fill="#1e3a8a" />)}
            </svg>
          </li>
        );
      })}
    </ol>
  );
}
