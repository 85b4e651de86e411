// /questionnaires/:code — answering one questionnaire, one question at a time (keyboard-accessible), then
// its result. An unknown code is the not-found page.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TakeQuestionnaire } from '@/components/questionnaires/take-questionnaire';
import { requirePageRole } from '@/lib/auth/page-access';
import { questionnaireByCode } from '@/lib/questionnaires/registry';

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const d = questionnaireByCode((await params).code);
  return { title: `${d?.shortTitle ?? 'Questionnaire'} · Pulse` };
}

export default async function QuestionnairePage({ params }: { params: Promise<{ code: string }> }) {
  await requirePageRole(['PATIENT']);
  const definition = questionnaireByCode((await params).code);
  if (!definition) notFound();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/questionnaires" className="text-teal-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
          ← Questionnaires
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold text-slate-900">{definition.title}</h1>
      <TakeQuestionnaire definition={definition} />
    </div>
  );
}
