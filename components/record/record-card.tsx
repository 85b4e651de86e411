'use client';
// The record card of the doctor's patient page: conditions, allergies (dangerous ones first, marked) and
// emergency contacts, which the linked doctor can add to, correct and remove.
import { useTranslations } from 'use-intl';
import { RecordView } from './record-view';

export function RecordCard({ patientId }: { patientId: string }) {
  const t = useTranslations('record');
  return <RecordView base={`/api/v1/patients/${patientId}`} canEdit title={t('viewTitle')} />;
}
