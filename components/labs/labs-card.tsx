'use client';
// The labs card of the doctor's patient page: the patient's results, trends, HbA1c beside GMI, and a form
// for the doctor to enter a result (the API refuses it to anyone but a linked doctor).
import { useTranslations } from 'use-intl';
import { LabsView } from './labs-view';

export function LabsCard({ patientId, timeZone }: { patientId: string; timeZone: string }) {
  const t = useTranslations('labs');
  return <LabsView endpoint={`/api/v1/patients/${patientId}/labs`} timeZone={timeZone} canEnter title={t('cardTitle')} />;
}
