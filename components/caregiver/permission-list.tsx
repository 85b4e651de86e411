// What a care link allows, in words (never by icon or colour alone).
import { getTranslations } from '@/lib/i18n/server';
import type { CareAccess } from '@/lib/data/patient-overview';

const PERMISSIONS = ['canView', 'canLogData', 'canReceiveAlerts'] as const;

export async function PermissionList({ access, label }: { access: CareAccess; label: string }) {
  const t = await getTranslations('caregiver');
  return (
    <ul aria-label={label} className="space-y-1 text-sm">
      {PERMISSIONS.map((key) => (
        <li key={key} className={`flex items-center gap-2 ${access[key] ? 'text-slate-900' : 'text-slate-600'}`}>
          <span
            aria-hidden="true"
            className={`inline-flex h-5 w-5 items-center justify-center rounded-full text-xs font-bold ${access[key] ? 'bg-teal-700 text-white' : 'bg-slate-200 text-slate-700'}`}
          >
            {access[key] ? '✓' : '–'}
          </span>
          {t(`permissions.${key}.${access[key] ? 'yes' : 'no'}`)}
        </li>
      ))}
    </ul>
  );
}
