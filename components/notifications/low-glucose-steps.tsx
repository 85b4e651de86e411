// What to do for a low glucose alert: the standard treatment (the rule of 15), and what never to do for
// someone who cannot swallow safely. Rendered inside the notification center (a client component).
import { useTranslations } from 'use-intl';

export function LowGlucoseSteps({ open = true }: { open?: boolean }) {
  const t = useTranslations('notificationCenter.lowSteps');
  return (
    <details open={open} className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-slate-900" data-testid="low-glucose-steps">
      <summary className="cursor-pointer font-semibold">{t('summary')}</summary>
      <ol className="mt-2 list-decimal space-y-1 pl-5">
        <li>{t('carbs')}</li>
        <li>{t('recheck')}</li>
        <li>{t('again')}</li>
        <li>{t('snack')}</li>
      </ol>
      <p className="mt-2 rounded border border-red-300 bg-white p-2 font-medium text-red-900">{t('cannotSwallow')}</p>
    </details>
  );
}
