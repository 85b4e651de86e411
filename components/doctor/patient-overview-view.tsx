'use client';

// The overview sections of one patient, as the carer's link allows (null sections are not shown):
// emergencies, then insights, medications and events. Shared by the doctor's and the caregiver's
// patient pages; `part` renders only the emergencies or only the health sections.
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { ErrorMessage, Loading } from '@/components/ui/states';
import type { UnitPreferences } from '@/lib/format/health';
import { EmergenciesCard } from './emergencies-card';
import { EventsCard } from './events-card';
import { todayIn } from './format';
import { InsightsCard } from './insights-card';
import { MedicationsCard } from './medications-card';
import { overviewOptions } from './queries';

export function PatientOverviewView({ patientId, units, timeZone, part = 'all' }: {
  patientId: string;
  units: UnitPreferences;
  timeZone: string;
  part?: 'all' | 'emergencies' | 'health';
}) {
  const { data, error, isPending, refetch } = useQuery(overviewOptions(patientId));
  const t = useTranslations('doctor');
  if (isPending) return <Loading label={t('overview.loading')} />;
  if (error) return <ErrorMessage error={error} retry={() => void refetch()} />;
  const today = todayIn(timeZone);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {part !== 'health' && data.emergencies && (
        <div className="lg:col-span-2">
          <EmergenciesCard patientId={patientId} emergencies={data.emergencies} units={units} timeZone={timeZone} today={today} />
        </div>
      )}
      {part !== 'emergencies' && data.insights && <InsightsCard insights={data.insights} />}
      {part !== 'emergencies' && data.medications && <MedicationsCard medications={data.medications} />}
      {part !== 'emergencies' && data.events && (
        <div className="lg:col-span-2">
          <EventsCard events={data.events} timeZone={timeZone} today={today} />
        </div>
      )}
    </div>
  );
}
