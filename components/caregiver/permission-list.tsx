// What a care link allows, in words (never by icon or colour alone).
import type { CareAccess } from '@/lib/data/patient-overview';

const PERMISSIONS: { key: 'canView' | 'canLogData' | 'canReceiveAlerts'; yes: string; no: string }[] = [
  { key: 'canView', yes: 'You can see their health data', no: 'You cannot see their health data' },
  { key: 'canLogData', yes: 'You can log readings and notes for them', no: 'You cannot log data for them' },
  { key: 'canReceiveAlerts', yes: 'You receive their emergency alerts', no: 'You do not receive their alerts' },
];

export function PermissionList({ access, label }: { access: CareAccess; label: string }) {
  return (
    <ul aria-label={label} className="space-y-1 text-sm">
      {PERMISSIONS.map((p) => (
        <li key={p.key} className={`flex items-center gap-2 ${access[p.key] ? 'text-slate-900' : 'text-slate-600'}`}>
          <span
            aria-hidden="true"
            className={`inline-flex h-5 w-5 items-center justify-center rounded-full text-xs font-bold ${access[p.key] ? 'bg-teal-700 text-white' : 'bg-slate-200 text-slate-700'}`}
          >
            {access[p.key] ? '✓' : '–'}
          </span>
          {access[p.key] ? p.yes : p.no}
        </li>
      ))}
    </ul>
  );
}
