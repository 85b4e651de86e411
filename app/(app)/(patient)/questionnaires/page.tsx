// /questionnaires — the patient's questionnaires (PHQ-4, GAD-7…): what their doctor asked them to answer
// today, the ones they can take on demand, and their results with score trends. Prefetched on the server.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { QuestionnairesView } from '@/components/questionnaires/questionnaires-view';
import { dueQueryKey, responsesQueryKey } from '@/components/questionnaires/query';
import { requirePageRole } from '@/lib/auth/page-access';
import { ownScope } from '@/lib/data/access';
import { latestResponses, listResponses } from '@/lib/data/questionnaires';
import { dueQuestionnaires, listSchedules } from '@/lib/data/questionnaires-schedules';
import { asJson } from '@/lib/query/api';
import { makeQueryClient } from '@/lib/query/query-client';
import { allQuestionnaires } from '@/lib/questionnaires/registry';
import { getTranslations } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('questionnaires'))('metaTitle') };
}

export default async function QuestionnairesPage() {
  const scope = await ownScope(await requirePageRole(['PATIENT']));
  const t = await getTranslations('questionnaires');
  const qc = makeQueryClient();
  await Promise.all([
    qc.prefetchQuery({
      queryKey: responsesQueryKey('/api/v1/users/me/questionnaires/responses'),
      queryFn: async () => asJson({ responses: await listResponses(scope), latest: await latestResponses(scope) }),
    }),
    qc.prefetchQuery({
      queryKey: dueQueryKey,
      queryFn: async () => asJson({ due: await dueQuestionnaires(scope), schedules: (await listSchedules(scope)).filter((s) => s.stoppedAt === null) }),
    }),
  ]);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      </header>
      <HydrationBoundary state={dehydrate(qc)}>
        <QuestionnairesView definitions={[...allQuestionnaires()]} timeZone={scope.timeZone} />
      </HydrationBoundary>
    </div>
  );
}
