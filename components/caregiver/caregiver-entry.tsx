'use client';

// The shared entry forms (components/entry) for a caregiver allowed to log data: they post to
// POST /api/v1/patients/:id/entries (recorded as the caregiver); a save refreshes this patient's views.
import { useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { EntryForms } from '@/components/entry';

export function CaregiverEntry({ patientId, patientName, units }: {
  patientId: string;
  patientName: string;
  units: { glucose: 'mg/dL' | 'mmol/L'; weight: 'kg' | 'lb' };
}) {
  const qc = useQueryClient();
  const t = useTranslations('caregiver');
  return (
    <section aria-labelledby="log-data-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="entry-forms">
      <h2 id="log-data-heading" className="mb-3 text-base font-semibold text-slate-900">{t('logDataFor', { name: patientName })}</h2>
      <EntryForms
        endpoint={`/api/v1/patients/${patientId}/entries`}
        units={units}
        onSaved={() => void qc.invalidateQueries({ queryKey: ['patients', patientId] })}
      />
    </section>
  );
}
