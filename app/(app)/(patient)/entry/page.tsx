// /entry — the patient logs a reading or an event by hand (server shell; the forms are interactive).
import type { Metadata } from 'next';
import { EntryForms } from '@/components/entry';
import { requirePageRole } from '@/lib/auth/page-access';
import { findSettings } from '@/lib/data/settings';
import { getTranslations } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('entry'))('metaTitle') };
}

export default async function EntryPage() {
  const caller = await requirePageRole(['PATIENT']);
  const [{ units }, t] = await Promise.all([findSettings(caller.id), getTranslations('entry')]);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      </header>
      <EntryForms endpoint="/api/v1/users/me/entries" units={{ glucose: units.glucose, weight: units.weight }} timelineHref="/timeline" mealsEndpoint="/api/v1/users/me/meals" mealsHref="/meals" />
    </div>
  );
}
