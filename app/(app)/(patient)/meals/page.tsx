// /meals — the patient's meals of the last 14 days with what glucose did after each, the photos, and the
// food–glucose patterns the data shows (components/meals). Meals are added on the Log data page.
import type { Metadata } from 'next';
import Link from 'next/link';
import { MealsCard } from '@/components/meals/meals-card';
import { requirePageRole } from '@/lib/auth/page-access';
import { ownScope } from '@/lib/data/access';
import { getTranslations } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meals'))('metaTitle') };
}

export default async function MealsPage() {
  const caller = await requirePageRole(['PATIENT']);
  const scope = await ownScope(caller);
  const t = await getTranslations('meals');
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t('intro')}{' '}
          <Link href="/entry" className="font-medium text-teal-800 underline">
            {t('logMeal')}
          </Link>
        </p>
      </header>
      <MealsCard scope={scope} photoBase="/api/v1/users/me/meals" deletable />
    </div>
  );
}
