// The diabetes profile as a card: on the doctor's patient page (the doctor edits it) and on the patient's
// settings page (the patient edits their own). The caller's access was checked by the page.
import { Card } from '@/components/ui/card';
import { readDiabetesProfile } from '@/lib/data/diabetes-profile';
import { getTranslations } from '@/lib/i18n/server';
import { DiabetesProfileForm } from './diabetes-profile-form';

export async function DiabetesProfileCard({ patientId, endpoint, canEdit = true, title }: { patientId: string; endpoint: string; canEdit?: boolean; title?: string }) {
  const [profile, t] = await Promise.all([readDiabetesProfile(patientId), getTranslations('glucose')]);
  return (
    <Card title={title ?? t('profile.title')}>
      <DiabetesProfileForm profile={profile} endpoint={endpoint} canEdit={canEdit} idPrefix="diabetes-profile" />
    </Card>
  );
}
