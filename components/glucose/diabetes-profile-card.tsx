// The diabetes profile as a card: on the doctor's patient page (the doctor edits it) and on the patient's
// settings page (the patient edits their own). The caller's access was checked by the page.
import { Card } from '@/components/ui/card';
import { readDiabetesProfile } from '@/lib/data/diabetes-profile';
import { DiabetesProfileForm } from './diabetes-profile-form';

export async function DiabetesProfileCard({ patientId, endpoint, canEdit = true, title = 'Diabetes profile' }: { patientId: string; endpoint: string; canEdit?: boolean; title?: string }) {
  const profile = await readDiabetesProfile(patientId);
  return (
    <Card title={title}>
      <DiabetesProfileForm profile={profile} endpoint={endpoint} canEdit={canEdit} idPrefix="diabetes-profile" />
    </Card>
  );
}
