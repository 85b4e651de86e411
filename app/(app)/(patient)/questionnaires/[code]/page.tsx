// /questionnaires/:code — answering one questionnaire, one question at a time (keyboard-accessible), then
// its result. An unknown code is the not-found page.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TakeQuestionnaire } from '@/components/questionnaires/take-questionnaire';
import { requirePageRole } from '@/lib/auth/page-access';
import { getTranslations } from '@/lib/i18n/server';
import { questionnaireByCode } from '@/lib/questionnaires/registry';

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const d = questionnaireByCode((await params).code);
  const t = await getTranslations('questionnaires');
  return { title: t('metaTitleOne', { title: d?.shortTitle ?? t('questionnaire') }) };
}

export default async function QuestionnairePage({ params }: { params: Promise<{ code: string }> }) {
  await requirePageRole(['PATIENT']);
  const definition = questionnaireByCode((await params).code);
  if (!definition) notFound();
  const t = await getTranslations('questionnaires');
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <nav aria-label={t('breadcrumb')} className="text-sm">
        <Link href="/questionnaires" className="text-teal-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
          {t('backLink')}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold text-slate-900">{t(`titles.${definition.code as 'gad7'}`)}</h1>
      <TakeQuestionnaire definition={definition} />
    </div>
  );
}
