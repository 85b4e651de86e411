// The patient's closed loop and pump as their Nightscout uploaders last reported them (Loop, Trio,
// AndroidAPS, xDrip+ devicestatus): how long ago, the loop's last run, IOB and COB, the temp basal it
// enacted, the pump's reservoir, battery and suspension, the phone's battery. A server component: it
// reads lib/data/nightscout-devicestatus.ts for a patient the page has already been allowed to show.
// What needs a look (the loop not run for 15 minutes or failing, low reservoir or batteries, a
// suspended pump) is shown as a warning, in words as well as colour; nothing reported says so.
import { Card } from '@/components/ui/card';
import { latestDeviceStatusesOf } from '@/lib/data/nightscout-devicestatus';
import { deviceStatusWarnings, type DeviceStatusSummary, type Warning } from '@/lib/nightscout/devicestatus';

const WARNING_TEXT: Record<Warning, string> = {
  'loop-stale': 'Loop has not run for more than 15 minutes',
  'loop-failed': 'Loop’s last run failed',
  'pump-suspended': 'Insulin delivery is suspended',
  'reservoir-low': 'Reservoir is low',
  'pump-battery-low': 'Pump battery is low',
  'uploader-battery-low': 'Phone battery is low',
};

/** "just now", "4 min ago", "2 h 5 min ago", "3 days ago". */
export function ago(ms: number | null, nowMs: number): string {
  if (ms === null) return 'unknown';
  const minutes = Math.max(0, Math.round((nowMs - ms) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''} ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

const fmt = (v: number | null, unit: string, digits = 1) => (v === null ? '—' : `${Number(v.toFixed(digits))} ${unit}`);

function Row({ label, value, warn = false }: { label: string; value: string; warn?: boolean }) {
  return (
    <div className="flex justify-between gap-4 py-0.5">
      <dt className="text-slate-600">{label}</dt>
      <dd className={warn ? 'font-semibold text-amber-800' : 'text-slate-900'}>{value}</dd>
    </div>
  );
}

export function DeviceStatusView({ status, nowMs }: { status: DeviceStatusSummary; nowMs: number }) {
  const warnings = deviceStatusWarnings(status, nowMs);
  const has = (w: Warning) => warnings.includes(w);
  const { loop, pump, uploader } = status;
  const temp = loop?.enacted ?? null;
  return (
    <div className={`rounded-lg border p-3 text-sm ${warnings.length > 0 ? 'border-amber-400 bg-amber-50' : 'border-slate-200'}`}>
      <p className="mb-2 text-slate-700">
        Last report {ago(status.atMs, nowMs)}
        {status.device ? ` from ${status.device}` : ''}
      </p>
      {warnings.length > 0 && (
        <ul role="alert" className="mb-2 list-disc pl-5 font-semibold text-amber-900">
          {warnings.map((w) => (
            <li key={w}>{WARNING_TEXT[w]}</li>
          ))}
        </ul>
      )}
      <dl>
        {loop && (
          <>
            <Row label={`${loop.system} last run`} value={ago(loop.lastRunMs, nowMs)} warn={has('loop-stale')} />
            {loop.failureReason && <Row label="Failure" value={loop.failureReason} warn />}
            <Row label="Insulin on board" value={fmt(loop.iob, 'U', 2)} />
            <Row label="Carbs on board" value={fmt(loop.cob, 'g', 0)} />
            {temp && <Row label="Temp basal enacted" value={`${fmt(temp.rate, 'U/h', 2)}${temp.durationMin !== null ? ` for ${temp.durationMin} min` : ''}${temp.atMs !== null ? `, ${ago(temp.atMs, nowMs)}` : ''}`} />}
          </>
        )}
        {pump && (
          <>
            <Row label="Reservoir" value={fmt(pump.reservoir, 'U', 1)} warn={has('reservoir-low')} />
            <Row label="Pump battery" value={pump.battery !== null ? `${pump.battery}%` : fmt(pump.batteryVoltage, 'V', 2)} warn={has('pump-battery-low')} />
            {pump.suspended !== null && <Row label="Delivery" value={pump.suspended ? 'suspended' : 'running'} warn={pump.suspended} />}
            {pump.clockMs !== null && <Row label="Pump clock" value={ago(pump.clockMs, nowMs)} />}
          </>
        )}
        {uploader && <Row label="Phone battery" value={`${uploader.battery}%${uploader.charging ? ' (charging)' : ''}`} warn={has('uploader-battery-low')} />}
      </dl>
    </div>
  );
}

/** The card for one patient: each of their Nightscout sites that reported in the last day. */
export async function DeviceStatus({ patientId }: { patientId: string }) {
  const { nowMs, statuses } = await latestDeviceStatusesOf(patientId);
  return (
    <Card title="Pump and loop">
      {statuses.length === 0 ? (
        <p className="text-sm text-slate-700">No pump or loop status reported in the last 24 hours.</p>
      ) : (
        <div className="space-y-3">
          {statuses.map((s) => (
            <DeviceStatusView key={s.siteId} status={s} nowMs={nowMs} />
          ))}
        </div>
      )}
    </Card>
  );
}
